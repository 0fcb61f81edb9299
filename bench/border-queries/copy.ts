import { readFileSync } from "node:fs";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { DB_FILE, KEY_FILE } from "../../src/server/config";
import { initNode, openNode } from "../../src/server/node";

/**
 * PostgreSQL's copy of the seeded co node, table by table: a node is initialised on
 * PostgreSQL with co's identity (so every table exists with PostgreSQL's own types and
 * indexes), then each table's rows are replaced by the SQLite node's, in multi-row inserts.
 * Projections are a function of the log, so the copy holds what a replay would build (the
 * read queries measured are the same either way); replaying a million incidents one round
 * trip per statement takes about an hour here (BENCH_PG_SEED=replay still does it, see
 * restore.ts). Tables only one engine has (SQLite's full-text shadow tables) are skipped,
 * as are PostgreSQL's generated columns, which it fills itself.
 */
export async function copyToPostgres(
  sqliteDir: string,
  sqliteEnv: NodeJS.ProcessEnv,
  dir: string,
  pgUrl: string,
  log: (line: string) => void,
): Promise<{ dir: string; env: NodeJS.ProcessEnv; seconds: number; rows: number }> {
  const started = performance.now();
  const source = await openNode(sqliteDir, { env: sqliteEnv });
  const config = source.config;
  await source.close();
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query("DROP SCHEMA IF EXISTS bench_co CASCADE");
  await admin.end();
  const env = { ...process.env, DATABASE_URL: pgUrl, ENLACE_PG_SCHEMA: "bench_co" };
  const keyPem = readFileSync(join(sqliteDir, KEY_FILE), "utf8");
  const { databaseUrl: _engine, ...portable } = config as typeof config & { databaseUrl?: string };
  await (await initNode({ ...portable, dir, keyPem, env })).close();

  const lite = new Sqlite(join(sqliteDir, DB_FILE), { readonly: true });
  const client = new pg.Client({ connectionString: pgUrl, options: "-c search_path=bench_co" });
  await client.connect();
  let total = 0;
  try {
    const pgColumns = new Map<string, Set<string>>();
    const described = await client.query<{ table_name: string; column_name: string; is_generated: string; is_identity: string }>(
      "SELECT table_name, column_name, is_generated, is_identity FROM information_schema.columns WHERE table_schema = 'bench_co'",
    );
    const identities = described.rows.filter((r) => r.is_identity === "YES");
    for (const r of described.rows) {
      if (r.is_generated === "ALWAYS") continue;
      const set = pgColumns.get(r.table_name) ?? new Set<string>();
      set.add(r.column_name);
      pgColumns.set(r.table_name, set);
    }
    const tables = lite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((r) => (r as { name: string }).name)
      .filter((name) => pgColumns.has(name));
    await client.query("BEGIN");
    await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")}`);
    for (const table of tables) {
      const wanted = pgColumns.get(table) as Set<string>;
      const columns = (lite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
        .map((c) => c.name)
        .filter((c) => wanted.has(c));
      const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
      const overriding = identities.some((r) => r.table_name === table) ? " OVERRIDING SYSTEM VALUE" : "";
      const insert = (n: number) =>
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")})${overriding} VALUES ${Array.from(
          { length: n },
          (_, i) => `(${columns.map((_, j) => `$${i * columns.length + j + 1}`).join(", ")})`,
        ).join(", ")}`;
      let batch: unknown[] = [];
      let rows = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await client.query(insert(batch.length / columns.length), batch);
        batch = [];
      };
      const select = lite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}"`).raw(true);
      for (const row of select.iterate() as Iterable<unknown[]>) {
        batch.push(...row);
        rows++;
        if (rows % perStatement === 0) await flush();
      }
      await flush();
      total += rows;
      if (rows > 10_000) log(`${table}: ${rows.toLocaleString("en")} rows`);
    }
    // Identity columns (the log position) go on from the copied rows, as on the source.
    for (const { table_name: table, column_name: column } of identities) {
      const max = await client.query<{ n: string | null }>(`SELECT MAX("${column}") AS n FROM "${table}"`);
      await client.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" RESTART WITH ${Number(max.rows[0]?.n ?? 0) + 1}`);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    lite.close();
    await client.end();
  }
  return { dir, env, seconds: (performance.now() - started) / 1000, rows: total };
}
