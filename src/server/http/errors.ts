import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "../../core/errors";
import { EventRejectedError } from "../db/event-store";

import { PROBLEMS, type ProblemCode } from "./problems";

export { PROBLEMS, type ProblemCode };

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

const isKnown = (code: string): code is ProblemCode => Object.hasOwn(PROBLEMS, code);

/** Spanish first: English only when the client asks for it before Spanish. */
export function languageOf(request: FastifyRequest): "es" | "en" {
  const ranked = (request.headers["accept-language"] ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.split("-")[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0 && (r.lang === "es" || r.lang === "en"))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === "en" ? "en" : "es";
}

export function problem(request: FastifyRequest, code: string, detail?: string, errors?: FieldError[]): Problem {
  const known = isKnown(code) ? PROBLEMS[code] : PROBLEMS.internal;
  return {
    type: `urn:enlace:problem:${code}`,
    title: known[languageOf(request)],
    status: known.status,
    code,
    ...(detail ? { detail } : {}),
    instance: `urn:enlace:request:${request.id}`,
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.status(p.status).type("application/problem+json").send(p);
}

const LOCATION: Record<string, string> = { body: "", querystring: "query.", params: "path.", headers: "header." };

/** Maps anything a handler throws to problem+json; unknown errors are logged and hidden. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    if (/^(auth\.|request\.cross_origin|federation\.)/.test(error.code)) {
      request.log.warn(
        { code: error.code, actor: request.actor?.username, method: request.method, route: request.routeOptions.url },
        "denied",
      );
    }
    const errors = error.field ? [{ field: error.field, message: error.message }] : undefined;
    return sendProblem(reply, problem(request, isKnown(error.code) ? error.code : "internal", error.message, errors));
  }
  if (error instanceof EventRejectedError) return sendProblem(reply, problem(request, "event.rejected", error.message));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = LOCATION[(error as { validationContext?: string }).validationContext ?? "body"] ?? "";
    const errors = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
      // An issue on the whole query or path names that part ("query"), never "query.".
      return { field: path ? `${where}${path}` : where.replace(/\.$/, "") || "body", message: v.message ?? "invalid" };
    });
    return sendProblem(reply, problem(request, "validation.failed", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors));
  }
  const status = (error as FastifyError).statusCode ?? 500;
  const code = (error as FastifyError).code ?? "";
  if (status === 429) return sendProblem(reply, problem(request, "rate_limited"));
  if (status === 415 || code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    const errors = [{ field: "header.content-type", message: error.message }];
    return sendProblem(reply, problem(request, "request.unsupported_media_type", error.message, errors));
  }
  if (status === 413)
    return sendProblem(reply, problem(request, "request.too_large", error.message, [{ field: "body", message: error.message }]));
  if (status === 400)
    return sendProblem(reply, problem(request, "request.malformed", error.message, [{ field: "body", message: error.message }]));
  if (status === 404) return sendProblem(reply, problem(request, "not_found"));
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, problem(request, "internal"));
}
