import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DomainError } from "../../core/errors";
import { EventRejectedError } from "../db/event-store";

/**
 * Every error code Enlace answers with, its HTTP status, and the sentence a person reads,
 * in Spanish and English. This is the one place a code meets a status.
 */
export const PROBLEMS = {
  "validation.failed": { status: 400, es: "Los datos enviados no son válidos.", en: "The request is not valid." },
  "request.malformed": { status: 400, es: "La solicitud está mal formada.", en: "The request is malformed." },
  "request.unsupported_media_type": { status: 415, es: "Tipo de contenido no admitido.", en: "Unsupported content type." },
  "request.too_large": { status: 413, es: "La solicitud es demasiado grande.", en: "The request is too large." },
  "request.cross_origin": { status: 403, es: "Solicitud de otro origen rechazada.", en: "Cross-origin request refused." },
  "auth.required": { status: 401, es: "Debe iniciar sesión.", en: "You must log in." },
  "auth.bad_credentials": { status: 401, es: "Usuario o contraseña incorrectos.", en: "Wrong username or password." },
  "auth.session_expired": { status: 401, es: "La sesión ha expirado.", en: "The session has expired." },
  "auth.bad_token": { status: 401, es: "Token de API desconocido.", en: "Unknown API token." },
  "auth.token_revoked": { status: 401, es: "El token de API fue revocado.", en: "The API token was revoked." },
  "auth.token_expired": { status: 401, es: "El token de API ha expirado.", en: "The API token has expired." },
  "auth.forbidden": { status: 403, es: "No tiene permiso para esta acción.", en: "You are not allowed to do this." },
  rate_limited: { status: 429, es: "Demasiados intentos; espere un momento.", en: "Too many attempts; wait a moment." },
  not_found: { status: 404, es: "No encontrado.", en: "Not found." },
  "user.not_found": { status: 404, es: "El usuario no existe.", en: "No such user." },
  "user.exists": { status: 409, es: "El usuario ya existe.", en: "The user already exists." },
  "user.disabled": { status: 409, es: "El usuario está deshabilitado.", en: "The user is disabled." },
  "user.last_admin": { status: 409, es: "No se puede retirar al último administrador.", en: "The last admin cannot be removed." },
  "token.not_found": { status: 404, es: "El token no existe.", en: "No such token." },
  "event.rejected": { status: 422, es: "El cambio no respeta las reglas del registro.", en: "The change breaks a log rule." },
  "space.unknown": { status: 404, es: "Espacio desconocido.", en: "Unknown space." },
  "space.bad_genesis": { status: 422, es: "El acta de creación del espacio fue rechazada.", en: "The space's genesis was refused." },
  "federation.unsigned": { status: 401, es: "La solicitud federada no está firmada.", en: "The federation request is not signed." },
  "federation.unknown_peer": { status: 401, es: "Nodo par desconocido.", en: "Unknown peer node." },
  "federation.bad_signature": { status: 401, es: "Firma rechazada.", en: "Signature refused." },
  "federation.peer_error": { status: 502, es: "El nodo par rechazó la solicitud.", en: "The peer node refused the request." },
  "peer.bad_invite": { status: 400, es: "Invitación no válida.", en: "Invalid invitation." },
  "peer.invite_used": { status: 409, es: "La invitación ya fue usada.", en: "The invitation was already used." },
  "peer.invite_expired": { status: 410, es: "La invitación ha expirado.", en: "The invitation has expired." },
  "peer.exists": { status: 409, es: "Ese nodo ya está vinculado con otra clave.", en: "That node is already pinned with another key." },
  "peer.not_found": { status: 404, es: "Nodo par no vinculado.", en: "No such peer." },
  "quarantine.not_found": { status: 404, es: "No existe ese evento en cuarentena.", en: "No such quarantined event." },
  "quarantine.resolved": {
    status: 409,
    es: "Ese evento en cuarentena ya fue resuelto.",
    en: "That quarantined event was already resolved.",
  },
  "service.unavailable": { status: 503, es: "Servicio no disponible.", en: "Service unavailable." },
  "ministerial.not_found": { status: 404, es: "La reunión ministerial no existe.", en: "No such ministerial meeting." },
  "statement.not_found": { status: 404, es: "La declaración no existe.", en: "No such statement." },
  "agreement.not_found": {
    status: 422,
    es: "Un acuerdo indicado no existe en este espacio.",
    en: "An agreement given does not exist in this space.",
  },
  "operation.not_found": { status: 404, es: "La operación no existe.", en: "No such operation." },
  "activity.not_found": { status: 404, es: "La actividad no existe.", en: "No such activity." },
  "activity.not_owner": {
    status: 403,
    es: "Solo el nodo propietario puede modificar esta actividad; publique un informe de avance.",
    en: "Only the owner node may change this activity; post a progress report instead.",
  },
  "evidence.too_large": { status: 413, es: "El archivo de evidencia es demasiado grande.", en: "The evidence file is too large." },
  "evidence.type_mismatch": {
    status: 415,
    es: "El contenido del archivo no corresponde a su tipo.",
    en: "The file's content does not match its type.",
  },
  "evidence.not_found": { status: 404, es: "El archivo de evidencia no existe.", en: "No such evidence file." },
  "import.unreadable": { status: 400, es: "No se puede leer el archivo.", en: "The file cannot be read." },
  internal: { status: 500, es: "Error interno.", en: "Internal error." },
} as const satisfies Record<string, { status: number; es: string; en: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

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
