import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Database, Dialect } from "./database";
import * as m0001 from "./migrations/0001-event-log";
import * as m0002 from "./migrations/0002-federation-state";

/**
 * Numbered, forward-only migrations of the node's own tables. Projection tables are not
 * here: each projection creates and versions its own (see projections.ts).
 */
type Step = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };
const STEPS: Record<string, Step> = { "0001-event-log": m0001, "0002-federation-state": m0002 };

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, step] of Object.entries(STEPS)) out[name] = { up: (db) => step.up(db, dialect) };
      return out;
    },
  };
}

export class MigrationError extends Error {}

/** Brings the schema up to date; refuses a database written by a newer Enlace. */
export async function migrate(db: Database): Promise<string[]> {
  // With a schema per node, Kysely must look for its own tables in that schema only.
  const migrator = new Migrator({
    db: db.kysely,
    provider: provider(db.dialect),
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationError(`database migration failed: ${error instanceof Error ? error.message : String(error)}`);
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
