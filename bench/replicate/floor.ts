import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/log/ids";
import { openDatabase } from "../../src/server/db/database";
import { migrate } from "../../src/server/db/migrate";
import { EVENT_COLUMNS, insertEventsSql } from "../../src/server/db/rows";

/**
 * The storage floor of a catch-up on SQLite: the statements the store issues to apply
 * `count` received events — the multi-row event insert (five indexes), the subject index, a
 * projection row per event and the chain head, one transaction per 1,000 events, as the
 * replicator slices a page — with every value precomputed. No parsing, hashing, checking or
 * signature: what applying would cost if all of that were free.
 */
export async function measureSqliteFloor(count: number): Promise<{ rate: number; cpuUs: number }> {
  const SLICE = 1000;
  const CHUNK = 200;
  const dir = mkdtempSync(join(tmpdir(), "enlace-floor-"));
  const db = await openDatabase({ url: join(dir, "floor.db") });
  try {
    await migrate(db);
    await db.transaction((sql) =>
      sql.run("CREATE TABLE notes (id TEXT PRIMARY KEY, space TEXT NOT NULL, owner TEXT NOT NULL, text TEXT NOT NULL)"),
    );
    const space = randomUUID();
    const stamp = Date.now();
    // The shapes and sizes of the catch-up bench's note events (ids and subjects are UUIDv7,
    // as the store makes them, so the indexes grow at their right edge).
    const rows = Array.from({ length: count }, (_, i) => [
      uuidv7(),
      space,
      "co",
      i + 1,
      randomBytes(32).toString("hex"),
      "2026-11-28T05:00:00.000Z/0000",
      "ana@co",
      "note.created",
      1,
      uuidv7(),
      JSON.stringify({ text: `note ${i} of the catch-up` }),
      randomBytes(64).toString("base64url"),
      randomBytes(32).toString("hex"),
      stamp,
    ]);
    if (rows[0]?.length !== EVENT_COLUMNS.length) throw new Error("the floor's rows do not match the event columns");
    const texts = new Map<string, string>();
    const values = (table: string, n: number) => {
      let text = texts.get(`${table}${n}`);
      if (!text) {
        text = `INSERT INTO ${table} VALUES ${Array(n).fill("(?, ?, ?, ?)").join(", ")}`;
        texts.set(`${table}${n}`, text);
      }
      return text;
    };
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let s = 0; s < count; s += SLICE) {
      await db.transaction(async (sql) => {
        const end = Math.min(count, s + SLICE);
        for (let i = s; i < end; i += CHUNK) {
          const part = rows.slice(i, Math.min(end, i + CHUNK));
          await sql.all(insertEventsSql(part.length), part.flat());
          await sql.run(
            values("subjects (space, subject, owner, type)", part.length),
            part.flatMap((r) => [r[1], r[9], r[2], r[7]]),
          );
          await sql.run(
            values("notes (id, space, owner, text)", part.length),
            part.flatMap((r) => [r[9], r[1], r[2], r[10]]),
          );
        }
        const last = rows[end - 1] as unknown[];
        await sql.run(
          "INSERT INTO heads (space, origin, seq, hash, hlc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (space, origin) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, hlc = excluded.hlc",
          [space, "co", last[3], last[12], last[5]],
        );
      });
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { rate: count / seconds, cpuUs: (used.user + used.system) / count };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
