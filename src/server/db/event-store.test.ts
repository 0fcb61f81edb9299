import assert from "node:assert/strict";
import type { KeyObject } from "node:crypto";
import { after, before, describe, it, type TestContext } from "node:test";
import { z } from "zod";
import { freshDatabase } from "../../../test/helpers/db";
import { createTestNode } from "../../../test/helpers/node";
import { eventHash, signEvent, verifyEventSignature } from "../../core/log/chain";
import { generateNodeKeys } from "../../core/log/crypto";
import { type Event, GENESIS_PREV, type NewEvent, type UnsignedEvent } from "../../core/log/envelope";
import { createHlc, formatHlc } from "../../core/log/hlc";
import { uuidv7 } from "../../core/log/ids";
import { defineEvent } from "../../core/log/registry";
import { nodeModel } from "../registry";
import type { Database, Sql } from "./database";
import { type ApplyResult, createEventStore, EventRejectedError, type EventStore } from "./event-store";
import type { Projection, StoredEvent } from "./projections";
import { type EventRow, readChain, rowToEvent, rowToStored } from "./rows";
import type { ProjectionStateTable } from "./tables";
import { verifyLog } from "./verify";

// A test-only domain: `sample.created` starts a subject, only its owner may note it, any member may remark on it.
const sampleEvents = [
  defineEvent({ type: "sample.created", v: 1, writer: "create", spaces: "any", data: z.strictObject({ title: z.string().min(1) }) }),
  defineEvent({ type: "sample.noted", v: 1, writer: "owner", spaces: "any", data: z.strictObject({ note: z.string() }) }),
  defineEvent({ type: "sample.remarked", v: 1, writer: "member", spaces: "any", data: z.strictObject({ text: z.string() }) }),
];

/** Version 2 stores titles in capitals, so a rebuild from the log shows in the rows. */
function samplesProjection(version: number): Projection {
  return {
    name: "samples",
    version,
    tables: ["samples", "sample_remarks"],
    types: ["sample.created", "sample.noted", "sample.remarked"],
    async create(db) {
      await db.schema
        .createTable("samples")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("notes", "integer", (c) => c.notNull())
        .addColumn("last_note", "text")
        .execute();
      await db.schema
        .createTable("sample_remarks")
        .addColumn("event_id", "text", (c) => c.primaryKey())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .execute();
    },
    async apply(tx, e) {
      const d = e.data;
      if (e.type === "sample.created") {
        const title = version > 1 ? String(d.title).toUpperCase() : d.title;
        await tx.run("INSERT INTO samples (id, owner, title, notes) VALUES (?, ?, ?, 0)", [e.subject, e.origin, title]);
      } else if (e.type === "sample.noted") {
        await tx.run("UPDATE samples SET notes = notes + 1, last_note = ? WHERE id = ?", [d.note, e.subject]);
      } else {
        await tx.run("INSERT INTO sample_remarks (event_id, subject, text) VALUES (?, ?, ?)", [e.id, e.subject, d.text]);
      }
    },
  };
}

const sampleModel = (version = 1) => nodeModel({ events: sampleEvents, projections: [samplesProjection(version)] });

const SHARED = "co-ve";
const MEMBERS: Record<string, readonly string[]> = { [SHARED]: ["co", "ve"] };
// Keys co pins; "br" is pinned but no member of co-ve, "pe" is not pinned at all.
const KEYS = { co: generateNodeKeys(), ve: generateNodeKeys(), br: generateNodeKeys() };
const PE = generateNodeKeys();
type Origin = keyof typeof KEYS;
const pinned = (origin: string): KeyObject | undefined => (Object.hasOwn(KEYS, origin) ? KEYS[origin as Origin].publicKey : undefined);

async function scratch(t: TestContext): Promise<Database> {
  const { db, dispose } = await freshDatabase();
  t.after(dispose);
  return db;
}

async function openStore(db: Database, id: Origin, opts: { wall?: () => number } = {}): Promise<EventStore> {
  const store = createEventStore({
    db,
    ...sampleModel(),
    node: { id, keys: KEYS[id] },
    clock: createHlc(opts.wall),
    keyOf: pinned,
    isMember: async (_sql, space, origin) => MEMBERS[space]?.includes(origin) ?? false,
    ...(opts.wall ? { wallClock: opts.wall } : {}),
  });
  await store.syncProjections();
  return store;
}

type Data = Record<string, unknown>;
const ev = (type: string, subject: string, data: Data, space = SHARED): NewEvent => ({ space, type, subject, data, actor: "ana@co" });
const created = (subject: string, title = "paso", space = SHARED) => ev("sample.created", subject, { title }, space);
const noted = (subject: string, note = "nota", space = SHARED) => ev("sample.noted", subject, { note }, space);
const remarked = (subject: string, text = "visto") => ev("sample.remarked", subject, { text });
const adminUser = { username: "intruso", role: "admin", scope: null, passwordHash: "scrypt$x" };
const plain = ({ pos: _pos, hash: _hash, ...event }: StoredEvent): Event => event;
const now = () => formatHlc({ ms: Date.now(), counter: 0 });
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const seqs = (events: readonly Event[]) => events.map((e) => e.seq);
const hlcs = (events: readonly Event[]) => events.map((e) => e.hlc);
const increasing = (values: readonly (string | number)[]) => values.every((v, i) => i === 0 || (values[i - 1] ?? v) < v);

/** Re-signs `base` with `fields` changed, as its origin (or whoever holds `key`) would. */
function resign(base: Event, fields: Partial<UnsignedEvent>, key: KeyObject = KEYS.ve.privateKey): Event {
  const { sig: _sig, ...unsigned } = base;
  return signEvent({ ...unsigned, ...fields }, key).event;
}
/** A new event continuing `after`'s chain. */
const next = (after: Event, fields: Partial<UnsignedEvent>, key: KeyObject = KEYS.ve.privateKey): Event =>
  resign(after, { id: uuidv7(), seq: after.seq + 1, prev: eventHash(after), hlc: now(), ...fields }, key);
const BLANK: Event = {
  id: "",
  space: SHARED,
  origin: "ve",
  seq: 0,
  prev: "",
  hlc: "",
  actor: "luis@ve",
  type: "sample.created",
  v: 1,
  subject: "",
  data: {},
  sig: "",
};
/** The first event of a chain (a new subject unless `fields` says otherwise). */
const genesis = (fields: Partial<UnsignedEvent>, key: KeyObject): Event =>
  resign(BLANK, { id: uuidv7(), seq: 1, prev: GENESIS_PREV, hlc: now(), subject: uuidv7(), data: { title: "x" }, ...fields }, key);

type Rows = Record<string, unknown>[];
const ids = (rows: Rows | readonly Event[]) => rows.map((r) => String(r.id));

/** Everything a write may touch: the log, the heads, ownership and every projection row. */
function state(db: Database) {
  const all = (sql: Sql, text: string) => sql.all<Record<string, unknown>>(text);
  return db.connection(async (sql) => ({
    events: await all(sql, "SELECT pos, id, space, origin, seq, hash FROM events ORDER BY pos"),
    heads: await all(sql, "SELECT * FROM heads ORDER BY space, origin"),
    subjects: await all(sql, "SELECT * FROM subjects ORDER BY space, subject"),
    samples: await all(sql, "SELECT * FROM samples ORDER BY id"),
    remarks: await all(sql, "SELECT * FROM sample_remarks ORDER BY event_id"),
    users: await all(sql, "SELECT * FROM users ORDER BY id"),
  }));
}

/** Each chain's head row names its last stored event, and no head exists without events. */
async function assertHeadsMatchLog(db: Database): Promise<void> {
  const tips = (sql: Sql, from: string) =>
    sql.all<{ space: string; origin: string; seq: number; hash: string }>(
      `SELECT space, origin, seq, hash FROM ${from} ORDER BY space, origin`,
    );
  const last = "events e WHERE seq = (SELECT MAX(seq) FROM events x WHERE x.space = e.space AND x.origin = e.origin)";
  const [heads, log] = await db.connection(async (sql) => [await tips(sql, "heads"), await tips(sql, last)]);
  const norm = (rows: typeof heads) => rows.map((r) => `${r.space}/${r.origin}/${Number(r.seq)}/${r.hash}`);
  assert.deepEqual(norm(heads), norm(log));
}

describe("append", () => {
  it("stamps seq 1..n per chain, links prev, signs with the node key and keeps the HLC increasing", async (t) => {
    const db = await scratch(t);
    const co = await openStore(db, "co");
    const [a, b] = [uuidv7(), uuidv7()];
    // Interleaved spaces in one batch, then a second batch: two chains, each from seq 1.
    const all = [
      ...(await co.append([created(a), created(b, "b", "national"), noted(a), noted(b, "n", "national")])),
      ...(await co.append([remarked(a), noted(a)])),
    ];
    const rows = await db.connection((sql) => sql.all<EventRow>("SELECT * FROM events ORDER BY pos"));
    assert.deepEqual(rows.map(rowToStored), all);
    for (const space of [SHARED, "national"]) {
      const chain = all.filter((e) => e.space === space);
      assert.deepEqual(seqs(chain), upTo(chain.length), space);
      chain.forEach((e, i) => {
        assert.equal(e.prev, i === 0 ? GENESIS_PREV : chain[i - 1]?.hash);
        assert.equal(e.hash, eventHash(plain(e)));
        assert.ok(verifyEventSignature(plain(e), KEYS.co.publicKey));
      });
      assert.deepEqual((await co.heads(space)).co, { seq: chain.length, hash: chain.at(-1)?.hash });
    }
    assert.ok(increasing(hlcs(all)), "hlc strictly increasing");
    assert.ok(increasing(all.map((e) => e.pos)), "pos increasing");
    assert.deepEqual(await verifyLog(db, pinned), { ok: true, chains: 2, events: 6 });
  });

  it("keeps the HLC increasing when the wall clock stands still or a reopened store's clock is behind", async (t) => {
    const db = await scratch(t);
    const T = Date.UTC(2026, 4, 10, 12);
    const stuck = await openStore(db, "co", { wall: () => T });
    const a = uuidv7();
    const early = await stuck.append([created(a), noted(a), noted(a)]);
    const hlc = (counter: string) => `2026-05-10T12:00:00.000Z/${counter}`;
    assert.deepEqual(hlcs(early), [hlc("0000"), hlc("0001"), hlc("0002")]);
    const behind = await openStore(db, "co", { wall: () => T - 3_600_000 });
    const [late] = await behind.append([noted(a)]);
    assert.equal(late?.hlc, hlc("0003"));
  });

  it("appends a batch of 100 in one transaction: contiguous seq and pos, one notification, 100 projected rows", async (t) => {
    const db = await scratch(t);
    const co = await openStore(db, "co");
    const calls: number[] = [];
    co.subscribe((events) => calls.push(events.length));
    const stored = await co.append(Array.from({ length: 100 }, (_, i) => created(uuidv7(), `t${i}`)));
    assert.deepEqual(seqs(stored), upTo(100));
    assert.equal(stored.at(-1)?.pos, (stored[0]?.pos ?? 0) + 99, "contiguous positions");
    assert.ok(increasing(stored.map((e) => e.pos)));
    assert.deepEqual(calls, [100]);
    const s = await state(db);
    assert.deepEqual([s.events.length, s.samples.length, s.subjects.length], [100, 100, 100]);
    assert.deepEqual((await co.heads(SHARED)).co, { seq: 100, hash: stored[99]?.hash });
  });

  it("gives each event its own position across insert chunks (450 events)", async (t) => {
    const db = await scratch(t);
    const co = await openStore(db, "co");
    const stored = await co.append(Array.from({ length: 450 }, () => created(uuidv7())));
    const rows = await db.connection((sql) => sql.all<{ id: string; pos: number }>("SELECT id, pos FROM events ORDER BY pos"));
    const where = (id: string, pos: number) => `${id}@${Number(pos)}`;
    assert.deepEqual(
      stored.map((e) => where(e.id, e.pos)),
      rows.map((r) => where(r.id, r.pos)),
    );
  });

  it("keeps one chain when two stores append concurrently to the same database", async (t) => {
    const db = await scratch(t);
    const stores = [await openStore(db, "co"), await openStore(db, "co")];
    const subjects = Array.from({ length: 20 }, () => uuidv7());
    await Promise.all(subjects.map((s, i) => stores[i % 2]?.append([created(s), noted(s), remarked(s)])));
    const chain = (await db.connection((sql) => readChain(sql, SHARED, "co", 0, 100))).map(rowToEvent);
    assert.deepEqual(seqs(chain), upTo(60));
    assert.ok(increasing(hlcs(chain)), "hlc increasing along the chain");
    assert.deepEqual(await verifyLog(db, pinned), { ok: true, chains: 1, events: 60 });
  });
});

describe("append: a rejected event writes nothing", () => {
  let db: Database;
  let co: EventStore;
  let dispose: () => Promise<void>;
  const mine = uuidv7();
  const theirs = uuidv7();
  before(async () => {
    ({ db, dispose } = await freshDatabase());
    co = await openStore(db, "co");
    await co.append([created(mine), noted(mine), created(uuidv7(), "n", "national")]);
    // A subject owned by ve, received through federation.
    assert.equal((await co.apply([genesis({ subject: theirs }, KEYS.ve.privateKey)])).rejected, undefined);
  });
  after(() => dispose());

  /** 60 good events with `bad` as the 50th. */
  const fiftieth = (bad: (batch: NewEvent[]) => NewEvent) => {
    const batch = Array.from({ length: 60 }, () => created(uuidv7()));
    batch[49] = bad(batch);
    return batch;
  };
  const cases: [name: string, code: string, events: () => NewEvent[]][] = [
    ["bad data", "bad_data", () => [created(uuidv7(), "")]],
    ["an unknown type", "unknown_type", () => [ev("sample.invented", uuidv7(), { title: "x" })]],
    ["an unknown version", "unknown_type", () => [{ ...created(uuidv7()), v: 2 }]],
    ["user.created outside the national space", "wrong_space", () => [ev("user.created", uuidv7(), adminUser)]],
    ["a space this node is no member of", "unknown_space", () => [created(uuidv7(), "x", "ar-br")]],
    ["owner rule: noting another origin's subject", "wrong_writer", () => [noted(theirs)]],
    ["owner rule: noting a subject nobody created", "no_subject", () => [noted(uuidv7())]],
    ["creating a subject that exists", "subject_exists", () => [created(mine)]],
    ["bad data as the 50th of a batch of 60", "bad_data", () => fiftieth(() => created(uuidv7(), ""))],
    ["a subject created twice in one batch (50th of 60)", "subject_exists", () => fiftieth((b) => created(String(b[10]?.subject)))],
  ];
  for (const [name, code, events] of cases) {
    it(`${name}: EventRejectedError ${code}`, async () => {
      const calls: number[] = [];
      const stop = co.subscribe((stored) => calls.push(stored.length));
      const prior = await state(db);
      await assert.rejects(co.append(events()), (err: unknown) => err instanceof EventRejectedError && err.code === code);
      assert.deepEqual(await state(db), prior);
      assert.deepEqual(calls, []);
      stop();
    });
  }

  it("continues the chain right after the last committed event", async () => {
    const head = (await co.heads(SHARED)).co;
    const [e] = await co.append([noted(mine)]);
    assert.deepEqual({ seq: e?.seq, prev: e?.prev }, { seq: (head?.seq ?? 0) + 1, prev: head?.hash });
  });
});

describe("write and subscribe", () => {
  it("write() rolls back events appended before the callback throws, and rethrows its error", async (t) => {
    const db = await scratch(t);
    const co = await openStore(db, "co");
    const s = uuidv7();
    await co.append([created(s)]);
    const prior = await state(db);
    const boom = new Error("boom");
    const failing = co.write(async (tx) => {
      await tx.append([noted(s), created(uuidv7())]);
      const inside = await tx.sql.all<{ notes: number }>("SELECT notes FROM samples WHERE id = ?", [s]);
      assert.equal(Number(inside[0]?.notes), 1, "projected inside the transaction");
      throw boom;
    });
    await assert.rejects(failing, (err) => err === boom);
    assert.deepEqual(await state(db), prior);
    const [e] = await co.append([noted(s)]);
    assert.equal(e?.seq, 2);
  });

  it("notifies after commit only: not inside the transaction, not on rollback, not after unsubscribe", async (t) => {
    const db = await scratch(t);
    const co = await openStore(db, "co");
    const seen: string[][] = [];
    const visible: Promise<number>[] = [];
    const count = () => db.connection(async (sql) => Number((await sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events"))[0]?.n));
    const stop = co.subscribe((events) => {
      seen.push(events.map((e) => e.type));
      visible.push(count());
    });
    const s = uuidv7();
    await co.write(async (tx) => {
      await tx.append([created(s)]);
      await tx.append([noted(s)]);
      assert.deepEqual(seen, [], "nothing while the transaction is open");
    });
    assert.deepEqual(seen, [["sample.created", "sample.noted"]]);
    assert.equal(await visible[0], 2, "the events were committed when the listener ran");
    const rolledBack = co.write(async (tx) => {
      await tx.append([noted(s)]);
      throw new Error("no");
    });
    await assert.rejects(rolledBack, /no/);
    await assert.rejects(co.append([noted(s), noted(uuidv7())]), EventRejectedError);
    assert.equal(seen.length, 1);
    stop();
    await co.append([noted(s)]);
    assert.equal(seen.length, 1);
  });
});

describe("apply", () => {
  // ve's log, made by a real store on its own database: ve creates, notes and remarks,
  // including a remark on a subject co created.
  const coSubject = uuidv7();
  let ve: Event[] = [];
  let veRows: { samples: Rows; remarks: Rows } = { samples: [], remarks: [] };

  before(async () => {
    const [ours, theirs] = [await freshDatabase(), await freshDatabase()];
    try {
      const coSeed = await openStore(ours.db, "co");
      const veStore = await openStore(theirs.db, "ve");
      assert.equal((await veStore.apply((await coSeed.append([created(coSubject)])).map(plain))).rejected, undefined);
      const [v1, v2] = [uuidv7(), uuidv7()];
      const batch = [created(v1, "vereda"), noted(v1), remarked(coSubject), created(v2, "río"), remarked(v1), noted(v2)];
      ve = (await veStore.append(batch.map((e) => ({ ...e, actor: "luis@ve" })))).map(plain);
      const s = await state(theirs.db);
      veRows = { samples: s.samples, remarks: s.remarks };
    } finally {
      await ours.dispose();
      await theirs.dispose();
    }
  });

  /** A fresh co node that holds coSubject, as the real co does. */
  async function coNode(t: TestContext) {
    const db = await scratch(t);
    const co = await openStore(db, "co");
    await co.append([created(coSubject)]);
    return { db, co };
  }
  const at = (i: number) => ve[i] as Event;
  const summary = (r: ApplyResult) => ({ applied: ids(r.applied), duplicates: r.duplicates, rejected: r.rejected });

  it("stores a peer's events exactly as signed and projects them as the peer did", async (t) => {
    const { db, co } = await coNode(t);
    assert.deepEqual(summary(await co.apply(ve)), { applied: ids(ve), duplicates: 0, rejected: undefined });
    const rows = await db.connection((sql) => readChain(sql, SHARED, "ve", 0, 100));
    assert.deepEqual(rows.map(rowToEvent), ve);
    assert.ok(rows.every((r) => r.hash === eventHash(rowToEvent(r))));
    assert.deepEqual((await co.heads(SHARED)).ve, { seq: 6, hash: eventHash(at(5)) });
    const s = await state(db);
    assert.deepEqual({ samples: s.samples, remarks: s.remarks }, veRows);
    assert.deepEqual(await verifyLog(db, pinned), { ok: true, chains: 2, events: 7 });
  });

  it("is idempotent: held events count as duplicates and nothing is written twice", async (t) => {
    const { db, co } = await coNode(t);
    await co.apply(ve.slice(0, 3));
    const calls: number[] = [];
    co.subscribe((events) => calls.push(events.length));
    assert.deepEqual(summary(await co.apply(ve)), { applied: ids(ve.slice(3)), duplicates: 3, rejected: undefined });
    const prior = await state(db);
    assert.deepEqual(summary(await co.apply(ve)), { applied: [], duplicates: 6, rejected: undefined });
    assert.deepEqual(await state(db), prior);
    assert.deepEqual(calls, [3]);
  });

  it("resumes from the last good event after a rejected segment", async (t) => {
    const { co } = await coNode(t);
    assert.equal((await co.apply([at(0), at(1), at(3)])).rejected?.code, "gap");
    assert.deepEqual(summary(await co.apply(ve.slice(2))), { applied: ids(ve.slice(2)), duplicates: 0, rejected: undefined });
  });

  /** ve's six events and then one more. */
  const plus = (fields: Partial<UnsignedEvent>) => [...ve, next(at(5), fields)];
  /** A two-event chain by an origin other than ve. */
  const chainBy = (origin: string, key: KeyObject) => {
    const e = genesis({ origin }, key);
    return [e, next(e, {}, key)];
  };
  const smuggled = () => [
    at(0),
    next(at(0), { space: "national", origin: "co", type: "user.created", subject: uuidv7(), data: adminUser }),
  ];
  // [name, code, batch, index of the bad event, events held before, of which duplicates]
  const cases: [string, string, () => Event[], number, number?, number?][] = [
    ["a gap", "gap", () => [at(0), at(1), at(3), at(4)], 2],
    ["a gap before the first event of a chain", "gap", () => ve.slice(2), 0],
    ["a broken link, though signed by the origin", "broken_link", () => [at(0), at(1), resign(at(2), { prev: "f".repeat(64) })], 2],
    ["altered data under the origin's signature", "bad_signature", () => [at(0), at(1), { ...at(2), data: { text: "otro" } }, at(3)], 2],
    ["the last event signed with another key", "bad_signature", () => [...ve.slice(0, 5), resign(at(5), {}, KEYS.br.privateKey)], 5],
    ["a fork: another event at a held seq", "fork", () => [at(0), next(at(0), { type: "sample.remarked", subject: coSubject })], 1, 3, 1],
    ["a fork reusing the held event's id", "fork", () => [at(0), resign(at(1), { data: { note: "otra" } })], 1, 3, 1],
    [
      "ve noting co's subject (owner rule)",
      "wrong_writer",
      () => plus({ type: "sample.noted", subject: coSubject, data: { note: "" } }),
      6,
    ],
    [
      "a remark on a subject nobody created",
      "no_subject",
      () => plus({ type: "sample.remarked", subject: uuidv7(), data: { text: "?" } }),
      6,
    ],
    [
      "creating co's subject again",
      "subject_exists",
      () => plus({ type: "sample.created", subject: coSubject, data: { title: "robo" } }),
      6,
    ],
    ["bad data", "bad_data", () => plus({ type: "sample.created", subject: uuidv7(), data: { title: "" } }), 6],
    ["an unknown type", "unknown_type", () => plus({ type: "sample.invented" }), 6],
    ["user.created in a shared space", "wrong_space", () => plus({ type: "user.created", subject: uuidv7(), data: adminUser }), 6],
    ["an HLC ten minutes ahead", "clock_drift", () => plus({ hlc: formatHlc({ ms: Date.now() + 6e5, counter: 0 }) }), 6],
    ["an origin without a pinned key", "unknown_origin", () => chainBy("pe", PE.privateKey), 0],
    ["a pinned origin that is no member of the space", "not_member", () => chainBy("br", KEYS.br.privateKey), 0],
    ["a peer's event in the national space", "not_member", () => [genesis({ space: "national" }, KEYS.ve.privateKey)], 0],
    ["a segment smuggling an event of another space and origin", "mixed_segment", smuggled, 1],
  ];
  for (const [name, code, build, bad, held = 0, duplicates = 0] of cases) {
    it(`rejects ${name}: ${code}, applying the good prefix only`, async (t) => {
      const { db, co } = await coNode(t);
      if (held) await co.apply(ve.slice(0, held));
      const batch = build();
      const calls: string[][] = [];
      co.subscribe((events) => calls.push(ids(events)));
      const prior = await state(db);
      const result = await co.apply(batch);
      const good = ids(batch.slice(duplicates, bad));
      assert.equal(result.rejected?.code, code, result.rejected?.reason);
      assert.deepEqual(result.rejected?.event, batch[bad]);
      assert.deepEqual(summary(result), { applied: good, duplicates, rejected: result.rejected });
      const after = await state(db);
      assert.deepEqual(ids(after.events), [...ids(prior.events), ...good]);
      assert.deepEqual(after.users, prior.users);
      assert.deepEqual(calls, good.length ? [good] : []);
      await assertHeadsMatchLog(db);
    });
  }
});

describe("rebuild and syncProjections", () => {
  it("rebuild() replays the log into identical projection rows, also after they were lost", async (t) => {
    const db = await scratch(t);
    const co = await openStore(db, "co");
    const s = uuidv7();
    await co.append([created(s), noted(s), remarked(s), noted(s, "última"), ev("user.created", uuidv7(), adminUser, "national")]);
    await co.apply([genesis({}, KEYS.ve.privateKey)]);
    const prior = await state(db);
    assert.deepEqual([prior.samples.length, prior.remarks.length, prior.users.length], [2, 1, 1]);
    assert.equal(await co.rebuild(), 6);
    assert.deepEqual(await state(db), prior);
    await db.transaction((sql) => sql.run("DELETE FROM samples"));
    await co.rebuild();
    assert.deepEqual(await state(db), prior);
  });

  it("rebuilds a projection whose version was bumped when the node reopens, and only that one", async () => {
    const t = await createTestNode({ model: sampleModel(1) });
    try {
      const s = uuidv7();
      await t.node.store.append([created(s, "uno", "national"), noted(s, "n", "national"), created(uuidv7(), "dos", "national")]);
      const titles = async (db: Database) => (await state(db)).samples.map((r) => `${r.title}:${Number(r.notes)}`).sort();
      const versions = async (db: Database) =>
        Object.fromEntries(
          (await db.connection((sql) => sql.all<ProjectionStateTable>("SELECT * FROM projection_state"))).map((r) => [
            r.name,
            Number(r.version),
          ]),
        );
      assert.deepEqual(await titles(t.node.db), ["dos:0", "uno:1"]);
      const prior = { users: (await state(t.node.db)).users, versions: await versions(t.node.db) };
      assert.equal(prior.versions.samples, 1);
      assert.deepEqual(await t.node.store.syncProjections(), [], "nothing stale at the same version");
      const reopened = await t.reopen(sampleModel(2));
      assert.deepEqual(await titles(reopened.db), ["DOS:0", "UNO:1"]);
      assert.deepEqual(await versions(reopened.db), { ...prior.versions, samples: 2 });
      assert.deepEqual((await state(reopened.db)).users, prior.users);
      assert.deepEqual(await reopened.store.syncProjections(), []);
    } finally {
      await t.dispose();
    }
  });
});
