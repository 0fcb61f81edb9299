import { z } from "zod";
import { reasonInput } from "../../core/coordination/inputs";
import {
  assessmentInput,
  assessmentRevision,
  citationQuery,
  riskFactorInput,
  riskFactorPatch,
  threatActorInput,
  threatActorPatch,
  threatListQuery,
} from "../../core/coordination/threat-inputs";
import {
  assessmentDetailView,
  assessmentView,
  citationView,
  pageView,
  riskFactorView,
  sectorRiskView,
  threatActorView,
} from "../../core/coordination/views";
import { DomainError } from "../../core/errors";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { authorizeCoordination } from "./commands";
import { resolveCitations, sectorRisks } from "./register-queries";
import {
  patchRiskFactor,
  patchThreatActor,
  recordAssessment,
  recordRiskFactor,
  recordThreatActor,
  reviseAssessment,
  withdrawAssessment,
} from "./threat-commands";
import {
  actorRow,
  assessmentDetail,
  listAssessments,
  listRiskFactors,
  listThreatActors,
  riskRow,
  toActorViews,
  toRiskViews,
} from "./threat-queries";

const idParams = z.strictObject({ id: z.uuid() });
const tags = ["coordination"];
const defined = <T extends object>(q: T) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as T;

/** The threat and risk register: groups, risk factors, assessments, citations, per-sector view. */
export function threatRoutes(app: App, node: NodeRuntime): void {
  const { db, store } = node;
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ store, actor: actorOf(request) });
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeCoordination(actorOf(request), "coordination.read");
  const group = async (id: string) => {
    const v = await db.connection(async (sql) => {
      const row = await actorRow(sql, id);
      return row && (await toActorViews(sql, [row]))[0];
    });
    if (!v) throw new DomainError("threat_actor.not_found", "no such group", "path.id");
    return v;
  };
  const risk = async (id: string) => {
    const v = await db.connection(async (sql) => {
      const row = await riskRow(sql, id);
      return row && (await toRiskViews(sql, [row]))[0];
    });
    if (!v) throw new DomainError("risk_factor.not_found", "no such risk factor", "path.id");
    return v;
  };
  const assessment = async (id: string) => {
    const v = await db.connection((sql) => assessmentDetail(sql, id));
    if (!v) throw new DomainError("assessment.not_found", "no such assessment", "path.id");
    return v;
  };

  app.get(
    "/threat-actors",
    { schema: { tags, summary: "Organised-crime groups", querystring: threatListQuery, response: { 200: pageView(threatActorView) } } },
    async (request) => {
      read(request);
      return db.connection((sql) => listThreatActors(sql, defined(request.query)));
    },
  );
  app.post(
    "/threat-actors",
    { schema: { tags, summary: "Record an organised-crime group", body: threatActorInput, response: { 201: threatActorView } } },
    async (request, reply) => reply.status(201).send(await group(await recordThreatActor(ctx(request), request.body))),
  );
  app.get(
    "/threat-actors/:id",
    { schema: { tags, summary: "A group", params: idParams, response: { 200: threatActorView } } },
    async (request) => {
      read(request);
      return group(request.params.id);
    },
  );
  app.patch(
    "/threat-actors/:id",
    {
      schema: {
        tags,
        summary: "Change a group (its writer only)",
        params: idParams,
        body: threatActorPatch,
        response: { 200: threatActorView },
      },
    },
    async (request) => {
      await patchThreatActor(ctx(request), request.params.id, request.body);
      return group(request.params.id);
    },
  );

  app.get(
    "/risk-factors",
    { schema: { tags, summary: "Risk factors per sector", querystring: threatListQuery, response: { 200: pageView(riskFactorView) } } },
    async (request) => {
      read(request);
      return db.connection((sql) => listRiskFactors(sql, defined(request.query)));
    },
  );
  app.post(
    "/risk-factors",
    { schema: { tags, summary: "Record a risk factor of a sector", body: riskFactorInput, response: { 201: riskFactorView } } },
    async (request, reply) => reply.status(201).send(await risk(await recordRiskFactor(ctx(request), request.body))),
  );
  app.get(
    "/risk-factors/:id",
    { schema: { tags, summary: "A risk factor", params: idParams, response: { 200: riskFactorView } } },
    async (request) => {
      read(request);
      return risk(request.params.id);
    },
  );
  app.patch(
    "/risk-factors/:id",
    {
      schema: {
        tags,
        summary: "Change a risk factor (its writer only)",
        params: idParams,
        body: riskFactorPatch,
        response: { 200: riskFactorView },
      },
    },
    async (request) => {
      await patchRiskFactor(ctx(request), request.params.id, request.body);
      return risk(request.params.id);
    },
  );

  app.get(
    "/threat-assessments",
    { schema: { tags, summary: "Threat assessments", querystring: threatListQuery, response: { 200: pageView(assessmentView) } } },
    async (request) => {
      read(request);
      return db.connection((sql) => listAssessments(sql, defined(request.query)));
    },
  );
  app.post(
    "/threat-assessments",
    {
      schema: {
        tags,
        summary: "Assess a group, a sector or both, with confidence A–F × 1–6",
        body: assessmentInput,
        response: { 201: assessmentDetailView },
      },
    },
    async (request, reply) => reply.status(201).send(await assessment(await recordAssessment(ctx(request), request.body))),
  );
  app.get(
    "/threat-assessments/:id",
    { schema: { tags, summary: "An assessment and its history", params: idParams, response: { 200: assessmentDetailView } } },
    async (request) => {
      read(request);
      return assessment(request.params.id);
    },
  );
  app.post(
    "/threat-assessments/:id/revisions",
    {
      schema: {
        tags,
        summary: "Revise an assessment (kept in its history)",
        params: idParams,
        body: assessmentRevision,
        response: { 201: assessmentDetailView },
      },
    },
    async (request, reply) => {
      await reviseAssessment(ctx(request), request.params.id, request.body);
      return reply.status(201).send(await assessment(request.params.id));
    },
  );
  app.post(
    "/threat-assessments/:id/withdraw",
    { schema: { tags, summary: "Withdraw an assessment", params: idParams, body: reasonInput, response: { 200: assessmentDetailView } } },
    async (request) => {
      await withdrawAssessment(ctx(request), request.params.id, request.body.reason);
      return assessment(request.params.id);
    },
  );

  app.get(
    "/citations",
    {
      schema: {
        tags,
        summary: "What cited ids are (e.g. the citations of a sector level proposal): assessments, risk factors, reports",
        querystring: citationQuery,
        response: { 200: z.array(citationView) },
      },
    },
    async (request) => {
      read(request);
      return db.connection((sql) => resolveCitations(sql, request.query.ids));
    },
  );
  app.get(
    "/sector-risks/:sectorId",
    {
      schema: {
        tags,
        summary: "The register of one sector: risk factors, current assessments, groups",
        params: z.strictObject({ sectorId: z.uuid() }),
        response: { 200: sectorRiskView },
      },
    },
    async (request) => {
      read(request);
      return db.connection((sql) => sectorRisks(sql, request.params.sectorId));
    },
  );
}
