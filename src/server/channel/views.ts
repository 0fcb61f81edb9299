import type { Role } from "../../core/admin/schema";
import { renderMarkdown } from "../../core/channel/markdown";
import { type AttachmentRef, nodeOfMember, type Precedence, type Tlp } from "../../core/channel/schema";
import type { ConversationView, MessageView, ReceiptsView } from "../../core/channel/view-schema";
import type { Sql } from "../db/database";
import { type ConversationRow, MESSAGE_COLUMNS, type MessageRow } from "./queries";

/** The channel as one member sees it: conversations with their counts, messages, receipts. */
const iso = (ms: number) => new Date(ms).toISOString();
const marks = (n: number) => Array(n).fill("?").join(", ");
type PendingKind = "delivered" | "read" | "acknowledged";

function toMessageView(m: MessageRow, member: string, acks: readonly string[], read: boolean, pending: PendingKind[]): MessageView {
  const withdrawn = m.withdrawn_at !== null;
  const recipients = JSON.parse(m.recipients) as string[];
  const stored = Number(m.stored_at);
  return {
    id: m.id,
    conversation: m.conversation,
    space: m.space,
    author: m.author,
    origin: m.origin,
    seq: Number(m.seq),
    hash: m.hash,
    precedence: m.precedence as Precedence,
    ackRequired: Number(m.ack_required) === 1,
    tlp: m.tlp as Tlp,
    replyTo: m.reply_to,
    body: withdrawn ? "" : m.body,
    html: withdrawn ? "" : renderMarkdown(m.body),
    version: Number(m.version),
    editedAt: m.edited_at,
    withdrawnAt: m.withdrawn_at,
    withdrawReason: m.withdraw_reason,
    attachments: withdrawn ? [] : (JSON.parse(m.attachments) as AttachmentRef[]),
    recipients,
    postedAt: m.posted_at,
    storedAt: iso(stored),
    delayMs: Math.max(0, stored - Number(m.posted_ms)),
    dueAt: m.due_ms === null ? null : iso(Number(m.due_ms)),
    escalatedAt: m.escalated_at,
    acknowledgedBy: [...acks].sort(),
    mine: {
      isAuthor: m.author === member,
      isAddressee: recipients.includes(member),
      read: read || acks.includes(member) || m.author === member,
      acknowledged: acks.includes(member),
      pending,
    },
    provisional: false,
  };
}

/** Views of held messages for `member`, in the order given. */
export async function messageViews(sql: Sql, rows: readonly MessageRow[], member: string): Promise<MessageView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const receipts = await sql.all<{ message: string; kind: string; member: string }>(
    `SELECT message, kind, member FROM channel_receipts WHERE message IN (${marks(ids.length)}) AND (kind = 'acknowledged' OR (kind = 'read' AND member = ?))`,
    [...ids, member],
  );
  const pending = await sql.all<{ message: string; kind: PendingKind }>(
    `SELECT message, kind FROM channel_pending WHERE member = ? AND message IN (${marks(ids.length)})`,
    [member, ...ids],
  );
  return rows.map((r) =>
    toMessageView(
      r,
      member,
      receipts.filter((x) => x.message === r.id && x.kind === "acknowledged").map((x) => x.member),
      receipts.some((x) => x.message === r.id && x.kind === "read"),
      pending.filter((p) => p.message === r.id).map((p) => p.kind),
    ),
  );
}

const encodeCursor = (m: MessageRow) => Buffer.from(JSON.stringify([m.hlc, m.id])).toString("base64url");
function decodeCursor(text: string): [string, string] | undefined {
  try {
    const v = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string") ? (v as [string, string]) : undefined;
  } catch {
    return undefined;
  }
}

/** A page of a conversation, oldest first; `next` continues with older messages. */
export async function messagePageOf(
  sql: Sql,
  conversation: string,
  member: string,
  q: { limit: number; before?: string | undefined },
): Promise<{ messages: MessageView[]; next: string | null } | "bad_cursor"> {
  const cursor = q.before === undefined ? undefined : decodeCursor(q.before);
  if (q.before !== undefined && !cursor) return "bad_cursor";
  const rows = cursor
    ? await sql.all<MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM channel_messages WHERE conversation = ? AND (hlc < ? OR (hlc = ? AND id < ?))
         ORDER BY hlc DESC, id DESC LIMIT ?`,
        [conversation, cursor[0], cursor[0], cursor[1], q.limit + 1],
      )
    : await sql.all<MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM channel_messages WHERE conversation = ? ORDER BY hlc DESC, id DESC LIMIT ?`,
        [conversation, q.limit + 1],
      );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    messages: await messageViews(sql, page.reverse(), member),
    next: rows.length > q.limit && last ? encodeCursor(last) : null,
  };
}

function toConversationView(c: ConversationRow, members: string[], unread: number, pendingAcks: number): ConversationView {
  return {
    id: c.id,
    space: c.space,
    ownerNode: c.owner,
    kind: c.kind,
    title: c.title,
    tlp: c.tlp,
    members,
    createdBy: c.created_by,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    lastMessageAt: c.last_message_at,
    unread,
    pendingAcks,
  };
}

/** The conversations `member` belongs to (all of them, at most 500), most recently active first. */
export async function conversationViews(sql: Sql, member: string, only?: string): Promise<ConversationView[]> {
  const rows = await sql.all<ConversationRow>(
    `SELECT c.* FROM channel_conversations c JOIN channel_members m ON m.conversation = c.id AND m.member = ?
     ${only ? "WHERE c.id = ?" : ""} ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC LIMIT 500`,
    only ? [member, only] : [member],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const members = await sql.all<{ conversation: string; member: string }>(
    `SELECT conversation, member FROM channel_members WHERE conversation IN (${marks(ids.length)}) ORDER BY member`,
    ids,
  );
  const count = async (table: string) =>
    new Map(
      (
        await sql.all<{ conversation: string; n: number }>(
          `SELECT conversation, COUNT(*) AS n FROM ${table} WHERE member = ? GROUP BY conversation`,
          [member],
        )
      ).map((r) => [r.conversation, Number(r.n)]),
    );
  const unread = await count("channel_unread");
  const due = await count("channel_ack_due");
  return rows.map((c) =>
    toConversationView(
      c,
      members.filter((m) => m.conversation === c.id).map((m) => m.member),
      unread.get(c.id) ?? 0,
      due.get(c.id) ?? 0,
    ),
  );
}

/** Every receipt of a message, per recipient and as the signed events they are. */
export async function receiptsOf(sql: Sql, m: MessageRow): Promise<ReceiptsView> {
  const rows = await sql.all<{
    kind: "accepted" | "delivered" | "read" | "acknowledged";
    member: string;
    origin: string;
    at: string;
    event_id: string;
    hash: string;
    comment: string | null;
    version: number | null;
  }>("SELECT kind, member, origin, at, event_id, hash, comment, version FROM channel_receipts WHERE message = ? ORDER BY at, kind", [m.id]);
  const of = (kind: string, member: string) => rows.find((r) => r.kind === kind && r.member === member);
  const recipients = (JSON.parse(m.recipients) as string[]).map((member) => {
    const node = nodeOfMember(member);
    const ack = of("acknowledged", member);
    // Each stage implies the ones before it: whoever acknowledged a message has read it, and
    // whoever read it has it, even when no client reported the earlier stage (a receipt sent
    // through the API or the CLI). The earlier stage is then shown at the later one's time,
    // the latest it can have happened; `events` lists only the receipts actually signed.
    const readAt = of("read", member)?.at ?? ack?.at ?? null;
    return {
      member,
      node,
      // A recipient on the author's node holds the message from the moment it is posted.
      acceptedAt: node === m.origin ? m.posted_at : (of("accepted", node)?.at ?? null),
      deliveredAt: of("delivered", member)?.at ?? readAt,
      readAt,
      acknowledgedAt: ack?.at ?? null,
      comment: ack?.comment ?? null,
      acknowledgedVersion: ack?.version === null || ack?.version === undefined ? null : Number(ack.version),
    };
  });
  return {
    message: m.id,
    postedAt: m.posted_at,
    dueAt: m.due_ms === null ? null : iso(Number(m.due_ms)),
    escalatedAt: m.escalated_at,
    recipients,
    events: rows.map((r) => ({ id: r.event_id, kind: r.kind, member: r.member, origin: r.origin, at: r.at, hash: r.hash })),
  };
}

/** Counts for the console's header: unread, acknowledgements owed, and escalations to attend to. */
export async function summaryOf(sql: Sql, member: string, role: Role) {
  const one = async (text: string, params: unknown[]) => Number((await sql.all<{ n: number }>(text, params))[0]?.n ?? 0);
  const unread = await one("SELECT COUNT(*) AS n FROM channel_unread WHERE member = ?", [member]);
  const pendingAcks = await one("SELECT COUNT(*) AS n FROM channel_ack_due WHERE member = ?", [member]);
  const escalated = await one(
    `SELECT COUNT(*) AS n FROM channel_messages m WHERE m.escalated_at IS NOT NULL AND m.acks_pending > 0 AND m.withdrawn_at IS NULL
       AND (m.author = ? OR (? = 'commander' AND m.conversation IN (SELECT conversation FROM channel_members WHERE member = ?)))`,
    [member, role, member],
  );
  return { unread, pendingAcks, escalated };
}
