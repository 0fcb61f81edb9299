import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { EventRegistry } from "../../core/log/registry";
import type { NodeConfig } from "../config";
import type { Database, Sql } from "./database";
import { EVENT_COLUMNS, type EventRow, readLog } from "./rows";

/**
 * A backup is gzip'd NDJSON: a header (format, node config, private key), every event row
 * in log order, every chain head, and a trailer with counts and a SHA-256 over the lines, so
 * a truncated or edited file is refused. It is read in one snapshot, so it is consistent
 * while the node runs, and it is engine-neutral: a SQLite node restores onto PostgreSQL.
 */
export const BACKUP_FORMAT = "enlace-backup";

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  config: NodeConfig;
  keyPem: string;
}

interface HeadRow {
  space: string;
  origin: string;
  seq: number;
  hash: string;
  hlc: string;
}

export class BackupError extends Error {}

export async function writeBackup(db: Database, header: { config: NodeConfig; keyPem: string }, file: string): Promise<{ events: number }> {
  const tmp = `${file}.partial`;
  let events = 0;
  try {
    await db.snapshot(async (sql) => {
      const digest = createHash("sha256");
      async function* lines(): AsyncGenerator<string> {
        const emit = (obj: unknown) => {
          const line = `${JSON.stringify(obj)}\n`;
          digest.update(line);
          return line;
        };
        const h: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), ...header };
        yield emit(h);
        let after = 0;
        for (;;) {
          const rows = await readLog(sql, after, 5000);
          if (rows.length === 0) break;
          for (const r of rows) yield emit({ e: r });
          events += rows.length;
          after = Number(rows.at(-1)?.pos);
        }
        const heads = await sql.all<HeadRow>("SELECT space, origin, seq, hash, hlc FROM heads ORDER BY space, origin");
        for (const h of heads) yield emit({ h });
        yield `${JSON.stringify({ end: true, events, heads: heads.length, sha256: digest.digest("hex") })}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(tmp, { mode: 0o600 }));
    });
    renameSync(tmp, file);
    return { events };
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Reads and checks a whole backup file before anything is written. */
export async function readBackup(file: string): Promise<{ header: Header; events: EventRow[]; heads: HeadRow[] }> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not forward errors: a missing or unreadable file must end the read, not the process.
  source.once("error", (err) => gunzip.destroy(err));
  const rl = createInterface({ input: source.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  const digest = createHash("sha256");
  let header: Header | undefined;
  const events: EventRow[] = [];
  const heads: HeadRow[] = [];
  let trailer: { end: true; events: number; heads: number; sha256: string } | undefined;
  try {
    for await (const line of rl) {
      if (trailer) throw new BackupError("data after the end of the backup");
      const obj = JSON.parse(line) as Record<string, unknown>;
      if (obj.end === true) {
        trailer = obj as unknown as NonNullable<typeof trailer>;
        continue;
      }
      digest.update(`${line}\n`);
      if (!header) {
        if (obj.format !== BACKUP_FORMAT || obj.version !== 1) throw new BackupError("not an Enlace backup (version 1)");
        header = obj as unknown as Header;
      } else if (obj.e) events.push(obj.e as EventRow);
      else if (obj.h) heads.push(obj.h as HeadRow);
      else throw new BackupError("unrecognised line in the backup");
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`the backup is unreadable: ${(err as Error).message}`);
  }
  if (!header) throw new BackupError("the backup is empty");
  if (!trailer) throw new BackupError("the backup is truncated (no trailer)");
  if (trailer.events !== events.length || trailer.heads !== heads.length || trailer.sha256 !== digest.digest("hex")) {
    throw new BackupError("the backup does not match its trailer (altered or truncated)");
  }
  return { header, events, heads };
}

/** Writes a backup's log into an empty, migrated database, keeping every row as it was. */
export async function loadBackupRows(db: Database, registry: EventRegistry, data: { events: EventRow[]; heads: HeadRow[] }): Promise<void> {
  await db.transaction(async (sql: Sql) => {
    const existing = await sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events");
    if (Number(existing[0]?.n) > 0) throw new BackupError("the target database already holds events");
    const cols = ["pos", ...EVENT_COLUMNS];
    const overriding = sql.dialect === "postgres" ? " OVERRIDING SYSTEM VALUE" : "";
    const chunk = 200;
    for (let i = 0; i < data.events.length; i += chunk) {
      const part = data.events.slice(i, i + chunk);
      const one = `(${cols.map(() => "?").join(", ")})`;
      await sql.run(
        `INSERT INTO events (${cols.join(", ")})${overriding} VALUES ${part.map(() => one).join(", ")}`,
        part.flatMap((r) => cols.map((c) => r[c as keyof EventRow])),
      );
    }
    for (const r of data.events) {
      if (registry.get(r.type, Number(r.v))?.writer === "create") {
        await sql.run("INSERT INTO subjects (space, subject, owner, type) VALUES (?, ?, ?, ?)", [r.space, r.subject, r.origin, r.type]);
      }
    }
    for (const h of data.heads) {
      await sql.run("INSERT INTO heads (space, origin, seq, hash, hlc) VALUES (?, ?, ?, ?, ?)", [h.space, h.origin, h.seq, h.hash, h.hlc]);
    }
    if (sql.dialect === "postgres") {
      await sql.all("SELECT setval(pg_get_serial_sequence('events', 'pos'), GREATEST((SELECT MAX(pos) FROM events), 1))");
    }
  });
}
