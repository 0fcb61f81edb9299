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
  "coordination.reference_not_found": {
    status: 422,
    es: "Un objeto referido no existe en este espacio.",
    en: "An object referred to does not exist in this space.",
  },
  "unit.not_found": { status: 404, es: "La unidad no existe.", en: "No such unit." },
  "unit.not_owner": { status: 403, es: "Solo el lado de la unidad puede modificarla.", en: "Only the unit's own side may change it." },
  "unit.retired": { status: 409, es: "La unidad está retirada.", en: "The unit is retired." },
  "unit.counterpart_invalid": {
    status: 422,
    es: "Una contraparte es una unidad del otro lado de la frontera.",
    en: "A counterpart is a unit of the other side of the border.",
  },
  "meeting.not_found": { status: 404, es: "La reunión no existe.", en: "No such meeting." },
  "meeting.not_host": {
    status: 403,
    es: "Solo el nodo anfitrión puede hacer esto con la reunión.",
    en: "Only the host's node may do this to the meeting.",
  },
  "meeting.host_not_own_unit": {
    status: 403,
    es: "Una reunión la organiza una unidad de este nodo.",
    en: "A meeting is hosted by one of this node's units.",
  },
  "meeting.cancelled": { status: 409, es: "La reunión fue cancelada.", en: "The meeting was cancelled." },
  "meeting.not_participant": {
    status: 422,
    es: "Esa unidad o nodo no participa en la reunión.",
    en: "That unit or node does not take part in the meeting.",
  },
  "meeting.not_your_unit": {
    status: 403,
    es: "Cada lado confirma la asistencia de sus propias unidades.",
    en: "Each side confirms attendance for its own units.",
  },
  "series.not_found": { status: 404, es: "La serie de reuniones no existe.", en: "No such meeting series." },
  "series.too_long": {
    status: 422,
    es: "Una serie tiene como máximo 200 reuniones en cinco años.",
    en: "A series holds at most 200 meetings within five years.",
  },
  "series.empty": { status: 422, es: "La regla no produce ninguna reunión.", en: "The rule gives no meeting." },
  "series.cancelled": { status: 409, es: "La serie ya fue cancelada.", en: "The series was already cancelled." },
  "threat_actor.not_found": { status: 404, es: "El grupo no existe.", en: "No such group." },
  "threat_actor.not_owner": {
    status: 403,
    es: "Solo el nodo que registró el grupo puede modificarlo.",
    en: "Only the node that recorded the group may change it.",
  },
  "risk_factor.not_found": { status: 404, es: "El factor de riesgo no existe.", en: "No such risk factor." },
  "risk_factor.not_owner": {
    status: 403,
    es: "Solo el nodo que registró el factor de riesgo puede modificarlo.",
    en: "Only the node that recorded the risk factor may change it.",
  },
  "assessment.not_found": { status: 404, es: "La evaluación no existe.", en: "No such assessment." },
  "assessment.not_owner": {
    status: 403,
    es: "Solo el nodo autor de la evaluación puede modificarla.",
    en: "Only the node that wrote the assessment may change it.",
  },
  "assessment.withdrawn": { status: 409, es: "La evaluación fue retirada.", en: "The assessment was withdrawn." },
  "intel.not_found": { status: 404, es: "El informe de inteligencia no existe.", en: "No such intelligence report." },
  "intel.not_owner": {
    status: 403,
    es: "Solo el nodo autor del informe puede modificarlo.",
    en: "Only the node that wrote the report may change it.",
  },
  "intel.withdrawn": { status: 409, es: "El informe fue retirado.", en: "The report was withdrawn." },
  "intel.same_space": { status: 422, es: "El informe ya está en ese espacio.", en: "The report already lives in that space." },
  "intel.consent_required": {
    status: 403,
    es: "Es material de otro nodo: se necesita el consentimiento de su originador para difundirlo.",
    en: "This is another node's material: passing it on needs its originator's consent.",
  },
  "intel.consent_pending": {
    status: 409,
    es: "El originador aún no ha respondido a la solicitud de consentimiento.",
    en: "The originator has not yet answered the consent request.",
  },
  "intel.consent_refused": {
    status: 403,
    es: "El originador negó el consentimiento para difundir el informe.",
    en: "The originator refused consent to pass the report on.",
  },
  "intel.tlp_weaker": {
    status: 422,
    es: "El material de otro nodo conserva al menos su marca TLP.",
    en: "Another node's material keeps at least its TLP marking.",
  },
  "intel.consent_not_needed": {
    status: 422,
    es: "Este nodo es el originador del informe: puede difundirlo sin consentimiento.",
    en: "This node is the report's originator: it releases it without consent.",
  },
  "intel.originator_absent": {
    status: 409,
    es: "El originador no es miembro del espacio del informe.",
    en: "The originator is not a member of the report's space.",
  },
  "consent.not_found": { status: 404, es: "La solicitud de consentimiento no existe.", en: "No such consent request." },
  "consent.not_originator": {
    status: 403,
    es: "Solo el nodo originador responde a las solicitudes de consentimiento.",
    en: "Only the originator's node answers consent requests.",
  },
  "consent.answered": { status: 409, es: "La solicitud ya fue respondida.", en: "The request was already answered." },
  "rfi.not_found": { status: 404, es: "La solicitud de información no existe.", en: "No such request for information." },
  "rfi.not_owner": {
    status: 403,
    es: "Solo el nodo que hizo la solicitud puede cerrarla.",
    en: "Only the node that asked may close the request.",
  },
  "rfi.closed": { status: 409, es: "La solicitud de información está cerrada.", en: "The request for information is closed." },
  "border.outside_own_territory": {
    status: 422,
    es: "La posición está fuera del territorio propio; cada parte registra solo en su territorio.",
    en: "The position is outside this side's territory; each side records only on its own territory.",
  },
  "border.bad_coordinates": { status: 400, es: "Coordenadas no válidas.", en: "Invalid coordinates." },
  "border.bad_mgrs": { status: 400, es: "Referencia MGRS no válida.", en: "Invalid MGRS reference." },
  "border.no_territory": {
    status: 422,
    es: "Este nodo no corresponde a Colombia ni a Venezuela y no registra posiciones.",
    en: "This node is neither Colombia nor Venezuela and records no positions.",
  },
  "border.cross_space_reference": {
    status: 422,
    es: "El objeto referido está en otro espacio.",
    en: "The object referred to lives in another space.",
  },
  "sector.not_found": { status: 404, es: "El sector no existe.", en: "No such sector." },
  "sector.not_owner": {
    status: 403,
    es: "Solo el nodo propietario puede modificar este sector.",
    en: "Only the owner node may change this sector.",
  },
  "sector.code_taken": { status: 409, es: "Ya existe un sector con ese código.", en: "A sector with that code already exists." },
  "sector.not_shared": {
    status: 422,
    es: "El nivel se acuerda solo en sectores compartidos.",
    en: "Levels are agreed only for shared sectors.",
  },
  "sector.proposal_pending": {
    status: 409,
    es: "Ya hay una propuesta de nivel pendiente para este sector.",
    en: "A level proposal for this sector already awaits an answer.",
  },
  "sector.proposal_not_pending": {
    status: 409,
    es: "Esa propuesta no es la pendiente de este sector.",
    en: "That proposal is not this sector's pending one.",
  },
  "sector.own_proposal": {
    status: 403,
    es: "La propuesta la responde la otra parte, no quien la hizo.",
    en: "The other side answers a proposal, not the side that made it.",
  },
  "crossing.not_found": { status: 404, es: "El paso no existe.", en: "No such crossing." },
  "crossing.not_owner": {
    status: 403,
    es: "Solo el nodo propietario puede modificar este paso.",
    en: "Only the owner node may change this crossing.",
  },
  "deployment.not_found": { status: 404, es: "El despliegue no existe.", en: "No such deployment." },
  "deployment.not_owner": {
    status: 403,
    es: "Solo el nodo propietario puede modificar este despliegue.",
    en: "Only the owner node may change this deployment.",
  },
  "deployment.ended": { status: 409, es: "El despliegue ya terminó.", en: "The deployment has already ended." },
  "patrol.not_found": { status: 404, es: "La patrulla no existe.", en: "No such patrol." },
  "incident.not_found": { status: 404, es: "El incidente no existe.", en: "No such incident." },
  "incident.not_owner": {
    status: 403,
    es: "Solo el nodo que reportó el incidente puede cerrarlo; publique un seguimiento.",
    en: "Only the node that reported the incident may close it; post a follow-up instead.",
  },
  "incident.closed": { status: 409, es: "El incidente está cerrado.", en: "The incident is closed." },
  "incident.not_national": {
    status: 422,
    es: "Solo se libera un incidente nacional.",
    en: "Only a national incident can be released.",
  },
  "incident.already_released": {
    status: 409,
    es: "El incidente ya fue liberado en ese espacio.",
    en: "The incident was already released into that space.",
  },
  "conversation.not_found": { status: 404, es: "La conversación no existe.", en: "No such conversation." },
  "conversation.not_creator": {
    status: 403,
    es: "Solo quien creó la conversación puede modificarla.",
    en: "Only the conversation's creator may change it.",
  },
  "conversation.unknown_member": {
    status: 422,
    es: "Un miembro indicado no es un usuario habilitado de este nodo.",
    en: "A member given is not an enabled user of this node.",
  },
  "conversation.member_outside_space": {
    status: 422,
    es: "Un miembro pertenece a un nodo que no es miembro del espacio.",
    en: "A member belongs to a node that is not a member of the space.",
  },
  "conversation.space_too_wide": {
    status: 422,
    es: "El espacio llega a nodos sin ningún miembro de la conversación; use un espacio de exactamente esos nodos.",
    en: "The space reaches nodes where no member is; use a space of exactly the members' nodes.",
  },
  "conversation.no_space": {
    status: 422,
    es: "Ningún espacio compartido tiene exactamente los nodos de los miembros.",
    en: "No shared space has exactly the members' nodes.",
  },
  "message.not_found": { status: 404, es: "El mensaje no existe.", en: "No such message." },
  "message.not_author": { status: 403, es: "Solo su autor puede modificar el mensaje.", en: "Only its author may change the message." },
  "message.withdrawn": { status: 409, es: "El mensaje fue retirado.", en: "The message was withdrawn." },
  "message.not_addressee": {
    status: 403,
    es: "Solo un destinatario acusa recibo del mensaje.",
    en: "Only an addressee acknowledges the message.",
  },
  "message.tlp_below_conversation": {
    status: 422,
    es: "La marca TLP del mensaje es menos restrictiva que la de la conversación.",
    en: "The message's TLP marking is less restrictive than the conversation's.",
  },
  "message.bad_reply": {
    status: 422,
    es: "El mensaje respondido no está en esta conversación.",
    en: "The message replied to is not in this conversation.",
  },
  "attachment.type_refused": { status: 415, es: "Tipo de adjunto no admitido.", en: "Attachment type not allowed." },
  "attachment.type_mismatch": {
    status: 415,
    es: "El contenido del adjunto no corresponde a su tipo.",
    en: "The attachment's content does not match its type.",
  },
  "attachment.too_large": { status: 413, es: "El adjunto es demasiado grande.", en: "The attachment is too large." },
  "attachment.not_found": { status: 404, es: "El adjunto no existe.", en: "No such attachment." },
  "stix.invalid": { status: 422, es: "El paquete STIX no es válido.", en: "The STIX bundle is not valid." },
  "taxii.not_acceptable": {
    status: 406,
    es: "Ninguno de los tipos aceptados es application/taxii+json;version=2.1.",
    en: "None of the accepted types is application/taxii+json;version=2.1.",
  },
  "taxii.collection_not_found": { status: 404, es: "La colección TAXII no existe.", en: "No such TAXII collection." },
  "taxii.object_not_found": { status: 404, es: "El objeto no está en la colección.", en: "The object is not in the collection." },
  "taxii.status_not_found": { status: 404, es: "El estado solicitado no existe.", en: "No such status." },
  "taxii.read_only": {
    status: 403,
    es: "La colección es de solo lectura: compartir es una publicación explícita.",
    en: "The collection is read-only: sharing is an explicit release.",
  },
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
