import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../../src/server/db/database";
import { migrate } from "../../src/server/db/migrate";

/** Which engine this test process runs the database suites on (set by test/run.ts). */
export const TEST_ENGINE: "sqlite" | "postgres" = process.env.ENLACE_TEST_DB === "postgres" ? "postgres" : "sqlite";

let counter = 0;

/**
 * A fresh, migrated database for one test: a SQLite file in a temporary folder, or a
 * PostgreSQL schema of its own in the run's database. `cleanup` closes and removes it.
 */
export async function freshDatabaseUrl(): Promise<{ url: string; schema?: string; cleanup: () => Promise<void> }> {
  if (TEST_ENGINE === "postgres") {
    const base = process.env.ENLACE_TEST_PG_URL;
    if (!base) throw new Error("ENLACE_TEST_PG_URL is not set: run the suites through `npm test`");
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    return {
      url: base,
      schema,
      cleanup: async () => {
        const db = await openDatabase({ url: base });
        try {
          await db.kysely.schema.dropSchema(schema).ifExists().cascade().execute();
        } finally {
          await db.close();
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "enlace-test-"));
  return { url: join(dir, "enlace.db"), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh migrated database and its disposal. */
export async function freshDatabase(): Promise<{ db: Database; dispose: () => Promise<void> }> {
  const target = await freshDatabaseUrl();
  const db = await openDatabase({ url: target.url, ...(target.schema ? { schema: target.schema } : {}) });
  await migrate(db);
  return {
    db,
    dispose: async () => {
      await db.close();
      await target.cleanup();
    },
  };
}
