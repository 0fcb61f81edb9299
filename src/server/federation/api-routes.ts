import { z } from "zod";
import { nodeIdSchema, spaceIdSchema } from "../../core/log/envelope";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { acceptInvite, authorizeFederation, createInvite, createSpace, joinSpace, removePeer, resolveQuarantine } from "./commands";
import { listQuarantine, listSpaces } from "./queries";
import type { Replicator } from "./replicator";
import { peerStatuses, peerStatusSchema } from "./status";

const spaceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  members: z.array(z.object({ node: z.string(), joined: z.boolean() })),
});

const quarantineViewSchema = z.object({
  id: z.string(),
  peer: z.string(),
  space: z.string(),
  origin: z.string(),
  seq: z.number(),
  code: z.string(),
  reason: z.string(),
  at: z.string(),
});

/** Peers, spaces and quarantine in the node's own API (the console and scripts). */
export function federationApiRoutes(app: App, node: NodeRuntime, replicator?: Replicator): void {
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ store: node.store, actor: actorOf(request) });
  const refresh = () => replicator?.refresh().catch(() => {});

  app.get(
    "/peers",
    { schema: { tags: ["federation"], summary: "Peers and their replication state", response: { 200: z.array(peerStatusSchema) } } },
    async (request) => {
      authorizeFederation(actorOf(request), "peer.read");
      return peerStatuses(node.db, replicator?.state());
    },
  );

  app.post(
    "/peers/invitations",
    {
      schema: {
        tags: ["federation"],
        summary: "Create a single-use peering invitation",
        body: z.strictObject({
          ttlHours: z
            .number()
            .positive()
            .max(24 * 14)
            .default(24),
        }),
        response: { 201: z.object({ token: z.string(), expiresAt: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createInvite(ctx(request), node, request.body.ttlHours)),
  );

  app.post(
    "/peers/accept",
    {
      schema: {
        tags: ["federation"],
        summary: "Accept another node's invitation",
        body: z.strictObject({ token: z.string().min(10).max(4000) }),
        response: { 201: z.object({ node: z.string(), name: z.string() }) },
      },
    },
    async (request, reply) => {
      const peer = await acceptInvite(ctx(request), node, request.body.token);
      refresh();
      return reply.status(201).send(peer);
    },
  );

  app.delete(
    "/peers/:node",
    {
      schema: { tags: ["federation"], summary: "Remove a peer (stop replicating with it)", params: z.strictObject({ node: nodeIdSchema }) },
    },
    async (request, reply) => {
      await removePeer(ctx(request), request.params.node);
      refresh();
      return reply.status(204).send();
    },
  );

  app.get(
    "/spaces",
    { schema: { tags: ["federation"], summary: "Shared spaces", response: { 200: z.array(spaceViewSchema) } } },
    async (request) => {
      authorizeFederation(actorOf(request), "space.read");
      return node.db.connection(listSpaces);
    },
  );

  app.post(
    "/spaces",
    {
      schema: {
        tags: ["federation"],
        summary: "Propose a shared space",
        body: z.strictObject({ name: z.string().trim().min(1).max(200), members: z.array(nodeIdSchema).min(1).max(15) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const id = await createSpace(ctx(request), request.body);
      refresh();
      return reply.status(201).send({ id });
    },
  );

  app.post(
    "/spaces/:space/join",
    {
      schema: {
        tags: ["federation"],
        summary: "Join a space another member proposed",
        params: z.strictObject({ space: spaceIdSchema }),
        response: { 200: z.object({ name: z.string(), members: z.array(z.string()), proposer: z.string() }) },
      },
    },
    async (request) => {
      const joined = await joinSpace(ctx(request), node, request.params.space);
      refresh();
      return joined;
    },
  );

  app.get(
    "/quarantine",
    { schema: { tags: ["federation"], summary: "Quarantined events", response: { 200: z.array(quarantineViewSchema) } } },
    async (request) => {
      authorizeFederation(actorOf(request), "peer.read");
      return (await node.db.connection((sql) => listQuarantine(sql))).map((q) => ({ ...q, seq: Number(q.seq) }));
    },
  );

  app.post(
    "/quarantine/:id/:action",
    {
      schema: {
        tags: ["federation"],
        summary: "Retry or drop a quarantined event",
        params: z.strictObject({ id: z.uuid(), action: z.enum(["retry", "drop"]) }),
      },
    },
    async (request, reply) => {
      await resolveQuarantine(ctx(request), request.params.id, request.params.action);
      return reply.status(204).send();
    },
  );
}
