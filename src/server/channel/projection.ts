import type { Kysely } from "kysely";
import type { Dialect } from "../db/database";
import { sql } from "../db/kysely";
import type { Projection } from "../db/projections";
import { applyChannelEvent } from "./projection-apply";
import { applyChannelEvents } from "./projection-batch";

/**
 * Conversations, their members, messages with their versions, recipients, attachments and
 * receipts, and the per-user rows that keep unread and pending-acknowledgement counts cheap.
 * Full-text search: an FTS5 table on SQLite, a `tsvector` column on PostgreSQL (both over
 * the plain words of the current body, lower-cased and without accents).
 */
export const CHANNEL_TYPES = [
  "conversation.created",
  "conversation.updated",
  "message.posted",
  "message.edited",
  "message.withdrawn",
  "message.accepted",
  "message.delivered",
  "message.read",
  "message.acknowledged",
  "message.escalated",
  "message.receipt_deferred",
] as const;

async function createTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const big = dialect === "sqlite" ? "integer" : "bigint";
  await db.schema
    .createTable("channel_conversations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("space", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("tlp", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_message_at", "text")
    .execute();
  await db.schema
    .createTable("channel_members")
    .addColumn("conversation", "text", (c) => c.notNull())
    .addColumn("member", "text", (c) => c.notNull())
    .addColumn("node", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("channel_members_pk", ["conversation", "member"])
    .execute();
  await db.schema.createIndex("channel_members_member").on("channel_members").columns(["member", "conversation"]).execute();
  await db.schema
    .createTable("channel_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("conversation", "text", (c) => c.notNull())
    .addColumn("space", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("seq", big, (c) => c.notNull())
    .addColumn("pos", big, (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("precedence", "text", (c) => c.notNull())
    .addColumn("ack_required", "integer", (c) => c.notNull())
    .addColumn("tlp", "text", (c) => c.notNull())
    .addColumn("reply_to", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("attachments", "text", (c) => c.notNull())
    .addColumn("recipients", "text", (c) => c.notNull())
    .addColumn("hlc", "text", (c) => c.notNull())
    .addColumn("posted_at", "text", (c) => c.notNull())
    .addColumn("posted_ms", big, (c) => c.notNull())
    .addColumn("due_ms", big)
    // The due time while an escalation may still be needed (null once settled or escalated).
    .addColumn("escalate_ms", big)
    .addColumn("stored_at", big, (c) => c.notNull())
    .addColumn("edited_at", "text")
    .addColumn("withdrawn_at", "text")
    .addColumn("withdraw_reason", "text")
    .addColumn("escalated_at", "text")
    .addColumn("acks_pending", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("channel_messages_conversation").on("channel_messages").columns(["conversation", "hlc", "id"]).execute();
  await db.schema.createIndex("channel_messages_urgent").on("channel_messages").columns(["precedence", "pos"]).execute();
  await db.schema.createIndex("channel_messages_escalate").on("channel_messages").columns(["origin", "escalate_ms"]).execute();
  await db.schema
    .createTable("channel_recipients")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("member", "text", (c) => c.notNull())
    .addColumn("node", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("channel_recipients_pk", ["message", "member"])
    .execute();
  await db.schema.createIndex("channel_recipients_node").on("channel_recipients").columns(["node", "message"]).execute();
  // Per-user rows removed as the user reads or acknowledges: counts without scanning history.
  for (const table of ["channel_unread", "channel_ack_due"]) {
    await db.schema
      .createTable(table)
      .addColumn("member", "text", (c) => c.notNull())
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("conversation", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ["member", "message"])
      .execute();
    await db.schema.createIndex(`${table}_conversation`).on(table).columns(["member", "conversation"]).execute();
  }
  await db.schema
    .createTable("channel_receipts")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("member", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("version", "integer")
    .addPrimaryKeyConstraint("channel_receipts_pk", ["message", "kind", "member"])
    .execute();
  await db.schema
    .createTable("channel_versions")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("channel_versions_pk", ["message", "version"])
    .execute();
  await db.schema
    .createTable("channel_attachments")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("channel_pending")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("space", "text", (c) => c.notNull())
    .addColumn("member", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("channel_pending_message").on("channel_pending").columns(["message"]).execute();
  if (dialect === "sqlite") {
    await sql`CREATE VIRTUAL TABLE channel_fts USING fts5(words, message UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  } else {
    await sql`ALTER TABLE channel_messages ADD COLUMN search tsvector`.execute(db);
    await sql`CREATE INDEX channel_messages_search ON channel_messages USING GIN (search)`.execute(db);
  }
}

export const channelProjection: Projection = {
  name: "channel",
  version: 1,
  tables: [
    "channel_conversations",
    "channel_members",
    "channel_messages",
    "channel_recipients",
    "channel_unread",
    "channel_ack_due",
    "channel_receipts",
    "channel_versions",
    "channel_attachments",
    "channel_pending",
    "channel_fts",
  ],
  types: CHANNEL_TYPES,
  create: createTables,
  apply: applyChannelEvent,
  // It reads only its own tables, so it may take a batch's events together.
  applyMany: applyChannelEvents,
};
