import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { KEY_FILE } from "../../src/server/config";
import { loadBackupRows, readBackup, writeBackup } from "../../src/server/db/backup";
import { initNode, openNode } from "../../src/server/node";
import { nodeModel } from "../../src/server/registry";

/**
 * PostgreSQL's copy of the seeded co node: its whole log, written as an `enlace backup` from
 * the SQLite run and restored onto PostgreSQL (the format is engine-neutral), then every
 * projection rebuilt by replaying the log, as `enlace restore` does. Appending a million
 * incidents through the write path on PostgreSQL, one round trip per statement, ran at
 * about 85 incidents/s on the shared bench machine (some three hours), so it is not redone.
 */
export async function restoreOnPostgres(
  sqliteDir: string,
  sqliteEnv: NodeJS.ProcessEnv,
  dir: string,
  pgUrl: string,
  log: (line: string) => void,
): Promise<{ dir: string; env: NodeJS.ProcessEnv; seconds: number; events: number }> {
  const started = performance.now();
  const file = join(dir, "..", "co-backup.ndjson.gz");
  const source = await openNode(sqliteDir, { env: sqliteEnv });
  const { events } = await writeBackup(source.db, { config: source.config, keyPem: readFileSync(join(sqliteDir, KEY_FILE), "utf8") }, file);
  await source.close();
  log(`backup of co's SQLite log: ${events} events`);
  const backup = await readBackup(file);
  // A kept database may still hold an earlier attempt's schema: the node starts from nothing.
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query("DROP SCHEMA IF EXISTS bench_co CASCADE");
  await admin.end();
  const env = { ...process.env, DATABASE_URL: pgUrl, ENLACE_PG_SCHEMA: "bench_co" };
  const { config, keyPem } = backup.header;
  const node = await initNode({ ...config, dir, keyPem, genesis: false, env });
  try {
    await loadBackupRows(node.db, nodeModel().registry, backup);
    log(`log loaded into PostgreSQL in ${((performance.now() - started) / 1000).toFixed(0)} s; rebuilding every projection`);
    await node.store.rebuild();
  } finally {
    await node.close();
  }
  return { dir, env, seconds: (performance.now() - started) / 1000, events };
}
