import type { FastifyRequest } from "fastify";
import "./types";
import { DomainError } from "../../core/errors";
import { sessionActor, tokenActor } from "../admin/auth";
import type { Actor } from "../admin/commands";
import type { Database } from "../db/database";
import type { App } from "./types";

export const SESSION_COOKIE = "enlace_session";

/**
 * Authenticates every route of the scope it is added to, except those marked `public`:
 * `Authorization: Bearer <token>` for scripts, the session cookie for the browser. Cookie
 * requests that change state must come from this origin (SameSite=Strict does the rest).
 */
export function addAuthentication(app: App, deps: { db: Database; node: string }): void {
  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config?.public) return;
    request.actor = await authenticate(request, deps);
  });
}

/** The caller, by header or session cookie; for public routes that authenticate only some requests themselves. */
export async function authenticate(request: FastifyRequest, deps: { db: Database; node: string }): Promise<Actor> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw new DomainError("auth.bad_token", "the Authorization header must be `Bearer <token>`", "header.authorization");
    return tokenActor(deps.db, m[1], deps.node);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) throw new DomainError("auth.required", "log in or send an API token");
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method)) checkSameOrigin(request);
  return sessionActor(deps.db, cookie, deps.node);
}

function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new DomainError("request.cross_origin", "malformed Origin header", "header.origin");
  }
  if (host !== request.headers.host) throw new DomainError("request.cross_origin", `requests from ${origin} are refused`, "header.origin");
}

/** The caller of an authenticated route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError("auth.required", "log in or send an API token");
  return request.actor;
}
