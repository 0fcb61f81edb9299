import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import type { AttachmentData } from "./attachments";
import {
  type ConversationInput,
  type ConversationPatch,
  MAX_MEMBERS,
  type MessageInput,
  nodeOfMember,
  type ReceiptKind,
  type Tlp,
  tlpRank,
  userOfMember,
} from "./schema";

/**
 * Pure decisions of the channel: state and command in, events out. Ids, the acting member
 * and the time come in as arguments, so the same inputs always give the same events.
 */
export interface ConversationState {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly kind: "direct" | "group";
  readonly title: string;
  readonly tlp: Tlp;
  readonly members: readonly string[];
  readonly createdBy: string;
}

export interface MessageState {
  readonly id: string;
  readonly space: string;
  readonly conversation: string;
  readonly ownerNode: string;
  readonly author: string;
  readonly body: string;
  readonly version: number;
  readonly withdrawn: boolean;
  readonly to: readonly string[];
}

/** The creator first among equals: sorted, without repeats, always included. */
export function normaliseMembers(requested: readonly string[], creator: string): string[] {
  return [...new Set([creator, ...requested])].sort();
}

/**
 * A conversation's events reach every member node of its space and only those (a chain
 * cannot be filtered per peer), so its members must come from exactly the nodes of its space.
 */
export function checkSpaceNodes(members: readonly string[], space: string, spaceNodes: readonly string[]): void {
  const nodes = new Set(members.map(nodeOfMember));
  const outside = [...nodes].filter((n) => !spaceNodes.includes(n));
  if (outside.length) {
    throw new DomainError("conversation.member_outside_space", `${outside.join(", ")} is not a member node of space ${space}`, "members");
  }
  const silent = spaceNodes.filter((n) => !nodes.has(n));
  if (silent.length) {
    throw new DomainError(
      "conversation.space_too_wide",
      `space ${space} also reaches ${silent.join(", ")}, where no member is: use a space of exactly the members' nodes`,
      "space",
    );
  }
}

function checkCount(members: readonly string[]): void {
  if (members.length < 2) throw new DomainError("validation.failed", "name at least one other member", "members");
  if (members.length > MAX_MEMBERS) throw new DomainError("validation.failed", `at most ${MAX_MEMBERS} members`, "members");
}

export function decideConversation(
  input: ConversationInput,
  id: string,
  t: { creator: string; space: string; spaceNodes: readonly string[] },
): NewEvent {
  const members = normaliseMembers(input.members, t.creator);
  checkCount(members);
  if (input.direct && members.length !== 2) {
    throw new DomainError("validation.failed", "a direct conversation has exactly one other member", "members");
  }
  checkSpaceNodes(members, t.space, t.spaceNodes);
  return {
    space: t.space,
    type: "conversation.created",
    subject: id,
    actor: t.creator,
    data: { title: input.title, kind: input.direct ? "direct" : "group", members, tlp: input.tlp, createdBy: t.creator },
  };
}

/** Only the creator changes a conversation, on its own node (the single writer). */
export function decideConversationUpdate(
  c: ConversationState | undefined,
  patch: ConversationPatch,
  t: { actor: string; node: string; spaceNodes: readonly string[] },
): NewEvent[] {
  if (!c) throw new DomainError("conversation.not_found", "no such conversation", "path.id");
  if (c.ownerNode !== t.node || c.createdBy !== t.actor) {
    throw new DomainError("conversation.not_creator", `only ${c.createdBy} may change this conversation`);
  }
  const data: Record<string, unknown> = {};
  if (patch.members) {
    if (c.kind === "direct") throw new DomainError("validation.failed", "the members of a direct conversation do not change", "members");
    const members = normaliseMembers(patch.members, c.createdBy);
    checkCount(members);
    checkSpaceNodes(members, c.space, t.spaceNodes);
    if (members.join(",") !== [...c.members].sort().join(",")) data.members = members;
  }
  if (patch.title !== undefined && patch.title !== c.title) data.title = patch.title;
  if (patch.tlp !== undefined && patch.tlp !== c.tlp) data.tlp = patch.tlp;
  if (Object.keys(data).length === 0) return [];
  return [{ space: c.space, type: "conversation.updated", subject: c.id, actor: t.actor, data }];
}

export function decidePost(
  c: ConversationState | undefined,
  input: MessageInput,
  t: { id: string; author: string; attachments: readonly AttachmentData[]; replyConversation: string | undefined },
): NewEvent {
  // A conversation one is not a member of does not exist, as far as one can tell.
  if (!c?.members.includes(t.author)) throw new DomainError("conversation.not_found", "no such conversation", "path.id");
  const tlp = input.tlp ?? c.tlp;
  if (tlpRank(tlp) < tlpRank(c.tlp)) {
    throw new DomainError(
      "message.tlp_below_conversation",
      `TLP:${tlp.toUpperCase()} is less restrictive than the conversation's TLP:${c.tlp.toUpperCase()}`,
      "tlp",
    );
  }
  if (input.replyTo && t.replyConversation !== c.id) {
    throw new DomainError("message.bad_reply", "the message replied to is not in this conversation", "replyTo");
  }
  return {
    space: c.space,
    type: "message.posted",
    subject: t.id,
    actor: t.author,
    data: {
      conversation: c.id,
      body: input.body,
      precedence: input.precedence,
      ackRequired: input.ackRequired,
      tlp,
      replyTo: input.replyTo ?? null,
      attachments: t.attachments,
      to: c.members.filter((m) => m !== t.author),
    },
  };
}

/** Only the author changes a message, on its own node; a withdrawn message stays withdrawn. */
function authored(m: MessageState | undefined, actor: string, node: string): MessageState {
  if (!m) throw new DomainError("message.not_found", "no such message", "path.id");
  if (m.ownerNode !== node || m.author !== actor) throw new DomainError("message.not_author", `only ${m.author} may change this message`);
  if (m.withdrawn) throw new DomainError("message.withdrawn", "the message was withdrawn");
  return m;
}

export function decideEdit(m: MessageState | undefined, body: string, t: { actor: string; node: string }): NewEvent[] {
  const msg = authored(m, t.actor, t.node);
  if (body === msg.body) return [];
  return [{ space: msg.space, type: "message.edited", subject: msg.id, actor: t.actor, data: { version: msg.version + 1, body } }];
}

export function decideWithdraw(m: MessageState | undefined, reason: string | undefined, t: { actor: string; node: string }): NewEvent[] {
  const msg = authored(m, t.actor, t.node);
  return [{ space: msg.space, type: "message.withdrawn", subject: msg.id, actor: t.actor, data: { reason: reason || null } }];
}

/**
 * A receipt of one user about a message addressed to it. Read and delivered receipts of a
 * member who is not an addressee (e.g. added later) are simply not recorded; an
 * acknowledgement from one is refused.
 */
export function decideReceipt(
  m: MessageState | undefined,
  kind: Exclude<ReceiptKind, "accepted">,
  t: { member: string; at: string; comment?: string | undefined; already: boolean },
): NewEvent[] {
  if (!m) throw new DomainError("message.not_found", "no such message", "path.id");
  if (m.withdrawn && kind === "acknowledged") throw new DomainError("message.withdrawn", "the message was withdrawn");
  if (!m.to.includes(t.member)) {
    if (kind === "acknowledged") throw new DomainError("message.not_addressee", "only an addressee acknowledges a message");
    return [];
  }
  if (t.already) return [];
  const base = { user: userOfMember(t.member), at: t.at };
  const data = kind === "acknowledged" ? { ...base, comment: t.comment || null, version: m.version } : base;
  return [{ space: m.space, type: `message.${kind}`, subject: m.id, actor: t.member, data }];
}
