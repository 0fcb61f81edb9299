import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { createCheckpointer } from "./checkpointer";
import { openDatabase } from "./database";

// SQLite only: PostgreSQL checkpoints on its own.
describe("SQLite checkpoints off the event loop", () => {
  it("leaves checkpoints to a worker once the WAL grows, and the data survives close and reopen", { timeout: 120_000 }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), "enlace-ckpt-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "enlace.db");
    const db = await openDatabase({ url: path });
    await db.transaction((sql) => sql.run("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
    const size = (p: string) => {
      try {
        return statSync(p).size;
      } catch {
        return 0;
      }
    };
    const body = "x".repeat(4000);
    // About 12 MB through ordinary write transactions, three times the threshold.
    for (let b = 0; b < 30; b++) {
      await db.transaction(async (sql) => {
        for (let i = 0; i < 100; i++) await sql.run("INSERT INTO blobs (body) VALUES (?)", [body]);
      });
    }
    const auto = await db.connection((sql) => sql.all<{ wal_autocheckpoint: number }>("PRAGMA wal_autocheckpoint"));
    assert.equal(Number(auto[0]?.wal_autocheckpoint), 0, "the node's connection never checkpoints itself");
    // The worker copies the WAL into the database file; nothing else would, with autocheckpoint off.
    while (size(path) < 8 * 1024 * 1024) await new Promise((r) => setTimeout(r, 20));
    await db.transaction((sql) => sql.run("INSERT INTO blobs (body) VALUES (?)", ["last"]));
    await db.close();
    const again = await openDatabase({ url: path });
    t.after(() => again.close());
    const count = await again.connection((sql) => sql.all<{ n: number }>("SELECT count(*) AS n FROM blobs"));
    const last = await again.connection((sql) => sql.all<{ body: string }>("SELECT body FROM blobs ORDER BY id DESC LIMIT 1"));
    assert.equal(Number(count[0]?.n), 3001);
    assert.equal(last[0]?.body, "last");
  });

  it("checkpoints by what the WAL holds, not by its file's size, which never shrinks", { timeout: 120_000 }, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), "enlace-ckpt-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "enlace.db");
    const raw = new BetterSqlite3(path);
    raw.pragma("journal_mode = WAL");
    raw.pragma("wal_autocheckpoint = 0");
    raw.exec("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    const insert = raw.prepare("INSERT INTO blobs (body) VALUES (?)");
    const write = (rows: number) =>
      raw.transaction(() => {
        for (let i = 0; i < rows; i++) insert.run("x".repeat(4000));
      })();
    const threshold = 256 * 1024;
    const checkpointer = createCheckpointer(path, { thresholdBytes: threshold, intervalMs: 5 });
    t.after(async () => {
      await checkpointer.close();
      raw.close();
    });
    const fileSize = () => statSync(path).size;
    const fullSize = () => Number(raw.pragma("page_count", { simple: true })) * Number(raw.pragma("page_size", { simple: true }));
    // Past the threshold: the worker starts and copies the whole WAL back.
    write(150);
    checkpointer.committed();
    while (fileSize() < fullSize()) await new Promise((r) => setTimeout(r, 10));
    // Writers start again at the WAL's beginning: its file stays large, what it holds is small.
    write(10);
    checkpointer.committed();
    assert.ok(statSync(`${path}-wal`).size > threshold);
    const before = fileSize();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(fileSize(), before, "less than the threshold pending: left in the WAL");
    write(150);
    while (fileSize() < fullSize()) await new Promise((r) => setTimeout(r, 10));
  });
});
