import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import { z } from "zod";
import { freshDatabase } from "../../../test/helpers/db";
import { generateNodeKeys } from "../../core/log/crypto";
import type { NewEvent } from "../../core/log/envelope";
import { createHlc } from "../../core/log/hlc";
import { uuidv7 } from "../../core/log/ids";
import { defineEvent } from "../../core/log/registry";
import { nodeModel } from "../registry";
import { createEventStore } from "./event-store";
import type { Projection, StoredEvent } from "./projections";

// Projections with and without `applyMany` over one batch: same tables, fewer calls, and a
// projection without it still sees every earlier event of the batch projected.
const events = [
  defineEvent({ type: "tally.counted", v: 1, writer: "create", spaces: "any", data: z.strictObject({ n: z.number().int() }) }),
  defineEvent({ type: "tally.checked", v: 1, writer: "create", spaces: "any", data: z.strictObject({}) }),
];

function tallies(batched: boolean, calls: number[]): Projection {
  const apply = async (tx: Parameters<Projection["apply"]>[0], e: StoredEvent) => {
    await tx.run("INSERT INTO tallies (id, n, pos) VALUES (?, ?, ?)", [e.subject, e.data.n, e.pos]);
  };
  return {
    name: "tallies",
    version: 1,
    tables: ["tallies"],
    types: ["tally.counted"],
    async create(db) {
      await db.schema
        .createTable("tallies")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("n", "integer", (c) => c.notNull())
        .addColumn("pos", "integer", (c) => c.notNull())
        .execute();
    },
    apply: async (tx, e) => {
      calls.push(1);
      await apply(tx, e);
    },
    ...(batched
      ? {
          applyMany: async (tx: Parameters<Projection["apply"]>[0], list: readonly StoredEvent[]) => {
            calls.push(list.length);
            for (const e of list) await apply(tx, e);
          },
        }
      : {}),
  };
}

/** Records, at each check, how many tallies were already projected. */
const checks: Projection = {
  name: "checks",
  version: 1,
  tables: ["checks"],
  types: ["tally.checked"],
  async create(db) {
    await db.schema
      .createTable("checks")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("seen", "integer", (c) => c.notNull())
      .execute();
  },
  async apply(tx, e) {
    const n = await tx.all<{ n: number }>("SELECT count(*) AS n FROM tallies");
    await tx.run("INSERT INTO checks (id, seen) VALUES (?, ?)", [e.subject, Number(n[0]?.n)]);
  },
};

const keys = generateNodeKeys();
const ev = (type: string, data: Record<string, unknown>): NewEvent => ({
  space: "national",
  type,
  subject: uuidv7(),
  data,
  actor: "ana@co",
});
const batch = [
  ev("tally.counted", { n: 1 }),
  ev("tally.counted", { n: 2 }),
  ev("tally.checked", {}),
  ev("tally.counted", { n: 3 }),
  ev("tally.counted", { n: 4 }),
  ev("tally.checked", {}),
  ev("tally.counted", { n: 5 }),
];

async function project(t: TestContext, batched: boolean) {
  const { db, dispose } = await freshDatabase();
  t.after(dispose);
  const calls: number[] = [];
  const store = createEventStore({
    db,
    ...nodeModel({ events, projections: [tallies(batched, calls), checks] }),
    node: { id: "co", keys },
    clock: createHlc(),
    keyOf: () => keys.publicKey,
  });
  await store.syncProjections();
  await store.append(batch);
  const read = () =>
    db.connection(async (sql) => ({
      tallies: (await sql.all<{ n: number; pos: number }>("SELECT n, pos FROM tallies ORDER BY pos")).map((r) => [
        Number(r.n),
        Number(r.pos),
      ]),
      checks: (await sql.all<{ seen: number }>("SELECT seen FROM checks ORDER BY seen")).map((r) => Number(r.seen)),
    }));
  const appended = await read();
  const appendCalls = [...calls];
  calls.length = 0;
  await store.rebuild();
  return { appended, rebuilt: await read(), appendCalls, rebuildCalls: [...calls] };
}

describe("projections with applyMany", () => {
  it("project a batch exactly as apply does, in fewer calls, and before a projection without it reads", async (t) => {
    const one = await project(t, false);
    const many = await project(t, true);
    assert.deepEqual(one.appendCalls, [1, 1, 1, 1, 1]);
    // Flushed before each check, then the rest at the end: the same batches on rebuild.
    assert.deepEqual(many.appendCalls, [2, 2, 1]);
    assert.deepEqual(many.rebuildCalls, [2, 2, 1]);
    assert.deepEqual(
      many.appended.tallies.map(([n]) => n),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(many.appended.checks, [2, 4], "each check saw every tally before it");
    assert.deepEqual(one.appended.checks, many.appended.checks);
    assert.deepEqual(many.rebuilt, many.appended);
    assert.deepEqual(one.rebuilt, one.appended);
  });
});
