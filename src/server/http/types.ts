import type {} from "@fastify/cookie";
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Actor } from "../admin/commands";

/** The Fastify instance every route module receives: zod schemas type requests and replies. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyRequest {
    /** Who is calling, set by the authentication hook on every non-public route. */
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login itself, health). */
    public?: boolean;
  }
}
