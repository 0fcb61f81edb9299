import type { FastifyReply } from "fastify";
import { z } from "zod";
import { parseBbox } from "../../core/border/bbox";
import type { BorderKind } from "../../core/border/decide";
import {
  crossingInput,
  crossingPatch,
  crossingQuery,
  deploymentEndInput,
  deploymentInput,
  deploymentQuery,
  levelAnswerInput,
  levelProposalInput,
  patrolInput,
  patrolQuery,
  sectorInput,
  sectorPatch,
} from "../../core/border/inputs";
import { baseMapView, crossingView, deploymentView, patrolView, sectorDetailView, sectorView } from "../../core/border/views";
import { DomainError } from "../../core/errors";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { baseMapDocument } from "./atlas";
import {
  answerSectorLevel,
  authorizeBorder,
  borderContext,
  createSector,
  endDeployment,
  proposeSectorLevel,
  recordCrossing,
  recordDeployment,
  reportPatrol,
  updateCrossing,
  updateSector,
} from "./commands";
import { incidentRoutes } from "./incident-routes";
import {
  crossingById,
  deploymentById,
  listCrossings,
  listDeployments,
  listPatrols,
  listSectors,
  patrolById,
  sectorDetail,
} from "./queries";

const idParams = z.strictObject({ id: z.uuid() });
const notFound = (what: BorderKind) => new DomainError(`${what}.not_found`, `no such ${what}`, "path.id");
const must = <T>(what: BorderKind, v: T | undefined): T => {
  if (v === undefined) throw notFound(what);
  return v;
};

/**
 * The REST API of the border picture (agreement 2): sectors and their agreed levels,
 * crossings, deployments, patrols, the offline base map; incidents in incident-routes.ts.
 * Reads need any role; writes follow core/border/policy.ts.
 */
export function borderRoutes(app: App, node: NodeRuntime): void {
  const { db } = node;
  const ctx = (request: Parameters<typeof actorOf>[0]) => borderContext(node, actorOf(request));
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeBorder(actorOf(request), "border.read");
  const q = <T>(fn: (sql: Parameters<Parameters<typeof db.connection>[0]>[0]) => Promise<T>) => db.connection(fn);

  app.get(
    "/map/base",
    {
      schema: {
        tags: ["map"],
        summary: "The offline base map: countries, Colombia and Venezuela at 1:10m, the border line",
        response: { 200: baseMapView },
      },
    },
    async (request, typed) => {
      read(request);
      // The document is serialised once and sent as bytes; the schema above documents it.
      const reply = typed as unknown as FastifyReply;
      const doc = baseMapDocument();
      reply.header("etag", doc.etag).header("cache-control", "private, max-age=604800");
      if (request.headers["if-none-match"] === doc.etag) return reply.status(304).send();
      return reply.type("application/geo+json").send(doc.body);
    },
  );

  const sectors = ["sectors"];
  app.get(
    "/sectors",
    { schema: { tags: sectors, summary: "Sectors of the border", response: { 200: z.array(sectorView) } } },
    async (request) => {
      read(request);
      return q(listSectors);
    },
  );
  app.post(
    "/sectors",
    { schema: { tags: sectors, summary: "Create a sector", body: sectorInput, response: { 201: sectorDetailView } } },
    async (request, reply) => {
      const id = await createSector(ctx(request), request.body);
      return reply.status(201).send(must("sector", await q((sql) => sectorDetail(sql, id))));
    },
  );
  app.get(
    "/sectors/:id",
    { schema: { tags: sectors, summary: "A sector with its level history", params: idParams, response: { 200: sectorDetailView } } },
    async (request) => {
      read(request);
      return must("sector", await q((sql) => sectorDetail(sql, request.params.id)));
    },
  );
  app.patch(
    "/sectors/:id",
    {
      schema: {
        tags: sectors,
        summary: "Change a sector (owner node)",
        params: idParams,
        body: sectorPatch,
        response: { 200: sectorDetailView },
      },
    },
    async (request) => {
      await updateSector(ctx(request), request.params.id, request.body);
      return must("sector", await q((sql) => sectorDetail(sql, request.params.id)));
    },
  );
  app.post(
    "/sectors/:id/level-proposals",
    {
      schema: {
        tags: sectors,
        summary: "Propose the sector's impact level (the other side answers)",
        params: idParams,
        body: levelProposalInput,
        response: { 201: sectorDetailView },
      },
    },
    async (request, reply) => {
      await proposeSectorLevel(ctx(request), request.params.id, request.body);
      return reply.status(201).send(must("sector", await q((sql) => sectorDetail(sql, request.params.id))));
    },
  );
  app.post(
    "/sectors/:id/level-proposals/:pid/answer",
    {
      schema: {
        tags: sectors,
        summary: "Accept or reject the pending level proposal (the other side)",
        params: z.strictObject({ id: z.uuid(), pid: z.uuid() }),
        body: levelAnswerInput,
        response: { 200: sectorDetailView },
      },
    },
    async (request) => {
      await answerSectorLevel(ctx(request), request.params.id, request.params.pid, request.body);
      return must("sector", await q((sql) => sectorDetail(sql, request.params.id)));
    },
  );

  const crossings = ["crossings"];
  app.get(
    "/crossings",
    {
      schema: {
        tags: crossings,
        summary: "Crossings, by sector, status, category or bounding box (minLon,minLat,maxLon,maxLat)",
        querystring: crossingQuery,
        response: { 200: z.array(crossingView) },
      },
    },
    async (request) => {
      read(request);
      const { bbox, ...rest } = request.query;
      return q((sql) => listCrossings(sql, { ...rest, ...(bbox !== undefined ? { bbox: parseBbox(bbox) } : {}) }));
    },
  );
  app.post(
    "/crossings",
    {
      schema: {
        tags: crossings,
        summary: "Record a crossing on this side's territory",
        body: crossingInput,
        response: { 201: crossingView },
      },
    },
    async (request, reply) => {
      const id = await recordCrossing(ctx(request), request.body);
      return reply.status(201).send(must("crossing", await q((sql) => crossingById(sql, id))));
    },
  );
  app.get(
    "/crossings/:id",
    { schema: { tags: crossings, summary: "A crossing", params: idParams, response: { 200: crossingView } } },
    async (request) => {
      read(request);
      return must("crossing", await q((sql) => crossingById(sql, request.params.id)));
    },
  );
  app.patch(
    "/crossings/:id",
    {
      schema: {
        tags: crossings,
        summary: "Change a crossing (owner node)",
        params: idParams,
        body: crossingPatch,
        response: { 200: crossingView },
      },
    },
    async (request) => {
      await updateCrossing(ctx(request), request.params.id, request.body);
      return must("crossing", await q((sql) => crossingById(sql, request.params.id)));
    },
  );

  const presence = ["presence"];
  app.get(
    "/deployments",
    {
      schema: {
        tags: presence,
        summary: "Deployments; active=true for those standing now",
        querystring: deploymentQuery,
        response: { 200: z.array(deploymentView) },
      },
    },
    async (request) => {
      read(request);
      const { active, sector, crossing } = request.query;
      const filter = { ...(active ? { active: active === "true" } : {}), sector, crossing };
      return q((sql) => listDeployments(sql, filter, new Date().toISOString()));
    },
  );
  app.post(
    "/deployments",
    {
      schema: {
        tags: presence,
        summary: "Record a deployment on this side's territory",
        body: deploymentInput,
        response: { 201: deploymentView },
      },
    },
    async (request, reply) => {
      const id = await recordDeployment(ctx(request), request.body);
      return reply.status(201).send(must("deployment", await q((sql) => deploymentById(sql, id))));
    },
  );
  app.post(
    "/deployments/:id/end",
    {
      schema: {
        tags: presence,
        summary: "End a deployment (owner node), now or at `to`",
        params: idParams,
        body: deploymentEndInput.optional(),
        response: { 200: deploymentView },
      },
    },
    async (request) => {
      await endDeployment(ctx(request), request.params.id, request.body ?? {});
      return must("deployment", await q((sql) => deploymentById(sql, request.params.id)));
    },
  );
  app.get(
    "/patrols",
    {
      schema: {
        tags: presence,
        summary: "Patrols overlapping a time window, by sector",
        querystring: patrolQuery,
        response: { 200: z.array(patrolView) },
      },
    },
    async (request) => {
      read(request);
      return q((sql) => listPatrols(sql, request.query));
    },
  );
  app.post(
    "/patrols",
    {
      schema: {
        tags: presence,
        summary: "Report a patrol (every route point on this side)",
        body: patrolInput,
        response: { 201: patrolView },
      },
    },
    async (request, reply) => {
      const id = await reportPatrol(ctx(request), request.body);
      return reply.status(201).send(must("patrol", await q((sql) => patrolById(sql, id))));
    },
  );

  incidentRoutes(app, node);
}
