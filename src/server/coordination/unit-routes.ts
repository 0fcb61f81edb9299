import { z } from "zod";
import { reasonInput, unitCalendarQuery, unitInput, unitListQuery, unitPatch } from "../../core/coordination/inputs";
import { pageView, unitView } from "../../core/coordination/views";
import { DomainError } from "../../core/errors";
import { tokenIdActor } from "../admin/auth";
import { createToken } from "../admin/commands";
import { actorOf, authenticate } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { calendarLinks } from "./calendar-link";
import { authorizeCoordination } from "./commands";
import { unitFeedIcs } from "./ical/meeting-ics";
import { listMeetings } from "./meeting-queries";
import { listSeries } from "./series-queries";
import { createUnit, patchUnit, retireUnit } from "./unit-commands";
import { listUnits, unitView as loadUnit } from "./unit-queries";

const idParams = z.strictObject({ id: z.uuid() });
const calendarLinkView = z.object({ url: z.string(), tokenId: z.string() });
const tags = ["coordination"];

/** `/units`: the regional units of both sides, and each unit's calendar feed. */
export function unitRoutes(app: App, node: NodeRuntime): void {
  const { db, store } = node;
  const links = calendarLinks(node.keys);
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ store, actor: actorOf(request) });
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeCoordination(actorOf(request), "coordination.read");
  const found = async (id: string) => {
    const u = await db.connection((sql) => loadUnit(sql, id));
    if (!u) throw new DomainError("unit.not_found", "no such unit", "path.id");
    return u;
  };

  app.get(
    "/units",
    { schema: { tags, summary: "Regional units of both sides", querystring: unitListQuery, response: { 200: pageView(unitView) } } },
    async (request) => {
      read(request);
      const { node: side, sectorId, includeRetired, limit, cursor } = request.query;
      return db.connection((sql) =>
        listUnits(sql, {
          includeRetired,
          limit,
          ...(side ? { node: side } : {}),
          ...(sectorId ? { sectorId } : {}),
          ...(cursor ? { cursor } : {}),
        }),
      );
    },
  );
  app.post(
    "/units",
    { schema: { tags, summary: "Define a regional unit of this node's side", body: unitInput, response: { 201: unitView } } },
    async (request, reply) => reply.status(201).send(await found(await createUnit(ctx(request), request.body))),
  );
  app.get("/units/:id", { schema: { tags, summary: "A unit", params: idParams, response: { 200: unitView } } }, async (request) => {
    read(request);
    return found(request.params.id);
  });
  app.patch(
    "/units/:id",
    { schema: { tags, summary: "Change a unit (its own side only)", params: idParams, body: unitPatch, response: { 200: unitView } } },
    async (request) => {
      await patchUnit(ctx(request), request.params.id, request.body);
      return found(request.params.id);
    },
  );
  app.post(
    "/units/:id/retire",
    { schema: { tags, summary: "Retire a unit (its own side only)", params: idParams, body: reasonInput, response: { 200: unitView } } },
    async (request) => {
      await retireUnit(ctx(request), request.params.id, request.body.reason);
      return found(request.params.id);
    },
  );
  app.post(
    "/units/:id/calendar-link",
    {
      schema: {
        tags,
        summary: "A link to subscribe to the unit's calendar from a calendar application (backed by a new API token of the caller's)",
        params: idParams,
        response: { 201: calendarLinkView },
      },
    },
    async (request, reply) => {
      read(request);
      const unit = await found(request.params.id);
      const { view } = await createToken(ctx(request), { label: `Calendario · ${unit.name}`.slice(0, 100) });
      const base = node.config.publicUrl ?? `${request.protocol}://${request.host}`;
      const url = new URL(`/api/v1/units/${unit.id}/calendar.ics`, base);
      url.searchParams.set("feed", links.param(view.id, unit.id));
      return reply.status(201).send({ url: url.toString(), tokenId: view.id });
    },
  );
  app.get(
    "/units/:id/calendar.ics",
    {
      // Authenticated in the handler: by a subscription link's proof, else by header or session as elsewhere.
      config: { public: true },
      schema: {
        tags,
        summary: "The unit's meetings as an iCalendar subscription feed (series with their RRULE)",
        params: idParams,
        querystring: unitCalendarQuery,
        produces: ["text/calendar"],
      },
    },
    async (request, reply) => {
      const { feed } = request.query;
      request.actor = feed
        ? await tokenIdActor(db, links.tokenOf(feed, request.params.id), node.config.node)
        : await authenticate(request, { db, node: node.config.node });
      read(request);
      const unit = await found(request.params.id);
      const { meetings, series } = await db.connection(async (sql) => {
        const all = [];
        let cursor: string | undefined;
        do {
          const page = await listMeetings(sql, { unitId: unit.id, limit: 500, ...(cursor ? { cursor } : {}) });
          all.push(...page.items);
          cursor = page.next ?? undefined;
        } while (cursor);
        const ids = new Set(all.flatMap((m) => (m.seriesId ? [m.seriesId] : [])));
        return { meetings: all, series: (await listSeries(sql)).filter((s) => ids.has(s.id)) };
      });
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `inline; filename="unidad-${unit.id}.ics"`)
        .send(unitFeedIcs({ name: unit.name, node: unit.ownerNode }, meetings, series, request.query.lang));
    },
  );
}
