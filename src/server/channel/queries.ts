import type { ConversationState, MessageState } from "../../core/channel/decide";
import type { Tlp } from "../../core/channel/schema";
import { DomainError } from "../../core/errors";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { type Sql, statement } from "../db/database";

/** Reads of the channel projection that commands, views, the stream and the express lane share. */
export interface ConversationRow {
  id: string;
  space: string;
  owner: string;
  kind: "direct" | "group";
  title: string;
  tlp: Tlp;
  created_by: string;
  created_at: string;
  updated_at: string;
  last_message_at: string | null;
}

export interface MessageRow {
  id: string;
  conversation: string;
  space: string;
  origin: string;
  seq: number;
  pos: number;
  hash: string;
  author: string;
  precedence: string;
  ack_required: number;
  tlp: string;
  reply_to: string | null;
  body: string;
  version: number;
  attachments: string;
  recipients: string;
  hlc: string;
  posted_at: string;
  posted_ms: number;
  due_ms: number | null;
  stored_at: number;
  edited_at: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  escalated_at: string | null;
  acks_pending: number;
}

export const MESSAGE_COLUMNS =
  "id, conversation, space, origin, seq, pos, hash, author, precedence, ack_required, tlp, reply_to, body, version, attachments, recipients, hlc, posted_at, posted_ms, due_ms, stored_at, edited_at, withdrawn_at, withdraw_reason, escalated_at, acks_pending";

export async function membersOf(sql: Sql, conversation: string): Promise<string[]> {
  const rows = await sql.all<{ member: string }>("SELECT member FROM channel_members WHERE conversation = ? ORDER BY member", [
    conversation,
  ]);
  return rows.map((r) => r.member);
}

export async function conversationRow(sql: Sql, id: string): Promise<ConversationRow | undefined> {
  return (await sql.all<ConversationRow>("SELECT * FROM channel_conversations WHERE id = ?", [id]))[0];
}

/** A conversation with its members, in one query (a post reads it on every message). */
const CONVERSATION_STATE = statement(
  `SELECT c.id, c.space, c.owner, c.kind, c.title, c.tlp, c.created_by, m.member
   FROM channel_conversations c LEFT JOIN channel_members m ON m.conversation = c.id WHERE c.id = ? ORDER BY m.member`,
);

export async function conversationState(sql: Sql, id: string): Promise<ConversationState | undefined> {
  const rows = await sql.all<
    Pick<ConversationRow, "id" | "space" | "owner" | "kind" | "title" | "tlp" | "created_by"> & { member: string | null }
  >(CONVERSATION_STATE, [id]);
  const c = rows[0];
  if (!c) return undefined;
  return {
    id: c.id,
    space: c.space,
    ownerNode: c.owner,
    kind: c.kind,
    title: c.title,
    tlp: c.tlp,
    members: rows.flatMap((r) => (r.member === null ? [] : [r.member])),
    createdBy: c.created_by,
  };
}

export async function messageRow(sql: Sql, id: string): Promise<MessageRow | undefined> {
  return (await sql.all<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM channel_messages WHERE id = ?`, [id]))[0];
}

export function toMessageState(m: MessageRow): MessageState {
  return {
    id: m.id,
    space: m.space,
    conversation: m.conversation,
    ownerNode: m.origin,
    author: m.author,
    body: m.body,
    version: Number(m.version),
    withdrawn: m.withdrawn_at !== null,
    to: JSON.parse(m.recipients) as string[],
  };
}

export async function isMemberOf(sql: Sql, conversation: string, member: string): Promise<boolean> {
  return (await sql.all("SELECT 1 AS one FROM channel_members WHERE conversation = ? AND member = ?", [conversation, member])).length > 0;
}

/** The message, if `member` belongs to its conversation; otherwise, as far as it can tell, none exists. */
export async function visibleMessage(sql: Sql, id: string, member: string): Promise<MessageRow | undefined> {
  const m = await messageRow(sql, id);
  return m && (await isMemberOf(sql, m.conversation, member)) ? m : undefined;
}

/** The nodes a conversation in `space` reaches: the space's members (the national space: this node). */
export async function spaceNodes(sql: Sql, space: string, self: string): Promise<string[]> {
  if (space === NATIONAL_SPACE) return [self];
  const rows = await sql.all<{ node: string }>("SELECT node FROM space_members WHERE space = ? ORDER BY node", [space]);
  return rows.map((r) => r.node);
}

/**
 * Where a new conversation lives: the space asked for (which this node must have joined), or
 * else the national space when every member is of this node, or else the first joined shared
 * space whose member nodes are exactly the members' nodes (binational for a co–ve pair).
 */
export async function conversationSpace(sql: Sql, self: string, memberNodes: readonly string[], requested?: string): Promise<string> {
  if (requested === NATIONAL_SPACE) return requested;
  const joined = await sql.all<{ space: string }>(
    "SELECT m.space FROM space_members m JOIN spaces s ON s.id = m.space WHERE m.node = ? AND m.joined_at IS NOT NULL ORDER BY s.created_at, s.id",
    [self],
  );
  if (requested !== undefined) {
    if (!joined.some((j) => j.space === requested))
      throw new DomainError("space.unknown", `this node has not joined space ${requested}`, "space");
    return requested;
  }
  const wanted = [...new Set(memberNodes)].sort().join(",");
  if (wanted === self) return NATIONAL_SPACE;
  for (const { space } of joined) {
    if ((await spaceNodes(sql, space, self)).join(",") === wanted) return space;
  }
  throw new DomainError(
    "conversation.no_space",
    `no joined space has exactly the nodes ${wanted}: an administrator creates one (enlace space create) first`,
    "members",
  );
}

/** The direct conversation of two members in a space, if there is one. */
export async function findDirect(sql: Sql, space: string, a: string, b: string): Promise<string | undefined> {
  const rows = await sql.all<{ id: string }>(
    `SELECT c.id FROM channel_conversations c
     WHERE c.kind = 'direct' AND c.space = ?
       AND EXISTS (SELECT 1 FROM channel_members x WHERE x.conversation = c.id AND x.member = ?)
       AND EXISTS (SELECT 1 FROM channel_members y WHERE y.conversation = c.id AND y.member = ?)
     ORDER BY c.id LIMIT 1`,
    [space, a, b],
  );
  return rows[0]?.id;
}

/** Usernames of this node that exist and are enabled, among `usernames`. */
export async function activeUsers(sql: Sql, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await sql.all<{ username: string }>(
    `SELECT username FROM users WHERE disabled = 0 AND username IN (${usernames.map(() => "?").join(", ")})`,
    usernames,
  );
  return new Set(rows.map((r) => r.username));
}

/** Which of `messages` already carry a receipt of `kind` from `member`. */
export async function receiptsHeld(sql: Sql, kind: string, member: string, messages: readonly string[]): Promise<Set<string>> {
  if (messages.length === 0) return new Set();
  const rows = await sql.all<{ message: string }>(
    `SELECT message FROM channel_receipts WHERE kind = ? AND member = ? AND message IN (${messages.map(() => "?").join(", ")})`,
    [kind, member, ...messages],
  );
  return new Set(rows.map((r) => r.message));
}
