import { prepareAttachments } from "../../core/channel/attachments";
import {
  decideConversation,
  decideConversationUpdate,
  decideEdit,
  decidePost,
  decideReceipt,
  decideWithdraw,
  normaliseMembers,
} from "../../core/channel/decide";
import { type ChannelAction, canChannel } from "../../core/channel/policy";
import { type ConversationInput, type ConversationPatch, type MessageInput, nodeOfMember, userOfMember } from "../../core/channel/schema";
import { DomainError } from "../../core/errors";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import { type Actor, actorName, type CommandContext } from "../admin/commands";
import type { Sql } from "../db/database";
import type { WriteTx } from "../db/event-store";
import { eventMessageView, type ProvisionalStore } from "./provisional";
import {
  activeUsers,
  conversationSpace,
  conversationState,
  findDirect,
  isMemberOf,
  messageRow,
  receiptsHeld,
  spaceNodes,
  toMessageState,
  visibleMessage,
} from "./queries";

/** The channel's use cases, callable from HTTP, the CLI, the demo seeder and tests. */
export interface ChannelContext extends CommandContext {
  /** Urgent messages shown ahead of their chain, which receipts may already refer to. */
  readonly provisional?: ProvisionalStore;
  readonly now?: () => number;
}

export function authorizeChannel(actor: Actor, action: ChannelAction): void {
  if (!canChannel(actor.role, action)) throw new DomainError("auth.forbidden", `role ${actor.role} may not ${action}`);
}

const nowIso = (ctx: ChannelContext) => new Date((ctx.now ?? Date.now)()).toISOString();

/** Members on this node must be its enabled users; the creator (the caller, or the console operator `cli`) is taken as is. */
async function checkLocalMembers(sql: Sql, requested: readonly string[], self: string, creator: string): Promise<void> {
  const local = requested.filter((m) => nodeOfMember(m) === self && m !== creator);
  const known = await activeUsers(sql, local.map(userOfMember));
  const i = requested.findIndex((m) => local.includes(m) && !known.has(userOfMember(m)));
  if (i !== -1) throw new DomainError("conversation.unknown_member", `${requested[i]} is not an enabled user of this node`, `members.${i}`);
}

/** Opens a conversation; a direct one that already exists is returned instead (`created: false`). */
export async function createConversation(ctx: ChannelContext, input: ConversationInput): Promise<{ id: string; created: boolean }> {
  authorizeChannel(ctx.actor, "conversation.create");
  const self = ctx.actor.node;
  const creator = actorName(ctx.actor);
  return ctx.store.write(async (tx) => {
    await checkLocalMembers(tx.sql, input.members, self, creator);
    const members = normaliseMembers(input.members, creator);
    const space = await conversationSpace(tx.sql, self, members.map(nodeOfMember), input.space);
    if (input.direct && members.length === 2) {
      const existing = await findDirect(tx.sql, space, members[0] as string, members[1] as string);
      if (existing) return { id: existing, created: false };
    }
    const id = uuidv7();
    await tx.append([decideConversation(input, id, { creator, space, spaceNodes: await spaceNodes(tx.sql, space, self) })]);
    return { id, created: true };
  });
}

export async function updateConversation(ctx: ChannelContext, id: string, patch: ConversationPatch): Promise<void> {
  authorizeChannel(ctx.actor, "channel.read");
  const self = ctx.actor.node;
  await ctx.store.write(async (tx) => {
    const c = await conversationState(tx.sql, id);
    const actor = actorName(ctx.actor);
    if (c && !c.members.includes(actor)) throw new DomainError("conversation.not_found", "no such conversation", "path.id");
    if (patch.members) await checkLocalMembers(tx.sql, patch.members, self, c?.createdBy ?? actor);
    const events = decideConversationUpdate(c, patch, { actor, node: self, spaceNodes: c ? await spaceNodes(tx.sql, c.space, self) : [] });
    if (events.length) await tx.append(events);
  });
}

/** Posts a message; the answer is built from the stored event, with no read back. */
export async function postMessage(ctx: ChannelContext, conversation: string, input: MessageInput) {
  authorizeChannel(ctx.actor, "message.post");
  const author = actorName(ctx.actor);
  // Hashing and checking files needs no transaction: it is done before joining one.
  const attachments = prepareAttachments(input.attachments);
  const id = uuidv7();
  const stored = await ctx.store.write(async (tx) => {
    const c = await conversationState(tx.sql, conversation);
    const reply = input.replyTo ? await messageRow(tx.sql, input.replyTo) : undefined;
    const event = decidePost(c, input, { id, author, attachments, replyConversation: reply?.conversation });
    const [e] = await tx.append([event]);
    return e;
  });
  if (!stored) throw new DomainError("internal", "the message was not stored");
  return eventMessageView(stored, { hash: stored.hash, storedAt: (ctx.now ?? Date.now)(), member: author, provisional: false });
}

async function authoredChange(
  ctx: ChannelContext,
  id: string,
  decide: (m: ReturnType<typeof toMessageState> | undefined) => ReturnType<typeof decideEdit>,
) {
  const actor = actorName(ctx.actor);
  await ctx.store.write(async (tx) => {
    const m = await visibleMessage(tx.sql, id, actor);
    const events = decide(m && toMessageState(m));
    if (events.length) await tx.append(events);
  });
}

export async function editMessage(ctx: ChannelContext, id: string, body: string): Promise<void> {
  authorizeChannel(ctx.actor, "message.post");
  await authoredChange(ctx, id, (m) => decideEdit(m, body, { actor: actorName(ctx.actor), node: ctx.actor.node }));
}

export async function withdrawMessage(ctx: ChannelContext, id: string, reason?: string): Promise<void> {
  authorizeChannel(ctx.actor, "message.post");
  await authoredChange(ctx, id, (m) => decideWithdraw(m, reason, { actor: actorName(ctx.actor), node: ctx.actor.node }));
}

export type UserReceipt = "delivered" | "read" | "acknowledged";

/**
 * Records that the caller received, read or acknowledged a message. For a message still
 * provisional (shown from the express lane, not yet held) the receipt cannot be signed into
 * the shared space yet: it is kept in the node's own log and signed once the message is held.
 */
export async function recordReceipt(
  ctx: ChannelContext,
  id: string,
  kind: UserReceipt,
  comment?: string,
): Promise<{ status: "recorded" | "pending" | "unchanged"; message: string; kind: UserReceipt }> {
  authorizeChannel(ctx.actor, "channel.read");
  const member = actorName(ctx.actor);
  const at = nowIso(ctx);
  const status = await ctx.store.write(async (tx): Promise<"recorded" | "pending" | "unchanged"> => {
    const m = await visibleMessage(tx.sql, id, member);
    if (!m) return deferReceipt(ctx, tx, { id, kind, member, at, comment });
    const already = (await receiptsHeld(tx.sql, kind, member, [id])).has(id);
    const events = decideReceipt(toMessageState(m), kind, { member, at, comment, already });
    if (events.length === 0) return "unchanged";
    await tx.append(events);
    return "recorded";
  });
  return { status, message: id, kind };
}

async function deferReceipt(
  ctx: ChannelContext,
  tx: WriteTx,
  r: { id: string; kind: UserReceipt; member: string; at: string; comment: string | undefined },
): Promise<"pending" | "unchanged"> {
  const p = ctx.provisional?.get(r.id);
  if (!p?.conversation.members.includes(r.member)) throw new DomainError("message.not_found", "no such message", "path.id");
  const to = (p.event.data as { to: string[] }).to;
  const state = { id: r.id, space: p.event.space, conversation: p.conversation.id, ownerNode: p.event.origin, author: p.event.actor };
  const events = decideReceipt({ ...state, body: "", version: 1, withdrawn: false, to }, r.kind, { ...r, already: false });
  if (events.length === 0) return "unchanged";
  const held = await tx.sql.all("SELECT 1 AS one FROM channel_pending WHERE message = ? AND member = ? AND kind = ?", [
    r.id,
    r.member,
    r.kind,
  ]);
  if (held.length > 0) return "unchanged";
  await tx.append([
    {
      space: NATIONAL_SPACE,
      type: "message.receipt_deferred",
      subject: uuidv7(),
      actor: r.member,
      data: {
        space: p.event.space,
        message: r.id,
        kind: r.kind,
        user: userOfMember(r.member),
        at: r.at,
        comment: r.kind === "acknowledged" ? r.comment || null : null,
        version: 1,
      },
    },
  ]);
  return "pending";
}

/** Marks every unread message of a conversation addressed to the caller as read (at most 1,000 at once). */
export async function markConversationRead(ctx: ChannelContext, id: string): Promise<number> {
  authorizeChannel(ctx.actor, "channel.read");
  const member = actorName(ctx.actor);
  const at = nowIso(ctx);
  return ctx.store.write(async (tx) => {
    if (!(await isMemberOf(tx.sql, id, member))) throw new DomainError("conversation.not_found", "no such conversation", "path.id");
    const unread = await tx.sql.all<{ message: string }>(
      "SELECT message FROM channel_unread WHERE member = ? AND conversation = ? ORDER BY message LIMIT 1000",
      [member, id],
    );
    const events = [];
    for (const { message } of unread) {
      const m = await messageRow(tx.sql, message);
      if (m) events.push(...decideReceipt(toMessageState(m), "read", { member, at, already: false }));
    }
    if (events.length) await tx.append(events);
    return events.length;
  });
}
