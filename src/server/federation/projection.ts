import type { Kysely } from "kysely";
import { hlcIso } from "../../core/log/hlc";
import type { Projection } from "../db/projections";

/**
 * Peers, invitations and quarantine (from national events), and spaces, their members and
 * the latest receipt each member issued (from the shared spaces' own events).
 */
export const federationProjection: Projection = {
  name: "federation",
  version: 1,
  tables: ["peers", "invites", "quarantine", "spaces", "space_members", "receipts"],
  types: [
    "peer.invited",
    "peer.invite_used",
    "peer.pinned",
    "peer.removed",
    "peer.event_quarantined",
    "peer.quarantine_resolved",
    "space.created",
    "space.joined",
    "receipt.checkpoint",
  ],
  async create(db: Kysely<unknown>) {
    await db.schema
      .createTable("peers")
      .addColumn("node", "text", (c) => c.primaryKey())
      .addColumn("pin_id", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("country", "text", (c) => c.notNull())
      .addColumn("url", "text", (c) => c.notNull())
      .addColumn("public_key", "text", (c) => c.notNull())
      .addColumn("pinned_at", "text", (c) => c.notNull())
      .addColumn("removed_at", "text")
      .execute();
    await db.schema
      .createTable("invites")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("secret_hash", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("used_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("quarantine")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("peer", "text", (c) => c.notNull())
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("origin", "text", (c) => c.notNull())
      .addColumn("seq", "bigint", (c) => c.notNull())
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("event", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("resolution", "text")
      .addColumn("resolved_at", "text")
      .execute();
    await db.schema
      .createTable("spaces")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("space_members")
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("node", "text", (c) => c.notNull())
      .addColumn("joined_at", "text")
      .addPrimaryKeyConstraint("space_members_pk", ["space", "node"])
      .execute();
    await db.schema
      .createTable("receipts")
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("member", "text", (c) => c.notNull())
      .addColumn("origin", "text", (c) => c.notNull())
      .addColumn("seq", "bigint", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("receipts_pk", ["space", "member", "origin"])
      .execute();
  },
  async apply(tx, e) {
    const at = hlcIso(e.hlc);
    const d = e.data;
    switch (e.type) {
      case "peer.invited":
        await tx.run("INSERT INTO invites (id, secret_hash, expires_at, created_at) VALUES (?, ?, ?, ?)", [
          e.subject,
          d.secretHash,
          d.expiresAt,
          at,
        ]);
        return;
      case "peer.invite_used":
        await tx.run("UPDATE invites SET used_by = ? WHERE id = ?", [d.node, e.subject]);
        return;
      case "peer.pinned":
        await tx.run("DELETE FROM peers WHERE node = ?", [d.node]);
        await tx.run("INSERT INTO peers (node, pin_id, name, country, url, public_key, pinned_at) VALUES (?, ?, ?, ?, ?, ?, ?)", [
          d.node,
          e.subject,
          d.name,
          d.country,
          d.url,
          d.publicKey,
          at,
        ]);
        return;
      case "peer.removed":
        await tx.run("UPDATE peers SET removed_at = ? WHERE pin_id = ?", [at, e.subject]);
        return;
      case "peer.event_quarantined":
        await tx.run("INSERT INTO quarantine (id, peer, space, origin, seq, code, reason, event, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
          e.subject,
          d.peer,
          d.space,
          d.origin,
          d.seq,
          d.code,
          d.reason,
          JSON.stringify(d.event),
          at,
        ]);
        return;
      case "peer.quarantine_resolved":
        await tx.run("UPDATE quarantine SET resolution = ?, resolved_at = ? WHERE id = ?", [d.action, at, e.subject]);
        return;
      case "space.created": {
        await tx.run("INSERT INTO spaces (id, name, created_by, created_at) VALUES (?, ?, ?, ?)", [e.space, d.name, e.origin, at]);
        for (const m of d.members as string[]) {
          await tx.run("INSERT INTO space_members (space, node, joined_at) VALUES (?, ?, ?)", [e.space, m, m === e.origin ? at : null]);
        }
        return;
      }
      case "space.joined":
        await tx.run("UPDATE space_members SET joined_at = ? WHERE space = ? AND node = ? AND joined_at IS NULL", [at, e.space, e.origin]);
        return;
      case "receipt.checkpoint":
        for (const [origin, head] of Object.entries(d.heads as Record<string, { seq: number; hash: string }>)) {
          await tx.run("DELETE FROM receipts WHERE space = ? AND member = ? AND origin = ?", [e.space, e.origin, origin]);
          await tx.run("INSERT INTO receipts (space, member, origin, seq, hash, at) VALUES (?, ?, ?, ?, ?, ?)", [
            e.space,
            e.origin,
            origin,
            head.seq,
            head.hash,
            at,
          ]);
        }
        return;
    }
  },
};
