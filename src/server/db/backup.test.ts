import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it, type TestContext } from "node:test";
import { setImmediate as tick } from "node:timers/promises";
import { gunzipSync, gzipSync } from "node:zlib";
import { freshDatabase } from "../../../test/helpers/db";
import { createTestNode, type TestNode } from "../../../test/helpers/node";
import { exportPrivateKeyPem } from "../../core/log/crypto";
import { NATIONAL_SPACE, type NewEvent } from "../../core/log/envelope";
import { createHlc } from "../../core/log/hlc";
import { uuidv7 } from "../../core/log/ids";
import { BackupError, loadBackupRows, readBackup, writeBackup } from "./backup";
import type { Database, Sql } from "./database";
import { createEventStore } from "./event-store";
import { verifyLog } from "./verify";

let users = 0;
const userCreated = (): NewEvent => ({
  space: NATIONAL_SPACE,
  type: "user.created",
  subject: uuidv7(),
  actor: "cli@co",
  data: { username: `agente${++users}`, role: "viewer", scope: null, passwordHash: "scrypt$test" },
});
const batch = (n: number) => Array.from({ length: n }, userCreated);

/** A node with a genesis, 40 users in four commits and one rolled-back write (a gap in pos on PostgreSQL). */
async function seeded(t: TestContext): Promise<TestNode> {
  const node = await createTestNode();
  t.after(() => node.dispose());
  for (let i = 0; i < 4; i++) {
    await node.node.store.append(batch(10));
    if (i !== 1) continue;
    const rolledBack = node.node.store.write(async (tx) => {
      await tx.append(batch(3));
      throw new Error("rolled back");
    });
    await assert.rejects(rolledBack, /rolled back/);
  }
  return node;
}

function tempFile(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), "enlace-backup-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "node.backup.gz");
}

async function target(t: TestContext): Promise<Database> {
  const { db, dispose } = await freshDatabase();
  t.after(dispose);
  return db;
}

const header = (n: TestNode) => ({ config: n.node.config, keyPem: exportPrivateKeyPem(n.node.keys.privateKey) });

/** Every row of the log and its bookkeeping, all columns. */
const dump = (db: Database) =>
  db.connection(async (sql) => ({
    events: await sql.all<Record<string, unknown>>("SELECT * FROM events ORDER BY pos"),
    heads: await sql.all<Record<string, unknown>>("SELECT * FROM heads ORDER BY space, origin"),
    subjects: await sql.all<Record<string, unknown>>("SELECT * FROM subjects ORDER BY space, subject"),
  }));
const count = async (db: Database) => (await dump(db)).events.length;

/** Reads a backup and loads it, as restore does: nothing is written unless the whole file checks out. */
async function restore(file: string, db: Database, n: TestNode): Promise<void> {
  await loadBackupRows(db, n.node.model.registry, await readBackup(file));
}

/** Rewrites the backup's NDJSON lines through `edit` and gzips them again. */
function rewrite(file: string, edit: (lines: string[]) => string[]): void {
  const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n").slice(0, -1);
  writeFileSync(file, gzipSync(`${edit(lines).join("\n")}\n`));
}

describe("backup round trip", () => {
  it("restores identical events (every column, pos included), heads and subjects into a fresh database", async (t) => {
    const n = await seeded(t);
    const file = tempFile(t);
    assert.deepEqual(await writeBackup(n.node.db, header(n), file), { events: 41 });
    const data = await readBackup(file);
    assert.deepEqual(data.header.config, n.node.config);
    assert.equal(data.header.keyPem, exportPrivateKeyPem(n.node.keys.privateKey));
    const db = await target(t);
    await loadBackupRows(db, n.node.model.registry, data);
    const source = await dump(n.node.db);
    assert.equal(source.events.length, 41);
    assert.deepEqual(await dump(db), source);
    assert.deepEqual(await verifyLog(db, n.node.keyOf), { ok: true, chains: 1, events: 41 });

    // The restored node carries on: projections rebuild from the log, the chain and pos continue.
    const store = createEventStore({ db, ...n.node.model, node: { id: "co", keys: n.node.keys }, clock: createHlc(), keyOf: n.node.keyOf });
    await store.syncProjections();
    const usersOf = (d: Database) => d.connection((sql) => sql.all("SELECT * FROM users ORDER BY id"));
    assert.deepEqual(await usersOf(db), await usersOf(n.node.db));
    const [next] = await store.append([userCreated()]);
    const last = source.events.at(-1);
    assert.deepEqual({ seq: next?.seq, prev: next?.prev }, { seq: 42, prev: last?.hash });
    assert.ok((next?.pos ?? 0) > Number(last?.pos));
  });

  it("refuses to load into a database that already holds events", async (t) => {
    const n = await seeded(t);
    const file = tempFile(t);
    await writeBackup(n.node.db, header(n), file);
    const prior = await dump(n.node.db);
    await assert.rejects(restore(file, n.node.db, n), BackupError);
    assert.deepEqual(await dump(n.node.db), prior);
  });

  it("is consistent while another writer keeps appending", async (t) => {
    const n = await seeded(t);
    const base = await count(n.node.db);
    // The writer has its own connection to the database, as a second process would.
    const other = await n.reopen();
    const file = tempFile(t);
    let stop = false;
    let commits = 0;
    let failure: unknown;
    const writer = (async () => {
      // Bounded, so a backup that chases the writer instead of reading a snapshot still ends.
      while (!stop && commits < 200) {
        await other.store.append(batch(2));
        commits++;
        await tick();
      }
    })().catch((err: unknown) => {
      failure = err;
    });
    /** Waits for the writer; a writer that failed or stalled fails the test instead of hanging it. */
    const until = async (done: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!done()) {
        if (failure !== undefined) throw failure;
        if (Date.now() > deadline) throw new Error("the writer stalled");
        await tick();
      }
    };
    // After each of the backup's first queries the writer commits once more: the worst
    // interleaving for a reader without a snapshot (new events on the next page, heads ahead).
    let interleaved = 0;
    let atFirstQuery = Number.POSITIVE_INFINITY;
    const afterEachQuery = (sql: Sql): Sql => ({
      ...sql,
      all: async <T>(text: string, params?: readonly unknown[]) => {
        const rows = await sql.all<T>(text, params);
        atFirstQuery = Math.min(atFirstQuery, commits);
        if (interleaved < 3) {
          const seen = commits;
          await until(() => commits > seen);
          interleaved++;
        }
        return rows;
      },
    });
    const db = n.node.db;
    const racing: Database = {
      ...db,
      snapshot: (fn) => db.snapshot((sql) => fn(afterEachQuery(sql))),
      connection: (fn) => db.connection((sql) => fn(afterEachQuery(sql))),
    };
    await until(() => commits >= 5);
    const { events } = await writeBackup(racing, header(n), file);
    stop = true;
    await writer;
    assert.equal(failure, undefined);

    const source = await dump(db);
    assert.ok(interleaved >= 2, "commits landed between the backup's queries");
    // Exactly the log as it stood when the backup began: nothing committed after its first read.
    assert.ok(events >= base + 2 * 5 && events <= base + 2 * atFirstQuery, `backup of ${events} events, ${atFirstQuery} commits before`);
    const restoredDb = await target(t);
    await restore(file, restoredDb, n);
    const restored = await dump(restoredDb);
    assert.equal(restored.events.length, events);
    assert.deepEqual(restored.events, source.events.slice(0, events), "a prefix of the log in pos order");
    const tip = restored.events.at(-1);
    assert.deepEqual(
      restored.heads.map((h) => `${h.seq}/${h.hash}`),
      [`${tip?.seq}/${tip?.hash}`],
    );
    assert.deepEqual(await verifyLog(restoredDb, n.node.keyOf), { ok: true, chains: 1, events });
  });
});

describe("backup integrity", () => {
  const promote = (line: string) => {
    const edited = line.replace('\\"role\\":\\"viewer\\"', '\\"role\\":\\"admin\\"');
    assert.notEqual(edited, line);
    return edited;
  };
  const cases: [string, (file: string) => void, RegExp][] = [
    [
      "a file cut in the middle of its gzip stream",
      (f) => writeFileSync(f, readFileSync(f).subarray(0, 700)),
      /unreadable: unexpected end/,
    ],
    ["a file missing its trailer", (f) => rewrite(f, (lines) => lines.slice(0, -1)), /truncated \(no trailer\)/],
    ["a file missing its last lines but keeping its trailer", (f) => rewrite(f, (l) => [...l.slice(0, -4), ...l.slice(-1)]), /trailer/],
    ["one event edited inside the file", (f) => rewrite(f, (lines) => lines.map((l, i) => (i === 20 ? promote(l) : l))), /trailer/],
    ["a line added after the trailer", (f) => rewrite(f, (lines) => [...lines, lines[1] ?? ""]), /after the end/],
    ["garbage", (f) => writeFileSync(f, "not a backup"), /unreadable/],
    ["a file that is not there", (f) => rmSync(f), /unreadable: ENOENT/],
  ];
  // One node and one good backup; each case damages its own copy.
  let n: TestNode;
  let pristine: Buffer;
  before(async () => {
    n = await createTestNode();
    await n.node.store.append(batch(30));
    const dir = mkdtempSync(join(tmpdir(), "enlace-backup-"));
    await writeBackup(n.node.db, header(n), join(dir, "good.gz"));
    pristine = readFileSync(join(dir, "good.gz"));
    rmSync(dir, { recursive: true, force: true });
  });
  after(() => n.dispose());

  for (const [name, damage, message] of cases) {
    it(`refuses ${name} with BackupError before anything is written`, async (t) => {
      const file = tempFile(t);
      writeFileSync(file, pristine);
      damage(file);
      assert.notDeepEqual(existsSync(file) && readFileSync(file), pristine, "the file was damaged");
      const db = await target(t);
      await assert.rejects(restore(file, db, n), (err: unknown) => err instanceof BackupError && message.test(err.message));
      assert.equal(await count(db), 0);
    });
  }
});
