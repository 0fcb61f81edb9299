import { nodeOfMember } from "../../core/channel/schema";
import { hlcIso } from "../../core/log/hlc";
import { type Sql, statement } from "../db/database";
import type { StoredEvent } from "../db/projections";
import { applyChannelEvent, MESSAGE_COLUMNS, messageValues, type Posted } from "./projection-apply";

/**
 * The channel projection over many events at once, with the effect of `applyChannelEvent` on
 * each in turn. On PostgreSQL a run of consecutive messages is one statement (its rows as
 * arrays), and so is a run of acceptance or delivery receipts: a received page, or a local
 * post, costs one round trip instead of five per message. Every other event, and SQLite
 * (where a statement costs no round trip), goes one event at a time.
 */
export async function applyChannelEvents(tx: Sql, events: readonly StoredEvent[]): Promise<void> {
  for (let i = 0; i < events.length; ) {
    const type = (events[i] as StoredEvent).type;
    let j = i + 1;
    while (j < events.length && (events[j] as StoredEvent).type === type) j++;
    const run = events.slice(i, j);
    i = j;
    if (tx.dialect === "postgres" && type === "message.posted") await postedRun(tx, run);
    else if (tx.dialect === "postgres" && (type === "message.accepted" || type === "message.delivered")) await receiptRun(tx, run);
    else for (const e of run) await applyChannelEvent(tx, e);
  }
}

const unnest = (types: readonly string[]) => `unnest(${types.map((t) => `?::${t}[]`).join(", ")})`;
const T = "text";

/**
 * Messages with their recipients, unread and owed-acknowledgement rows, first version and
 * search words, and each conversation's last message time: data-modifying CTEs, which
 * PostgreSQL runs to completion in one statement. `stored_at` is read from the log rows the
 * same transaction inserted just before.
 */
const POSTED = statement(
  `WITH r (id, conversation, space, origin, seq, pos, hash, author, precedence, ack_required, tlp, reply_to, body, attachments,
           recipients, hlc, posted_at, posted_ms, due_ms, escalate_ms, event_id, acks_pending, words) AS (
     SELECT * FROM ${unnest([T, T, T, T, "bigint", "bigint", T, T, T, "int", T, T, T, T, T, T, T, "bigint", "bigint", "bigint", T, "int", T])}
   ), m AS (
     INSERT INTO channel_messages (${MESSAGE_COLUMNS}, version, search)
     SELECT r.id, r.conversation, r.space, r.origin, r.seq, r.pos, r.hash, r.author, r.precedence, r.ack_required, r.tlp, r.reply_to,
       r.body, r.attachments, r.recipients, r.hlc, r.posted_at, r.posted_ms, r.due_ms, r.escalate_ms,
       (SELECT e.stored_at FROM events e WHERE e.id = r.event_id), r.acks_pending, 1, to_tsvector('simple', r.words)
     FROM r
   ), t AS (
     INSERT INTO channel_recipients (message, member, node) SELECT * FROM ${unnest([T, T, T])}
   ), u AS (
     INSERT INTO channel_unread (member, message, conversation) SELECT * FROM ${unnest([T, T, T])}
   ), a AS (
     INSERT INTO channel_ack_due (member, message, conversation) SELECT * FROM ${unnest([T, T, T])}
   ), v AS (
     INSERT INTO channel_versions (message, version, body, at) SELECT r.id, 1, r.body, r.posted_at FROM r
   )
   UPDATE channel_conversations c SET last_message_at = x.at
   FROM (SELECT conversation, max(posted_at) AS at FROM r GROUP BY conversation) x
   WHERE c.id = x.conversation AND (c.last_message_at IS NULL OR c.last_message_at < x.at)`,
);

const ATTACHMENT = statement(
  "INSERT INTO channel_attachments (sha256, name, type, size, content) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
);

/** Column-wise arrays, one per parameter of a statement built with `unnest`. */
const columns = (width: number): unknown[][] => Array.from({ length: width }, () => []);
function push(cols: unknown[][], values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) (cols[i] as unknown[]).push(values[i]);
}

async function postedRun(tx: Sql, run: readonly StoredEvent[]): Promise<void> {
  const messages = columns(23);
  const recipients = columns(3);
  const unread = columns(3);
  const due = columns(3);
  for (const e of run) {
    const d = e.data as unknown as Posted;
    push(messages, messageValues(e, hlcIso(e.hlc), true));
    for (const m of d.to) {
      push(recipients, [e.subject, m, nodeOfMember(m)]);
      push(unread, [m, e.subject, d.conversation]);
      if (d.ackRequired) push(due, [m, e.subject, d.conversation]);
    }
    for (const f of d.attachments) await tx.run(ATTACHMENT, [f.sha256, f.name, f.type, f.size, f.content]);
  }
  await tx.run(POSTED, [...messages, ...recipients, ...unread, ...due]);
}

/** Acceptance and delivery receipts: the first per (message, kind, member) counts; a delivery settles its deferred copy. */
const RECEIPTS = statement(
  `INSERT INTO channel_receipts (message, kind, member, origin, at, event_id, hash)
   SELECT * FROM ${unnest([T, T, T, T, T, T, T])} ON CONFLICT (message, kind, member) DO NOTHING`,
);
const PENDING_SETTLED = statement(
  `DELETE FROM channel_pending p USING ${unnest([T, T])} AS x (message, member) WHERE p.message = x.message AND p.member = x.member AND p.kind = ?`,
);

async function receiptRun(tx: Sql, run: readonly StoredEvent[]): Promise<void> {
  const rows = columns(7);
  for (const e of run) {
    const kind = e.type.slice("message.".length);
    const d = e.data as { user?: string; at: string };
    push(rows, [e.subject, kind, kind === "accepted" ? e.origin : `${d.user}@${e.origin}`, e.origin, d.at, e.id, e.hash]);
  }
  await tx.run(RECEIPTS, rows);
  const kind = (run[0] as StoredEvent).type.slice("message.".length);
  if (kind !== "accepted") await tx.run(PENDING_SETTLED, [rows[0], rows[2], kind]);
}
