import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import { owned } from "./decide-threats";
import { type Lookup, refuseMissing, type Target } from "./decide-units";
import type { RfiInput, RfiReplyInput } from "./threat-inputs";

/**
 * Requests for information: one side asks, any member replies (linking reports of the same
 * space), the asker closes the request.
 */
export interface RfiState {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly closed: boolean;
}

export function decideRfi(input: RfiInput, id: string, refs: { sectors: Lookup; actors: Lookup }, t: Target): NewEvent[] {
  refuseMissing("sectorIds", input.sectorIds, refs.sectors, "sector");
  refuseMissing("threatActorIds", input.threatActorIds, refs.actors, "group");
  const { space: _space, ...data } = input;
  return [{ space: t.space, type: "rfi.requested", subject: id, actor: t.actor, data }];
}

export function decideRfiReply(
  rfi: RfiState | undefined,
  input: RfiReplyInput,
  replyId: string,
  reports: Lookup,
  t: Omit<Target, "space">,
): NewEvent[] {
  if (!rfi) throw new DomainError("rfi.not_found", "no such request for information");
  if (rfi.closed) throw new DomainError("rfi.closed", "the request for information is closed");
  refuseMissing("reportIds", input.reportIds, reports, "intelligence report");
  return [{ space: rfi.space, type: "rfi.replied", subject: rfi.id, actor: t.actor, data: { replyId, ...input } }];
}

export function decideRfiClose(rfi: RfiState | undefined, reason: string, t: Omit<Target, "space">): NewEvent[] {
  const r = owned(rfi, t.node, "rfi", "request for information");
  if (r.closed) throw new DomainError("rfi.closed", "the request for information is already closed");
  return [{ space: r.space, type: "rfi.closed", subject: r.id, actor: t.actor, data: { reason } }];
}
