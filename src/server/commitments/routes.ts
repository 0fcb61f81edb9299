import { z } from "zod";
import {
  activityInput,
  activityPatch,
  activityStatusSchema,
  dateSchema,
  ministerialMeetingInput,
  operationInput,
  parseStatementInput,
  reportInput,
  statementInput,
} from "../../core/commitments/schema";
import { parseStatement } from "../../core/commitments/statement-import";
import { DomainError } from "../../core/errors";
import { nodeIdSchema } from "../../core/log/envelope";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { activityDetail, evidenceFile, listActivities } from "./activity-views";
import {
  authorizeCommit,
  createActivity,
  createOperation,
  patchActivity,
  postReport,
  recordMinisterialMeeting,
  recordStatement,
  todayUtc,
} from "./commands";
import { progressPdf } from "./pdf";
import { progressReport } from "./progress";
import { listAgreements, listOperations, listStatements, operationRollup } from "./views";

const idParams = z.strictObject({ id: z.uuid() });
const notFound = (what: string) => new DomainError(`${what}.not_found`, `no such ${what}`, "path.id");

/** The REST API of commitments (agreements 1 and 5). Reads need any role; writes by policy. */
export function commitmentRoutes(app: App, node: NodeRuntime): void {
  const { db, store } = node;
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ store, actor: actorOf(request) });
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeCommit(actorOf(request), "commitments.read");
  const tags = ["commitments"];

  app.get("/ministerial-meetings", { schema: { tags, summary: "Ministerial meetings" } }, async (request) => {
    read(request);
    const rows = await db.connection((sql) =>
      sql.all<{
        id: string;
        space: string;
        owner: string;
        date: string;
        place: string;
        host_node: string;
        participants: string;
        summary: string;
      }>("SELECT * FROM ministerial_meetings ORDER BY date DESC"),
    );
    return rows.map((r) => ({
      id: r.id,
      space: r.space,
      ownerNode: r.owner,
      date: r.date,
      place: r.place,
      hostNode: r.host_node,
      participants: JSON.parse(r.participants),
      summary: r.summary,
    }));
  });
  app.post(
    "/ministerial-meetings",
    { schema: { tags, summary: "Record a ministerial meeting", body: ministerialMeetingInput } },
    async (request, reply) => reply.status(201).send({ id: await recordMinisterialMeeting(ctx(request), request.body) }),
  );

  app.get("/statements", { schema: { tags, summary: "Joint statements with their agreements and progress" } }, async (request) => {
    read(request);
    return db.connection((sql) => listStatements(sql, todayUtc()));
  });
  app.get("/statements/:id", { schema: { tags, summary: "A joint statement", params: idParams } }, async (request) => {
    read(request);
    const [s] = await db.connection((sql) => listStatements(sql, todayUtc(), request.params.id));
    if (!s) throw notFound("statement");
    return s;
  });
  app.post(
    "/statements",
    { schema: { tags, summary: "Record a joint statement and its agreements", body: statementInput } },
    async (request, reply) => {
      const id = await recordStatement(ctx(request), request.body);
      const [s] = await db.connection((sql) => listStatements(sql, todayUtc(), id));
      return reply.status(201).send(s);
    },
  );
  app.post(
    "/statements/parse",
    { schema: { tags, summary: "Split a statement's text into draft agreements for review (writes nothing)", body: parseStatementInput } },
    async (request) => {
      read(request);
      return parseStatement(request.body.text);
    },
  );

  app.get("/agreements", { schema: { tags, summary: "Agreements with their progress" } }, async (request) => {
    read(request);
    return db.connection((sql) => listAgreements(sql, todayUtc()));
  });

  app.get("/operations", { schema: { tags, summary: "Operations with their roll-up" } }, async (request) => {
    read(request);
    return db.connection((sql) => listOperations(sql, todayUtc()));
  });
  app.post(
    "/operations",
    { schema: { tags, summary: "Create an operation serving agreements", body: operationInput } },
    async (request, reply) => {
      const id = await createOperation(ctx(request), request.body);
      const ops = await db.connection((sql) => listOperations(sql, todayUtc()));
      return reply.status(201).send(ops.find((o) => o.id === id));
    },
  );
  app.get(
    "/operations/:id/rollup",
    {
      schema: {
        tags,
        summary: "An operation's roll-up, timeliness and change since a baseline",
        params: idParams,
        querystring: z.strictObject({ baseline: dateSchema.optional() }),
      },
    },
    async (request) => {
      read(request);
      const r = await db.connection((sql) => operationRollup(sql, request.params.id, todayUtc(), request.query.baseline));
      if (!r) throw notFound("operation");
      return r;
    },
  );

  const listQuery = z.strictObject({
    operationId: z.uuid().optional(),
    status: activityStatusSchema.optional(),
    ownerNode: nodeIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/)
      .optional(),
  });
  app.get("/activities", { schema: { tags, summary: "Activities, filtered and paged", querystring: listQuery } }, async (request) => {
    read(request);
    const { limit, operationId, status, ownerNode, cursor } = request.query;
    return db.connection((sql) =>
      listActivities(
        sql,
        {
          limit,
          ...(operationId ? { operationId } : {}),
          ...(status ? { status } : {}),
          ...(ownerNode ? { ownerNode } : {}),
          ...(cursor ? { cursor } : {}),
        },
        todayUtc(),
      ),
    );
  });
  app.post(
    "/activities",
    { schema: { tags, summary: "Create an activity (owned by this node)", body: activityInput } },
    async (request, reply) => {
      const id = await createActivity(ctx(request), request.body);
      return reply.status(201).send(await db.connection((sql) => activityDetail(sql, id, todayUtc())));
    },
  );
  app.get(
    "/activities/:id",
    { schema: { tags, summary: "An activity with its reports and history", params: idParams } },
    async (request) => {
      read(request);
      const a = await db.connection((sql) => activityDetail(sql, request.params.id, todayUtc()));
      if (!a) throw notFound("activity");
      return a;
    },
  );
  app.patch(
    "/activities/:id",
    {
      schema: {
        tags,
        summary: "Change an activity (owner node only): level, status flag, due date…",
        params: idParams,
        body: activityPatch,
      },
    },
    async (request) => {
      await patchActivity(ctx(request), request.params.id, request.body);
      return db.connection((sql) => activityDetail(sql, request.params.id, todayUtc()));
    },
  );
  app.post(
    "/activities/:id/reports",
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: { tags, summary: "Post a progress report (either side), with evidence files", params: idParams, body: reportInput },
    },
    async (request, reply) => reply.status(201).send({ id: await postReport(ctx(request), request.params.id, request.body) }),
  );
  app.get(
    "/evidence/:sha256",
    { schema: { tags, summary: "An evidence file", params: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
    async (request, reply) => {
      read(request);
      const f = await db.connection((sql) => evidenceFile(sql, request.params.sha256));
      if (!f) throw new DomainError("evidence.not_found", "no such evidence file", "path.sha256");
      const safe = f.name.replace(/[^\w.\- ]/g, "_");
      return reply
        .type(f.type)
        .header("content-disposition", `attachment; filename="${safe}"`)
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(f.content, "base64"));
    },
  );

  const reportQuery = z.strictObject({ statementId: z.uuid(), baseline: dateSchema.optional(), lang: z.enum(["es", "en"]).default("es") });
  const loadReport = async (q: z.infer<typeof reportQuery>) => {
    const r = await db.connection((sql) => progressReport(sql, q.statementId, todayUtc(), q.baseline));
    if (!r) throw new DomainError("statement.not_found", "no such statement", "query.statementId");
    return r;
  };
  app.get(
    "/reports/progress",
    { schema: { tags, summary: "The progress report for the next ministerial meeting", querystring: reportQuery } },
    async (request) => {
      read(request);
      return loadReport(request.query);
    },
  );
  app.get(
    "/reports/progress.pdf",
    { schema: { tags, summary: "The progress report as PDF", querystring: reportQuery } },
    async (request, reply) => {
      read(request);
      const pdf = await progressPdf(await loadReport(request.query), request.query.lang, node.config.node);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="informe-avance-${todayUtc()}.pdf"`)
        .send(pdf);
    },
  );
}
