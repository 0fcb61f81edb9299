import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { adminRoutes } from "./admin/routes";
import { borderExportRoutes } from "./border/export-routes";
import { borderReadRoutes } from "./border/read-routes";
import { borderRoutes } from "./border/routes";
import { setupChannel } from "./channel/setup";
import { commitmentRoutes } from "./commitments/routes";
import { coordinationRoutes } from "./coordination/routes";
import { federationApiRoutes } from "./federation/api-routes";
import type { Replicator } from "./federation/replicator";
import { federationRoutes } from "./federation/routes";
import { addAuthentication } from "./http/auth";
import { errorHandler, problem, sendProblem } from "./http/errors";
import { healthRoutes } from "./http/health";
import { createMetrics } from "./http/metrics";
import { addSecurityHeaders } from "./http/security-headers";
import { streamRoutes } from "./http/stream";
import type { App } from "./http/types";
import { webRoutes } from "./http/web";
import type { NodeRuntime } from "./node";
import { stixRoutes } from "./stix/routes";
import { taxiiRoutes } from "./taxii/routes";

export interface AppOptions {
  readonly node: NodeRuntime;
  /** The replicator running beside this app, for live peer state. */
  readonly replicator?: Replicator;
  readonly logger?: FastifyServerOptions["logger"];
}

/**
 * The node's HTTP interface: the REST API under /api/v1, its OpenAPI 3.1 description,
 * health and metrics. Every error leaves as problem+json through one handler.
 */
export async function buildApp({ node, replicator, logger = false }: AppOptions): Promise<App> {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    // Closing ends every open connection (a peer's long-poll included) instead of waiting
    // for keep-alive and header timeouts.
    forceCloseConnections: true,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(request, "not_found", `no route ${request.method} ${request.url}`)),
  );
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  addSecurityHeaders(app, { https: node.config.publicUrl?.startsWith("https://") ?? false });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Enlace node API",
        version: "1",
        description: "The REST API of one Enlace node. Errors are application/problem+json (RFC 9457) with a stable `code`.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "An API token from `enlace token create`" },
          session: { type: "apiKey", in: "cookie", name: "enlace_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  const metrics = createMetrics();
  healthRoutes(app, node, metrics, replicator);
  const channel = setupChannel(app, node, replicator?.express.provisional);

  await app.register(
    async (api) => {
      const scoped = api.withTypeProvider<ZodTypeProvider>();
      addAuthentication(scoped, { db: node.db, node: node.config.node });
      adminRoutes(scoped, node);
      federationApiRoutes(scoped, node, replicator);
      commitmentRoutes(scoped, node);
      coordinationRoutes(scoped, node);
      borderRoutes(scoped, node);
      borderReadRoutes(scoped, node);
      borderExportRoutes(scoped, node);
      stixRoutes(scoped, node);
      channel.routes(scoped);
      streamRoutes(scoped, node, [channel.tap]);
    },
    { prefix: "/api/v1" },
  );
  await app.register(async (fed) => federationRoutes(fed.withTypeProvider<ZodTypeProvider>(), node), { prefix: "/federation/v1" });
  await app.register(async (taxii) => taxiiRoutes(taxii.withTypeProvider<ZodTypeProvider>(), node), { prefix: "/taxii2" });
  await webRoutes(app);
  return app;
}
