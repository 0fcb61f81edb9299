import { z } from "zod";
import {
  attendanceInput,
  calendarQuery,
  meetingInput,
  meetingListQuery,
  meetingPatch,
  minutesInput,
  outcomeInput,
  reasonInput,
  reminderQuery,
  seriesInput,
} from "../../core/coordination/inputs";
import { meetingDetailView, meetingView, outcomeView, pageView, reminderView, seriesView } from "../../core/coordination/views";
import { DomainError } from "../../core/errors";
import { todayUtc } from "../commitments/commands";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { authorizeCoordination } from "./commands";
import { meetingIcs } from "./ical/meeting-ics";
import {
  cancelMeeting,
  cancelSeries,
  confirmAttendance,
  createSeries,
  patchMeeting,
  recordMinutes,
  recordOutcome,
  scheduleMeeting,
} from "./meeting-commands";
import { listMeetings, meetingDetail, outcomesOf } from "./meeting-queries";
import { dueReminders } from "./reminders";
import { listSeries, seriesView as loadSeries } from "./series-queries";

const idParams = z.strictObject({ id: z.uuid() });
const tags = ["coordination"];

/** `/meetings`, `/meeting-series` and `/reminders`. Reads need any role; writes by policy. */
export function meetingRoutes(app: App, node: NodeRuntime, now: () => number): void {
  const { db, store } = node;
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ store, actor: actorOf(request) });
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeCoordination(actorOf(request), "coordination.read");
  const detail = async (id: string) => {
    const m = await db.connection((sql) => meetingDetail(sql, id, todayUtc()));
    if (!m) throw new DomainError("meeting.not_found", "no such meeting", "path.id");
    return m;
  };
  const one = { 200: meetingDetailView };

  app.get(
    "/meetings",
    { schema: { tags, summary: "Meetings in start order", querystring: meetingListQuery, response: { 200: pageView(meetingView) } } },
    async (request) => {
      read(request);
      const q = request.query;
      const filter = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as typeof q;
      return db.connection((sql) => listMeetings(sql, filter));
    },
  );
  app.post(
    "/meetings",
    {
      schema: {
        tags,
        summary: "Schedule a meeting hosted by one of this node's units",
        body: meetingInput,
        response: { 201: meetingDetailView },
      },
    },
    async (request, reply) => reply.status(201).send(await detail(await scheduleMeeting(ctx(request), request.body))),
  );
  app.get(
    "/meetings/:id",
    { schema: { tags, summary: "A meeting with its minutes and outcomes", params: idParams, response: one } },
    async (request) => {
      read(request);
      return detail(request.params.id);
    },
  );
  app.patch(
    "/meetings/:id",
    { schema: { tags, summary: "Change a meeting (the host's node only)", params: idParams, body: meetingPatch, response: one } },
    async (request) => {
      await patchMeeting(ctx(request), request.params.id, request.body);
      return detail(request.params.id);
    },
  );
  app.post(
    "/meetings/:id/cancel",
    { schema: { tags, summary: "Cancel a meeting (the host's node only)", params: idParams, body: reasonInput, response: one } },
    async (request) => {
      await cancelMeeting(ctx(request), request.params.id, request.body.reason);
      return detail(request.params.id);
    },
  );
  app.post(
    "/meetings/:id/attendance",
    {
      schema: {
        tags,
        summary: "Confirm (or decline) attendance for one of this node's units",
        params: idParams,
        body: attendanceInput,
        response: one,
      },
    },
    async (request) => {
      await confirmAttendance(ctx(request), request.params.id, request.body);
      return detail(request.params.id);
    },
  );
  app.post(
    "/meetings/:id/minutes",
    {
      schema: {
        tags,
        summary: "Record the minutes (the host's node; a new version each time)",
        params: idParams,
        body: minutesInput,
        response: { 201: meetingDetailView },
      },
    },
    async (request, reply) => {
      await recordMinutes(ctx(request), request.params.id, request.body.text);
      return reply.status(201).send(await detail(request.params.id));
    },
  );
  app.post(
    "/meetings/:id/outcomes",
    {
      schema: {
        tags,
        summary: "Record an outcome: information, decision, or an action that becomes an activity",
        params: idParams,
        body: outcomeInput,
        response: { 201: outcomeView },
      },
    },
    async (request, reply) => {
      const id = await recordOutcome(ctx(request), request.params.id, request.body);
      const outcome = (await db.connection((sql) => outcomesOf(sql, request.params.id, todayUtc()))).find((o) => o.id === id);
      if (!outcome) throw new DomainError("internal", "the projection lacks the outcome just recorded");
      return reply.status(201).send(outcome);
    },
  );
  app.get(
    "/meetings/:id.ics",
    {
      schema: {
        tags,
        summary: "The meeting as an iCalendar file",
        params: idParams,
        querystring: calendarQuery,
        produces: ["text/calendar"],
      },
    },
    async (request, reply) => {
      read(request);
      const m = await detail(request.params.id);
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="reunion-${m.id}.ics"`)
        .send(meetingIcs(m, request.query.lang));
    },
  );

  app.get(
    "/meeting-series",
    {
      schema: {
        tags,
        summary: "Series of recurring meetings",
        querystring: z.strictObject({ unitId: z.uuid().optional() }),
        response: { 200: z.array(seriesView) },
      },
    },
    async (request) => {
      read(request);
      return db.connection((sql) => listSeries(sql, request.query.unitId));
    },
  );
  const series = async (id: string) => {
    const s = await db.connection((sql) => loadSeries(sql, id));
    if (!s) throw new DomainError("series.not_found", "no such meeting series", "path.id");
    return s;
  };
  app.post(
    "/meeting-series",
    {
      schema: {
        tags,
        summary: "Plan a series of recurring meetings (RRULE: FREQ=WEEKLY|MONTHLY, INTERVAL, COUNT|UNTIL)",
        body: seriesInput,
        response: { 201: seriesView },
      },
    },
    async (request, reply) => reply.status(201).send(await series(await createSeries(ctx(request), request.body))),
  );
  app.get(
    "/meeting-series/:id",
    { schema: { tags, summary: "A meeting series", params: idParams, response: { 200: seriesView } } },
    async (request) => {
      read(request);
      return series(request.params.id);
    },
  );
  app.post(
    "/meeting-series/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a series from now (or `from`) on",
        params: idParams,
        body: z.strictObject({ reason: reasonInput.shape.reason, from: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: seriesView },
      },
    },
    async (request) => {
      const from = new Date(request.body.from ? Date.parse(request.body.from) : now()).toISOString();
      await cancelSeries(ctx(request), request.params.id, request.body.reason, from);
      return series(request.params.id);
    },
  );

  app.get(
    "/reminders",
    {
      schema: {
        tags,
        summary: "Meeting reminders due now (or at `at`) for this node's meetings",
        querystring: reminderQuery,
        response: { 200: z.array(reminderView) },
      },
    },
    async (request) => {
      read(request);
      const at = request.query.at ? Date.parse(request.query.at) : now();
      return db.connection((sql) => dueReminders(sql, node.config.node, at, request.query.unitId));
    },
  );
}
