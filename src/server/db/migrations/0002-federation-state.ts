import type { Kysely } from "kysely";

/**
 * Replication bookkeeping that is not derived from the log: the cursor per (peer, space,
 * origin), committed with the events it applied, and each peer's last contact and heads as
 * last seen, so `enlace peer status` can report on a running node from another process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("cursors")
    .addColumn("peer", "text", (c) => c.notNull())
    .addColumn("space", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("cursors_pk", ["peer", "space", "origin"])
    .execute();
  await db.schema
    .createTable("peer_status")
    .addColumn("peer", "text", (c) => c.primaryKey())
    .addColumn("last_contact", "bigint")
    .addColumn("last_error", "text")
    .addColumn("remote_heads", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
}
