import { z } from "zod";
import { pageQuery, reasonInput } from "../../core/coordination/inputs";
import {
  consentAnswerInput,
  consentRequestInput,
  intelListQuery,
  intelReportInput,
  releaseInput,
  rfiInput,
  rfiReplyInput,
} from "../../core/coordination/threat-inputs";
import {
  consentRequestView,
  intelReportDetailView,
  intelReportView,
  pageView,
  rfiDetailView,
  rfiView,
} from "../../core/coordination/views";
import { DomainError } from "../../core/errors";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { authorizeCoordination } from "./commands";
import {
  answerConsent,
  closeRfi,
  releaseReport,
  replyToRfi,
  requestConsent,
  requestInformation,
  withdrawReport,
  writeReport,
} from "./intel-commands";
import { listReports, reportDetail } from "./intel-queries";
import { listRfis, rfiDetail } from "./rfi-queries";

const idParams = z.strictObject({ id: z.uuid() });
const tags = ["coordination"];
/** What a command just wrote is in the projection; its absence is a bug, reported as one. */
const present = <T>(v: T | undefined): T => {
  if (v === undefined) throw new DomainError("internal", "the projection lacks what was just written");
  return v;
};

/** Intelligence reports (written nationally, released explicitly) and requests for information. */
export function intelRoutes(app: App, node: NodeRuntime): void {
  const { db, store } = node;
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ store, actor: actorOf(request) });
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeCoordination(actorOf(request), "coordination.read");
  const report = async (id: string) => {
    const r = await db.connection((sql) => reportDetail(sql, id));
    if (!r) throw new DomainError("intel.not_found", "no such intelligence report", "path.id");
    return r;
  };
  const one = { 200: intelReportDetailView };

  app.get(
    "/intel-reports",
    {
      schema: {
        tags,
        summary: "Intelligence reports, newest first",
        querystring: intelListQuery,
        response: { 200: pageView(intelReportView) },
      },
    },
    async (request) => {
      read(request);
      const q = request.query;
      return db.connection((sql) => listReports(sql, Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as typeof q));
    },
  );
  app.post(
    "/intel-reports",
    {
      schema: { tags, summary: "Write a report (in the national space)", body: intelReportInput, response: { 201: intelReportDetailView } },
    },
    async (request, reply) => reply.status(201).send(await report(await writeReport(ctx(request), request.body))),
  );
  app.get(
    "/intel-reports/:id",
    { schema: { tags, summary: "A report with its releases and consent requests", params: idParams, response: one } },
    async (request) => {
      read(request);
      return report(request.params.id);
    },
  );
  app.post(
    "/intel-reports/:id/withdraw",
    { schema: { tags, summary: "Withdraw a report (its writer only)", params: idParams, body: reasonInput, response: one } },
    async (request) => {
      await withdrawReport(ctx(request), request.params.id, request.body.reason);
      return report(request.params.id);
    },
  );
  app.post(
    "/intel-reports/:id/release",
    {
      schema: {
        tags,
        summary: "Release a report into a shared space as a new sanitised copy (another node's material needs its consent)",
        params: idParams,
        body: releaseInput,
        response: { 201: intelReportDetailView },
      },
    },
    async (request, reply) => reply.status(201).send(await report(await releaseReport(ctx(request), request.params.id, request.body))),
  );
  app.post(
    "/intel-reports/:id/consent-requests",
    {
      schema: {
        tags,
        summary: "Ask the report's originator for consent to pass it into another space",
        params: idParams,
        body: consentRequestInput,
        response: { 201: consentRequestView },
      },
    },
    async (request, reply) => {
      const requestId = await requestConsent(ctx(request), request.params.id, request.body);
      const r = await report(request.params.id);
      return reply.status(201).send(present(r.consentRequests.find((c) => c.id === requestId)));
    },
  );
  app.post(
    "/intel-reports/:id/consent-requests/:requestId/answer",
    {
      schema: {
        tags,
        summary: "Grant or refuse a consent request (the originator's node only)",
        params: z.strictObject({ id: z.uuid(), requestId: z.uuid() }),
        body: consentAnswerInput,
        response: { 200: consentRequestView },
      },
    },
    async (request) => {
      await answerConsent(ctx(request), request.params.id, request.params.requestId, request.body);
      const r = await report(request.params.id);
      return present(r.consentRequests.find((c) => c.id === request.params.requestId));
    },
  );

  const rfi = async (id: string) => {
    const r = await db.connection((sql) => rfiDetail(sql, id));
    if (!r) throw new DomainError("rfi.not_found", "no such request for information", "path.id");
    return r;
  };
  app.get(
    "/rfis",
    {
      schema: {
        tags,
        summary: "Requests for information, newest first",
        querystring: z.strictObject({ status: z.enum(["open", "closed"]).optional(), ...pageQuery }),
        response: { 200: pageView(rfiView) },
      },
    },
    async (request) => {
      read(request);
      const { status, limit, cursor } = request.query;
      return db.connection((sql) => listRfis(sql, { limit, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }));
    },
  );
  app.post(
    "/rfis",
    { schema: { tags, summary: "Ask a request for information", body: rfiInput, response: { 201: rfiDetailView } } },
    async (request, reply) => reply.status(201).send(await rfi(await requestInformation(ctx(request), request.body))),
  );
  app.get(
    "/rfis/:id",
    { schema: { tags, summary: "A request with its replies", params: idParams, response: { 200: rfiDetailView } } },
    async (request) => {
      read(request);
      return rfi(request.params.id);
    },
  );
  app.post(
    "/rfis/:id/replies",
    {
      schema: {
        tags,
        summary: "Reply to a request, linking reports of its space",
        params: idParams,
        body: rfiReplyInput,
        response: { 201: rfiDetailView },
      },
    },
    async (request, reply) => {
      await replyToRfi(ctx(request), request.params.id, request.body);
      return reply.status(201).send(await rfi(request.params.id));
    },
  );
  app.post(
    "/rfis/:id/close",
    {
      schema: { tags, summary: "Close a request (its asker only)", params: idParams, body: reasonInput, response: { 200: rfiDetailView } },
    },
    async (request) => {
      await closeRfi(ctx(request), request.params.id, request.body.reason);
      return rfi(request.params.id);
    },
  );
}
