import { z } from "zod";
import { parseBbox, parseQueryPosition } from "../../core/border/bbox";
import { closeInput, followupInput, incidentInput, incidentQuery, nearestQuery, releaseInput } from "../../core/border/inputs";
import { incidentDetailView, incidentPageView, nearestCrossingView } from "../../core/border/views";
import { DomainError } from "../../core/errors";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { authorizeBorder, borderContext, closeIncident, postFollowup, releaseIncident, reportValidatedIncident } from "./commands";
import { incidentDetail, listIncidents, nearestCrossing, reportedIncidentDetail } from "./queries";

const idParams = z.strictObject({ id: z.uuid() });

/**
 * Incidents and seizures: reported on the writer's own territory, followed up by either
 * side, closed by the owner, released from the national space as sanitised copies.
 */
export function incidentRoutes(app: App, node: NodeRuntime): void {
  const { db } = node;
  const tags = ["incidents"];
  const ctx = (request: Parameters<typeof actorOf>[0]) => borderContext(node, actorOf(request));
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeBorder(actorOf(request), "border.read");
  const detail = async (id: string) => {
    // One snapshot: the incident row and its follow-ups from the same committed state.
    const d = await db.snapshot((sql) => incidentDetail(sql, id));
    if (!d) throw new DomainError("incident.not_found", "no such incident", "path.id");
    return d;
  };

  app.get(
    "/incidents",
    {
      schema: {
        tags,
        summary: "Incidents newest first: time window [from, to), sector, type, status, bbox=minLon,minLat,maxLon,maxLat; keyset pages",
        querystring: incidentQuery,
        response: { 200: incidentPageView },
      },
    },
    async (request) => {
      read(request);
      const { bbox, ...rest } = request.query;
      return db.connection((sql) => listIncidents(sql, { ...rest, ...(bbox !== undefined ? { bbox: parseBbox(bbox) } : {}) }));
    },
  );
  app.post(
    "/incidents",
    {
      schema: { tags, summary: "Report an incident on this side's territory", body: incidentInput, response: { 201: incidentDetailView } },
    },
    async (request, reply) => {
      const reported = await reportValidatedIncident(ctx(request), request.body);
      return reply.status(201).send(reportedIncidentDetail(reported));
    },
  );
  app.get(
    "/incidents/nearest-crossing",
    {
      schema: {
        tags,
        summary: "The crossing nearest a position (lat & lon, or mgrs), within 50 km",
        querystring: nearestQuery,
        response: { 200: nearestCrossingView },
      },
    },
    async (request) => {
      read(request);
      const p = parseQueryPosition(request.query);
      const hit = await db.connection((sql) => nearestCrossing(sql, p));
      return hit ?? { crossing: null, distanceM: null };
    },
  );
  app.get(
    "/incidents/:id",
    { schema: { tags, summary: "An incident with its follow-ups", params: idParams, response: { 200: incidentDetailView } } },
    async (request) => {
      read(request);
      return detail(request.params.id);
    },
  );
  app.post(
    "/incidents/:id/followups",
    {
      schema: {
        tags,
        summary: "Add a follow-up report (either side)",
        params: idParams,
        body: followupInput,
        response: { 201: incidentDetailView },
      },
    },
    async (request, reply) => {
      await postFollowup(ctx(request), request.params.id, request.body);
      return reply.status(201).send(await detail(request.params.id));
    },
  );
  app.post(
    "/incidents/:id/close",
    {
      schema: {
        tags,
        summary: "Close an incident (owner node), with a reason",
        params: idParams,
        body: closeInput,
        response: { 200: incidentDetailView },
      },
    },
    async (request) => {
      await closeIncident(ctx(request), request.params.id, request.body);
      return detail(request.params.id);
    },
  );
  app.post(
    "/incidents/:id/release",
    {
      schema: {
        tags,
        summary: "Release a national incident into a shared space as a sanitised copy",
        params: idParams,
        body: releaseInput,
        response: { 201: incidentDetailView },
      },
    },
    async (request, reply) => {
      const copyId = await releaseIncident(ctx(request), request.params.id, request.body);
      return reply.status(201).send(await detail(copyId));
    },
  );
}
