import type { Kysely } from "kysely";
import type { Database, Dialect } from "./database";
import * as m0001 from "./migrations/0001-event-log";
import * as m0002 from "./migrations/0002-federation-state";

/**
 * Numbered, forward-only migrations of the node's own tables, applied in one transaction
 * at start (PostgreSQL: under an advisory lock, so app processes starting together apply
 * each step once). A database that records a step this code does not know was written by
 * a newer Enlace and is refused. Projection tables are not here: each projection creates
 * and versions its own (see projections.ts).
 */
type Step = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };
const STEPS: ReadonlyArray<readonly [string, Step]> = [
  ["0001-event-log", m0001],
  ["0002-federation-state", m0002],
];

export class MigrationError extends Error {}

export async function migrate(db: Database): Promise<string[]> {
  try {
    return await db.transaction(async (sql) => {
      if (sql.dialect === "postgres") await sql.all("SELECT pg_advisory_xact_lock(hashtext('enlace.migrations'))");
      await sql.run("CREATE TABLE IF NOT EXISTS enlace_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
      const applied = new Set((await sql.all<{ name: string }>("SELECT name FROM enlace_migrations")).map((r) => r.name));
      const known = new Set(STEPS.map(([name]) => name));
      const unknown = [...applied].filter((name) => !known.has(name));
      if (unknown.length) throw new MigrationError(`the database was written by a newer Enlace (migration ${unknown.join(", ")})`);
      const done: string[] = [];
      for (const [name, step] of STEPS) {
        if (applied.has(name)) continue;
        await step.up(sql.kysely as unknown as Kysely<unknown>, sql.dialect);
        await sql.run("INSERT INTO enlace_migrations (name, applied_at) VALUES (?, ?)", [name, Date.now()]);
        done.push(name);
      }
      return done;
    });
  } catch (err) {
    if (err instanceof MigrationError) throw err;
    throw new MigrationError(`database migration failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
