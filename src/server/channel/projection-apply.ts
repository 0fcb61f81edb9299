import { plainText } from "../../core/channel/markdown";
import { HANDLING_OBJECTIVE_MS, nodeOfMember, type Precedence } from "../../core/channel/schema";
import { hlcIso } from "../../core/log/hlc";
import type { Sql } from "../db/database";
import type { StoredEvent } from "../db/projections";
import { indexBody, searchWords, unindexBody } from "./search-index";

/** How the channel projection folds each event into its tables (see projection.ts). */
export interface Posted {
  conversation: string;
  body: string;
  precedence: Precedence;
  ackRequired: boolean;
  tlp: string;
  replyTo: string | null;
  attachments: { name: string; type: string; size: number; sha256: string; content: string }[];
  to: string[];
}

const rowsSql = (table: string, columns: string, n: number, width: number) =>
  `INSERT INTO ${table} (${columns}) VALUES ${Array(n)
    .fill(`(${Array(width).fill("?").join(", ")})`)
    .join(", ")}`;

async function setMembers(tx: Sql, conversation: string, members: readonly string[]): Promise<void> {
  await tx.run("DELETE FROM channel_members WHERE conversation = ?", [conversation]);
  await tx.run(
    rowsSql("channel_members", "conversation, member, node", members.length, 3),
    members.flatMap((m) => [conversation, m, nodeOfMember(m)]),
  );
}

/**
 * A message's `channel_messages` values, in the order of MESSAGE_COLUMNS; `stored_at` is read
 * by the event's id, and the search words (PostgreSQL) come last when asked for. One event at
 * a time and the batch (projection-batch.ts) both insert these.
 */
export function messageValues(e: StoredEvent, at: string, words: boolean): unknown[] {
  const d = e.data as unknown as Posted;
  const postedMs = Date.parse(at);
  const due = d.ackRequired ? postedMs + HANDLING_OBJECTIVE_MS[d.precedence] : null;
  const refs = d.attachments.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 }));
  const values: unknown[] = [
    e.subject,
    d.conversation,
    e.space,
    e.origin,
    e.seq,
    e.pos,
    e.hash,
    e.actor,
    d.precedence,
    d.ackRequired ? 1 : 0,
    d.tlp,
    d.replyTo,
    d.body,
    JSON.stringify(refs),
    JSON.stringify(d.to),
    e.hlc,
    at,
    postedMs,
    due,
    due,
    e.id,
    d.ackRequired ? d.to.length : 0,
  ];
  if (words) values.push(searchWords(plainText(d.body)));
  return values;
}

/** The columns `messageValues` fills (`stored_at` from the event id), then `search`. */
export const MESSAGE_COLUMNS = `id, conversation, space, origin, seq, pos, hash, author, precedence, ack_required, tlp, reply_to, body,
  attachments, recipients, hlc, posted_at, posted_ms, due_ms, escalate_ms, stored_at, acks_pending`;

async function posted(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as unknown as Posted;
  // PostgreSQL indexes the words in the same statement (one round trip less per message).
  const pg = tx.dialect === "postgres";
  // stored_at: when this node stored the event; with the posting time, the delay of a queued message.
  await tx.run(
    `INSERT INTO channel_messages (${MESSAGE_COLUMNS}, version${pg ? ", search" : ""})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT stored_at FROM events WHERE id = ?), ?, 1${pg ? ", to_tsvector('simple', ?)" : ""})`,
    messageValues(e, at, pg),
  );
  await tx.run(
    rowsSql("channel_recipients", "message, member, node", d.to.length, 3),
    d.to.flatMap((m) => [e.subject, m, nodeOfMember(m)]),
  );
  await tx.run(
    rowsSql("channel_unread", "member, message, conversation", d.to.length, 3),
    d.to.flatMap((m) => [m, e.subject, d.conversation]),
  );
  if (d.ackRequired) {
    await tx.run(
      rowsSql("channel_ack_due", "member, message, conversation", d.to.length, 3),
      d.to.flatMap((m) => [m, e.subject, d.conversation]),
    );
  }
  await tx.run("INSERT INTO channel_versions (message, version, body, at) VALUES (?, 1, ?, ?)", [e.subject, d.body, at]);
  for (const f of d.attachments) {
    await tx.run(
      "INSERT INTO channel_attachments (sha256, name, type, size, content) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
      [f.sha256, f.name, f.type, f.size, f.content],
    );
  }
  await tx.run("UPDATE channel_conversations SET last_message_at = ? WHERE id = ? AND (last_message_at IS NULL OR last_message_at < ?)", [
    at,
    d.conversation,
    at,
  ]);
  if (!pg) await indexBody(tx, { id: e.subject, pos: e.pos }, d.body, true);
}

/** Changes a held message's search row, found by the log position of its `message.posted` event. */
async function reindex(tx: Sql, id: string, change: (pos: number) => Promise<void>): Promise<void> {
  const rows = await tx.all<{ pos: number }>("SELECT pos FROM channel_messages WHERE id = ?", [id]);
  if (rows[0]) await change(Number(rows[0].pos));
}

/** A receipt: the first of each kind per member counts; an acknowledgement settles what is due. */
async function receipt(tx: Sql, e: StoredEvent, kind: string): Promise<void> {
  const d = e.data as { user?: string; at: string; comment?: string | null; version?: number };
  const member = kind === "accepted" ? e.origin : `${d.user}@${e.origin}`;
  const added = await tx.run(
    `INSERT INTO channel_receipts (message, kind, member, origin, at, event_id, hash, comment, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message, kind, member) DO NOTHING`,
    [e.subject, kind, member, e.origin, d.at, e.id, e.hash, d.comment ?? null, d.version ?? null],
  );
  if (kind === "accepted") return;
  await tx.run("DELETE FROM channel_pending WHERE message = ? AND member = ? AND kind = ?", [e.subject, member, kind]);
  if (kind === "read" || kind === "acknowledged") {
    await tx.run("DELETE FROM channel_unread WHERE member = ? AND message = ?", [member, e.subject]);
  }
  if (kind === "acknowledged" && added > 0) {
    const settled = await tx.run("DELETE FROM channel_ack_due WHERE member = ? AND message = ?", [member, e.subject]);
    if (settled > 0) {
      await tx.run(
        "UPDATE channel_messages SET acks_pending = acks_pending - 1, escalate_ms = CASE WHEN acks_pending <= 1 THEN NULL ELSE escalate_ms END WHERE id = ? AND acks_pending > 0",
        [e.subject],
      );
    }
  }
}

export async function applyChannelEvent(tx: Sql, e: StoredEvent): Promise<void> {
  const at = hlcIso(e.hlc);
  const d = e.data;
  switch (e.type) {
    case "conversation.created": {
      await tx.run(
        `INSERT INTO channel_conversations (id, space, owner, kind, title, tlp, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [e.subject, e.space, e.origin, d.kind, d.title, d.tlp, d.createdBy, at, at],
      );
      await setMembers(tx, e.subject, d.members as string[]);
      return;
    }
    case "conversation.updated": {
      await tx.run("UPDATE channel_conversations SET title = COALESCE(?, title), tlp = COALESCE(?, tlp), updated_at = ? WHERE id = ?", [
        d.title ?? null,
        d.tlp ?? null,
        at,
        e.subject,
      ]);
      if (d.members) await setMembers(tx, e.subject, d.members as string[]);
      return;
    }
    case "message.posted":
      return posted(tx, e, at);
    case "message.edited":
      await tx.run("UPDATE channel_messages SET body = ?, version = ?, edited_at = ? WHERE id = ?", [d.body, d.version, at, e.subject]);
      await tx.run("INSERT INTO channel_versions (message, version, body, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", [
        e.subject,
        d.version,
        d.body,
        at,
      ]);
      await reindex(tx, e.subject, (pos) => indexBody(tx, { id: e.subject, pos }, d.body as string));
      return;
    case "message.withdrawn":
      await tx.run("UPDATE channel_messages SET withdrawn_at = ?, withdraw_reason = ?, acks_pending = 0, escalate_ms = NULL WHERE id = ?", [
        at,
        d.reason,
        e.subject,
      ]);
      await tx.run("DELETE FROM channel_unread WHERE message = ?", [e.subject]);
      await tx.run("DELETE FROM channel_ack_due WHERE message = ?", [e.subject]);
      await reindex(tx, e.subject, (pos) => unindexBody(tx, { id: e.subject, pos }));
      return;
    case "message.escalated":
      await tx.run("UPDATE channel_messages SET escalated_at = ?, escalate_ms = NULL WHERE id = ? AND escalated_at IS NULL", [
        at,
        e.subject,
      ]);
      return;
    case "message.receipt_deferred":
      await tx.run("INSERT INTO channel_pending (id, message, space, member, kind, at, comment, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        e.subject,
        d.message,
        d.space,
        `${d.user}@${e.origin}`,
        d.kind,
        d.at,
        d.comment,
        d.version,
      ]);
      return;
    default:
      if (e.type.startsWith("message.")) await receipt(tx, e, e.type.slice("message.".length));
  }
}
