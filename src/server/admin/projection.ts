import type { Kysely } from "kysely";
import { hlcIso } from "../../core/log/hlc";
import type { Projection } from "../db/projections";

/** Users and API tokens, derived from the national log's administrative events. */
export const usersProjection: Projection = {
  name: "users",
  version: 1,
  tables: ["users", "tokens"],
  types: ["user.created", "user.role_set", "user.password_set", "user.disabled", "user.enabled", "token.created", "token.revoked"],
  async create(db: Kysely<unknown>) {
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("username", "text", (c) => c.notNull().unique())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("scope", "text")
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("label", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text")
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema.createIndex("tokens_user").on("tokens").column("user_id").execute();
  },
  async apply(tx, e) {
    const at = hlcIso(e.hlc);
    const d = e.data;
    switch (e.type) {
      case "user.created":
        await tx.run(
          "INSERT INTO users (id, username, role, scope, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
          [e.subject, d.username, d.role, d.scope ? JSON.stringify(d.scope) : null, d.passwordHash, at, at],
        );
        return;
      case "user.role_set":
        await tx.run("UPDATE users SET role = ?, scope = ?, updated_at = ? WHERE id = ?", [
          d.role,
          d.scope ? JSON.stringify(d.scope) : null,
          at,
          e.subject,
        ]);
        return;
      case "user.password_set":
        await tx.run("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", [d.passwordHash, at, e.subject]);
        return;
      case "user.disabled":
      case "user.enabled":
        await tx.run("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?", [e.type === "user.disabled" ? 1 : 0, at, e.subject]);
        return;
      case "token.created":
        await tx.run("INSERT INTO tokens (id, user_id, label, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", [
          e.subject,
          d.userId,
          d.label,
          d.tokenHash,
          at,
          d.expiresAt,
        ]);
        return;
      case "token.revoked":
        await tx.run("UPDATE tokens SET revoked_at = ? WHERE id = ?", [at, e.subject]);
        return;
    }
  },
};
