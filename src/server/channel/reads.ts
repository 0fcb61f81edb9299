import type { MessageView } from "../../core/channel/view-schema";
import { DomainError } from "../../core/errors";
import type { Sql } from "../db/database";
import type { ProvisionalStore } from "./provisional";
import { provisionalView } from "./provisional";
import { conversationState, isMemberOf, type MessageRow, visibleMessage } from "./queries";
import { conversationViews, messagePageOf, messageViews } from "./views";

/**
 * The channel's reads as the API answers them: held data merged with provisional messages
 * (shown from the express lane ahead of their chain), never anything of a conversation the
 * caller is not a member of, which answers exactly as one that does not exist.
 */
const notFound = (what: "conversation" | "message") => new DomainError(`${what}.not_found`, `no such ${what}`, "path.id");

async function pendingOf(sql: Sql, member: string, message: string) {
  const rows = await sql.all<{ kind: "delivered" | "read" | "acknowledged" }>(
    "SELECT kind FROM channel_pending WHERE member = ? AND message = ?",
    [member, message],
  );
  return rows.map((r) => r.kind);
}

export async function readConversation(sql: Sql, id: string, member: string, provisional?: ProvisionalStore) {
  const [held] = await conversationViews(sql, member, id);
  if (held) return held;
  const p = provisional?.forConversation(id).find((x) => x.conversation.members.includes(member));
  if (!p) throw notFound("conversation");
  return provisionalConversation(p.conversation, provisional?.forConversation(id).length ?? 0);
}

/** A conversation known only from a provisional message: as much as its signed events say. */
function provisionalConversation(c: NonNullable<ReturnType<ProvisionalStore["get"]>>["conversation"], unread: number) {
  return {
    id: c.id,
    space: c.space,
    ownerNode: c.ownerNode,
    kind: c.kind,
    title: c.title,
    tlp: c.tlp,
    members: [...c.members],
    createdBy: c.createdBy,
    createdAt: "",
    updatedAt: "",
    lastMessageAt: null,
    unread,
    pendingAcks: 0,
  };
}

export async function listConversations(sql: Sql, member: string, provisional?: ProvisionalStore) {
  const held = await conversationViews(sql, member);
  const known = new Set(held.map((c) => c.id));
  const extra = new Map<string, ReturnType<typeof provisionalConversation>>();
  for (const p of provisional?.all() ?? []) {
    const c = p.conversation;
    if (known.has(c.id) || !c.members.includes(member)) continue;
    const prior = extra.get(c.id);
    extra.set(c.id, provisionalConversation(c, (prior?.unread ?? 0) + 1));
  }
  return [...extra.values(), ...held];
}

export async function readMessages(
  sql: Sql,
  id: string,
  member: string,
  q: { limit: number; before?: string },
  provisional?: ProvisionalStore,
) {
  const held = await isMemberOf(sql, id, member);
  const early = (provisional?.forConversation(id) ?? []).filter((p) => p.conversation.members.includes(member));
  if (!held && early.length === 0) throw notFound("conversation");
  const page = held ? await messagePageOf(sql, id, member, q) : { messages: [], next: null };
  if (page === "bad_cursor") throw new DomainError("validation.failed", "not a cursor this API gave", "query.before");
  if (q.before !== undefined) return page;
  // The newest page also shows what arrived ahead of its chain.
  const shown = new Set(page.messages.map((m) => m.id));
  const extra: MessageView[] = [];
  for (const p of early) {
    if (shown.has(p.event.subject)) continue;
    const v = provisionalView(p, member, await pendingOf(sql, member, p.event.subject));
    if (v) extra.push(v);
  }
  return { messages: [...page.messages, ...extra], next: page.next };
}

export async function readMessage(sql: Sql, id: string, member: string, provisional?: ProvisionalStore): Promise<MessageView> {
  const row = await visibleMessage(sql, id, member);
  if (row) return (await messageViews(sql, [row], member))[0] as MessageView;
  const p = provisional?.get(id);
  const v = p && provisionalView(p, member, await pendingOf(sql, member, id));
  if (!v) throw notFound("message");
  return v;
}

/** A held message the caller may see, or message.not_found. */
export async function heldMessage(sql: Sql, id: string, member: string): Promise<MessageRow> {
  const row = await visibleMessage(sql, id, member);
  if (!row) throw notFound("message");
  return row;
}

export async function versionsOf(sql: Sql, id: string) {
  return sql.all<{ version: number; body: string; at: string }>(
    "SELECT version, body, at FROM channel_versions WHERE message = ? ORDER BY version",
    [id],
  );
}

export async function conversationTitles(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) out.set(id, (await conversationState(sql, id))?.title ?? "");
  return out;
}
