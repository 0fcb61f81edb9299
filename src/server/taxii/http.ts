import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../core/errors";
import { canStix } from "../../core/stix/policy";
import { tokenActor } from "../admin/auth";
import type { Database } from "../db/database";
import { problem } from "../http/errors";
import type { App } from "../http/types";
import { acceptsTaxii, TAXII_MEDIA_TYPE } from "./media";

/**
 * What every TAXII request goes through: an API token (`Authorization: Bearer`, the same
 * tokens as the REST API), an Accept that admits TAXII 2.1, the read policy; and errors as
 * TAXII error messages (§3.6.1) in the TAXII media type, with the stable Enlace code in
 * `error_code` and the sentence in the caller's language (Spanish first) as `title`.
 */
const REALM = 'Bearer realm="enlace-taxii"';
const TOKEN_CODES = new Set(["auth.bad_token", "auth.token_revoked", "auth.token_expired"]);

export function sendTaxii(reply: FastifyReply, body: unknown, status = 200): FastifyReply {
  return reply.status(status).type(TAXII_MEDIA_TYPE).send(JSON.stringify(body));
}

/** A TAXII error message for a stable Enlace code. */
export function sendTaxiiError(request: FastifyRequest, reply: FastifyReply, code: string, description?: string, field?: string) {
  const p = problem(request, code, description);
  if (p.status === 401) reply.header("www-authenticate", TOKEN_CODES.has(code) ? `${REALM}, error="invalid_token"` : REALM);
  return sendTaxii(
    reply,
    {
      title: p.title,
      ...(description ? { description } : {}),
      error_id: request.id,
      error_code: p.code,
      http_status: String(p.status),
      ...(field ? { details: { field } } : {}),
    },
    p.status,
  );
}

/** Maps anything a TAXII handler throws to a TAXII error message. */
export function taxiiErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    if (error.code.startsWith("auth.")) request.log.warn({ code: error.code, route: request.routeOptions.url }, "denied");
    return sendTaxiiError(request, reply, error.code, error.message, error.field);
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 415 || (error as FastifyError).code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return sendTaxiiError(request, reply, "request.unsupported_media_type", `send ${TAXII_MEDIA_TYPE}`, "header.content-type");
  }
  if (status === 413) return sendTaxiiError(request, reply, "request.too_large", error.message, "body");
  if (status === 400) return sendTaxiiError(request, reply, "request.malformed", error.message, "body");
  if (status === 404) return sendTaxiiError(request, reply, "not_found");
  request.log.error({ err: error }, "unhandled TAXII error");
  return sendTaxiiError(request, reply, "internal");
}

/** Authentication, content negotiation and the read policy, in that order, for every TAXII route. */
export function addTaxiiGuards(app: App, deps: { db: Database; node: string }): void {
  app.addHook("onRequest", async (request) => {
    const header = request.headers.authorization;
    if (header === undefined) throw new DomainError("auth.required", "send an API token as `Authorization: Bearer <token>`");
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw new DomainError("auth.bad_token", "the Authorization header must be `Bearer <token>`", "header.authorization");
    request.actor = await tokenActor(deps.db, m[1], deps.node);
    if (!acceptsTaxii(request.headers.accept)) {
      throw new DomainError("taxii.not_acceptable", `Accept ${request.headers.accept}: send ${TAXII_MEDIA_TYPE}`, "header.accept");
    }
    if (!canStix(request.actor.role, "taxii.read"))
      throw new DomainError("auth.forbidden", `role ${request.actor.role} may not read TAXII`);
  });
  // Fastify rewrites a JSON-like type (quoting the version, adding a charset); TAXII clients compare it as written.
  app.addHook("onSend", async (_request, reply) => {
    if (String(reply.getHeader("content-type") ?? "").startsWith("application/taxii+json")) reply.header("content-type", TAXII_MEDIA_TYPE);
  });
  app.setErrorHandler(taxiiErrorHandler);
  const missing = (request: FastifyRequest, reply: FastifyReply) =>
    sendTaxiiError(request, reply, "not_found", `no TAXII resource ${request.method} ${request.url}`);
  app.setNotFoundHandler(missing);
  // The console's catch-all GET would otherwise answer a TAXII miss with problem+json.
  app.get("/*", { schema: { hide: true } }, missing);
}
