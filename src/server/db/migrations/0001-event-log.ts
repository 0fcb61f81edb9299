import type { Kysely } from "kysely";
import type { Dialect } from "../database";

/**
 * The event log and the indexes the store keeps beside it. `pos` is this node's local log
 * position (the SSE id, the audit cursor); it is never reused, hence AUTOINCREMENT on SQLite.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("events")
    .addColumn("pos", dialect === "sqlite" ? "integer" : "bigint", (c) =>
      dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
    )
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("space", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("prev", "text", (c) => c.notNull())
    .addColumn("hlc", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("v", "integer", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("sig", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("stored_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("events_chain", ["space", "origin", "seq"])
    .execute();
  await db.schema.createIndex("events_space_pos").on("events").columns(["space", "pos"]).execute();
  await db.schema.createIndex("events_subject").on("events").columns(["space", "subject"]).execute();

  await db.schema
    .createTable("heads")
    .addColumn("space", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("hlc", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("heads_pk", ["space", "origin"])
    .execute();

  await db.schema
    .createTable("subjects")
    .addColumn("space", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("subjects_pk", ["space", "subject"])
    .execute();

  await db.schema
    .createTable("projection_state")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
}
