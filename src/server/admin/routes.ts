import { z } from "zod";
import {
  createTokenSchema,
  createUserSchema,
  loginSchema,
  meSchema,
  tokenViewSchema,
  updateUserSchema,
  usernameSchema,
  userViewSchema,
} from "../../core/admin/schema";
import { spaceIdSchema } from "../../core/log/envelope";
import { actorOf, SESSION_COOKIE } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { login, logout } from "./auth";
import { authorize, createToken, createUser, revokeToken, updateUser } from "./commands";
import { auditEvents, nodeInfo, nodeInfoSchema } from "./node-info";
import { listTokens, listUsers } from "./queries";

const sessionSchema = meSchema.extend({ expiresAt: z.string() });
const auditQuery = z.strictObject({
  space: spaceIdSchema.optional(),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** Sessions, the caller, the node, users, tokens and the audit log. */
export function adminRoutes(app: App, node: NodeRuntime): void {
  const { db, store, config } = node;
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ store, actor: actorOf(request) });
  const secure = config.publicUrl?.startsWith("https://") ?? false;

  app.post(
    "/session",
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { tags: ["session"], summary: "Log in", body: loginSchema, response: { 200: sessionSchema } },
    },
    async (request, reply) => {
      const s = await login(db, { ...request.body, node: config.node, ttlMs: config.sessionHours * 3600_000 });
      reply.setCookie(SESSION_COOKIE, s.id, { path: "/", httpOnly: true, sameSite: "strict", secure, expires: new Date(s.expiresAt) });
      const { username, role, scope } = s.actor;
      return { username, role, node: config.node, scope: scope ?? null, expiresAt: new Date(s.expiresAt).toISOString() };
    },
  );

  app.delete("/session", { config: { public: true }, schema: { tags: ["session"], summary: "Log out" } }, async (request, reply) => {
    const id = request.cookies[SESSION_COOKIE];
    if (id) await logout(db, id);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });

  app.get("/me", { schema: { tags: ["session"], summary: "The caller", response: { 200: meSchema } } }, async (request) => {
    const a = actorOf(request);
    return { username: a.username, role: a.role, node: a.node, scope: a.scope ?? null };
  });

  app.get("/node", { schema: { tags: ["node"], summary: "This node and its spaces", response: { 200: nodeInfoSchema } } }, async () =>
    nodeInfo(node),
  );

  app.get("/users", { schema: { tags: ["users"], summary: "List users", response: { 200: z.array(userViewSchema) } } }, async (request) => {
    authorize(actorOf(request), "user.list");
    return db.connection(listUsers);
  });

  app.post(
    "/users",
    { schema: { tags: ["users"], summary: "Create a user", body: createUserSchema, response: { 201: userViewSchema } } },
    async (request, reply) => reply.status(201).send(await createUser(ctx(request), request.body)),
  );

  app.patch(
    "/users/:username",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's role, scope, password, or disable it",
        params: z.strictObject({ username: usernameSchema }),
        body: updateUserSchema,
        response: { 200: userViewSchema },
      },
    },
    async (request) => updateUser(ctx(request), request.params.username, request.body),
  );

  app.get(
    "/tokens",
    { schema: { tags: ["tokens"], summary: "API tokens (own; all for admins)", response: { 200: z.array(tokenViewSchema) } } },
    async (request) => {
      const a = actorOf(request);
      return db.connection((sql) => listTokens(sql, a.role === "admin" ? undefined : a.userId));
    },
  );

  app.post(
    "/tokens",
    {
      schema: {
        tags: ["tokens"],
        summary: "Create an API token (shown once)",
        body: createTokenSchema,
        response: { 201: tokenViewSchema.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const { token, view } = await createToken(ctx(request), request.body);
      return reply.status(201).send({ ...view, token });
    },
  );

  app.delete(
    "/tokens/:id",
    { schema: { tags: ["tokens"], summary: "Revoke an API token", params: z.strictObject({ id: z.uuid() }) } },
    async (request, reply) => {
      await revokeToken(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/audit/events",
    { schema: { tags: ["audit"], summary: "The log as stored (credential hashes redacted)", querystring: auditQuery } },
    async (request) => {
      authorize(actorOf(request), "audit.read");
      const { space, after, limit } = request.query;
      return auditEvents(node, { after, limit, ...(space ? { space } : {}) });
    },
  );
}
