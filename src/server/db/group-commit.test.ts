import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import { z } from "zod";
import { freshDatabaseUrl } from "../../../test/helpers/db";
import { generateNodeKeys } from "../../core/log/crypto";
import type { NewEvent } from "../../core/log/envelope";
import { createHlc } from "../../core/log/hlc";
import { uuidv7 } from "../../core/log/ids";
import { defineEvent } from "../../core/log/registry";
import { nodeModel } from "../registry";
import { type Database, openDatabase } from "./database";
import { createEventStore, EventRejectedError, type EventStore } from "./event-store";
import { migrate } from "./migrate";
import type { Projection, StoredEvent } from "./projections";
import { verifyLog } from "./verify";

// Concurrent writes share one transaction, each in a savepoint (group-commit.ts), on both engines.
const itemCreated = defineEvent({
  type: "item.created",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({ title: z.string().min(1) }),
});
const itemsProjection: Projection = {
  name: "items",
  version: 1,
  tables: ["items"],
  types: ["item.created"],
  async create(db) {
    await db.schema
      .createTable("items")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .execute();
  },
  async apply(tx, e) {
    await tx.run("INSERT INTO items (id, title) VALUES (?, ?)", [e.subject, e.data.title]);
  },
};

const keys = generateNodeKeys();
const SPACE = "national";
const item = (title = "puesto", subject = uuidv7()): NewEvent => ({
  space: SPACE,
  type: "item.created",
  subject,
  data: { title },
  actor: "ana@co",
});

interface Opened {
  readonly db: Database;
  readonly store: EventStore;
  /** Write transactions the store opened. */
  transactions(): number;
  /** A second, independent connection to the same database. */
  other(): Promise<Database>;
}

/** A store over a fresh database whose transactions are counted (and, if asked, refused at the end). */
async function open(t: TestContext, opts: { refuseCommit?: () => boolean } = {}): Promise<Opened> {
  const target = await freshDatabaseUrl();
  const schema = target.schema ? { schema: target.schema } : {};
  const real = await openDatabase({ url: target.url, ...schema });
  await migrate(real);
  const extra: Database[] = [];
  t.after(async () => {
    for (const d of extra) await d.close();
    await real.close();
    await target.cleanup();
  });
  let transactions = 0;
  const db: Database = {
    ...real,
    transaction: (fn) => {
      transactions++;
      return real.transaction(async (sql) => {
        const result = await fn(sql);
        if (opts.refuseCommit?.()) throw new Error("commit refused");
        return result;
      });
    },
  };
  const store = createEventStore({
    db,
    ...nodeModel({ events: [itemCreated], projections: [itemsProjection] }),
    node: { id: "co", keys },
    clock: createHlc(),
    keyOf: (origin) => (origin === "co" ? keys.publicKey : undefined),
  });
  await store.syncProjections();
  transactions = 0;
  return {
    db,
    store,
    transactions: () => transactions,
    other: async () => {
      const d = await openDatabase({ url: target.url, ...schema });
      extra.push(d);
      return d;
    },
  };
}

const titles = async (db: Database) =>
  (await db.connection((sql) => sql.all<{ title: string }>("SELECT title FROM items ORDER BY title"))).map((r) => r.title);
const ourSeqs = async (db: Database) =>
  (await db.connection((sql) => sql.all<{ seq: number }>("SELECT seq FROM events WHERE space = ? ORDER BY pos", [SPACE]))).map((r) =>
    Number(r.seq),
  );

describe("group commit", () => {
  it("commits concurrent appends together, each caller getting its own events in arrival order", async (t) => {
    const { db, store, transactions } = await open(t);
    const notified: StoredEvent[] = [];
    store.subscribe((events) => notified.push(...events));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.append([item(`p${String(i).padStart(2, "0")}`)])));
    assert.ok(transactions() < 50, `50 appends took ${transactions()} transactions`);
    results.forEach((stored, i) => {
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.data.title, `p${String(i).padStart(2, "0")}`);
      assert.equal(stored[0]?.seq, i + 1);
    });
    const seqs = await ourSeqs(db);
    assert.deepEqual(
      seqs,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      notified.map((e) => e.seq),
      seqs,
      "listeners see the commits in log order",
    );
    assert.equal((await verifyLog(db, async () => keys.publicKey)).ok, true);
  });

  it("isolates a failing caller: its events vanish, the others commit and the chain has no gap", async (t) => {
    const { db, store } = await open(t);
    const notified: string[] = [];
    store.subscribe((events) => notified.push(...events.map((e) => String(e.data.title))));
    const taken = uuidv7();
    const calls = [
      store.append([item("a")]),
      // Refused by the schema before anything is written.
      store.append([item("")]),
      store.append([item("b")]),
      // Appends, then fails in its own body: what it appended must go.
      store.write(async (tx) => {
        await tx.append([item("rolled back")]);
        throw new Error("the command changed its mind");
      }),
      // A statement that fails inside the database (PostgreSQL then aborts the transaction
      // until the savepoint is rolled back).
      store.write(async (tx) => {
        await tx.append([item("also rolled back")]);
        await tx.sql.run("INSERT INTO no_such_table (x) VALUES (1)");
      }),
      store.append([item("c", taken)]),
      // The same subject created again in the same group: the writer rule sees "c" already.
      store.append([item("c again", taken)]),
      store.append([item("d")]),
    ];
    const settled = await Promise.allSettled(calls);
    assert.deepEqual(
      settled.map((s) => s.status),
      ["fulfilled", "rejected", "fulfilled", "rejected", "rejected", "fulfilled", "rejected", "fulfilled"],
    );
    const reason = (i: number) => (settled[i] as PromiseRejectedResult).reason as Error;
    const code = (i: number) => (reason(i) instanceof EventRejectedError ? (reason(i) as EventRejectedError).code : undefined);
    assert.equal(code(1), "bad_data");
    assert.equal(reason(3).message, "the command changed its mind");
    assert.match(reason(4).message, /no_such_table/);
    assert.equal(code(6), "subject_exists");
    assert.deepEqual(await titles(db), ["a", "b", "c", "d"]);
    assert.deepEqual(await ourSeqs(db), [1, 2, 3, 4]);
    assert.deepEqual(notified, ["a", "b", "c", "d"]);
    assert.equal((await verifyLog(db, async () => keys.publicKey)).ok, true);
  });

  it("settles a caller only once its write is committed, so another connection sees it", async (t) => {
    const { store, other } = await open(t);
    const reader = await other();
    const check = async (title: string) => {
      await store.append([item(title)]);
      // Read at once through an independent connection: the write must already be there.
      assert.ok((await titles(reader)).includes(title), `${title} is visible after append returned`);
    };
    await Promise.all(["x1", "x2", "x3", "x4", "x5"].map(check));
    await assert.rejects(store.append([item("")]));
    assert.deepEqual(await titles(reader), ["x1", "x2", "x3", "x4", "x5"]);
  });

  it("fails every caller of a group whose transaction does not commit, and notifies no one", async (t) => {
    let refuse = false;
    const { db, store } = await open(t, { refuseCommit: () => refuse });
    refuse = true;
    const notified: StoredEvent[] = [];
    store.subscribe((events) => notified.push(...events));
    const settled = await Promise.allSettled([store.append([item("a")]), store.append([item("b")]), store.append([item("c")])]);
    assert.deepEqual(
      settled.map((s) => s.status === "rejected" && (s.reason as Error).message),
      ["commit refused", "commit refused", "commit refused"],
    );
    assert.deepEqual(await titles(db), []);
    assert.equal(notified.length, 0);
    refuse = false;
    const [stored] = await store.append([item("later")]);
    assert.equal(stored?.seq, 1, "the chain continues from where the refused group left it");
  });

  it("lets each body read what the bodies before it in its group wrote", async (t) => {
    const { store } = await open(t);
    const counts = await Promise.all(
      Array.from({ length: 10 }, () =>
        store.write(async (tx) => {
          const before = await tx.sql.all<{ n: number }>("SELECT count(*) AS n FROM items");
          await tx.append([item()]);
          return Number(before[0]?.n);
        }),
      ),
    );
    assert.deepEqual(counts, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
