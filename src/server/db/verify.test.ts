import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import { createTestNode, type TestNode } from "../../../test/helpers/node";
import { eventHash, signEvent } from "../../core/log/chain";
import { generateNodeKeys } from "../../core/log/crypto";
import { type Event, NATIONAL_SPACE, type NewEvent } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import { readChain, rowToEvent } from "./rows";
import { type VerifyFault, verifyLog } from "./verify";

const EVENTS = 30;
const FOREIGN = generateNodeKeys();
const CHAIN = "space = ? AND origin = ? AND seq = ?";

const userCreated = (i: number): NewEvent => ({
  space: NATIONAL_SPACE,
  type: "user.created",
  subject: uuidv7(),
  actor: "cli@co",
  data: { username: `agente${i}`, role: "viewer", scope: null, passwordHash: "scrypt$test" },
});

/** A fresh node whose national log holds its genesis and 29 users, appended in three commits. */
async function seeded(t: TestContext): Promise<TestNode> {
  const node = await createTestNode();
  t.after(() => node.dispose());
  for (let i = 1; i < EVENTS; i += 10) {
    await node.node.store.append(Array.from({ length: Math.min(10, EVENTS - i) }, (_, k) => userCreated(i + k)));
  }
  return node;
}

/** Raw SQL against the node's database, as someone with file or superuser access would. */
const tamper = (n: TestNode, statements: [string, unknown[]][]) =>
  n.node.db.transaction(async (sql) => {
    for (const [text, params] of statements) assert.equal(await sql.run(text, params), 1, text);
  });

/** The national chain as stored, from seq 1. */
const chain = async (n: TestNode): Promise<Event[]> =>
  (await n.node.db.connection((sql) => readChain(sql, NATIONAL_SPACE, "co", 0, 1000))).map(rowToEvent);

/** Runs verifyLog and returns where and why it failed. */
async function fault(
  n: TestNode,
  keyOf: Parameters<typeof verifyLog>[1] = n.node.keyOf,
): Promise<Pick<VerifyFault, "space" | "origin" | "seq" | "reason">> {
  const report = await verifyLog(n.node.db, keyOf);
  assert.equal(report.ok, false);
  const f = report.fault;
  assert.ok(f?.message, "a fault with an operator-readable message");
  return { space: f.space, origin: f.origin, seq: f.seq, reason: f.reason };
}
const at = (seq: number, reason: VerifyFault["reason"]) => ({ space: NATIONAL_SPACE, origin: "co", seq, reason });

/** Re-signs `e` with `changes` under `key`, as a forger would. */
function resign(e: Event, changes: Partial<Event>, key = FOREIGN.privateKey) {
  const { sig: _sig, ...unsigned } = e;
  return signEvent({ ...unsigned, ...changes }, key);
}
const promoted = (e: Event) => ({ ...e.data, role: "admin" });

describe("verifyLog", () => {
  it("passes an untouched log and counts every event", async (t) => {
    const n = await seeded(t);
    assert.deepEqual(await verifyLog(n.node.db, n.node.keyOf), { ok: true, chains: 1, events: EVENTS });
    assert.deepEqual(await fault(n, () => undefined), at(1, "unknown_origin"));
  });

  it("bad_signature: one event's data edited in place", async (t) => {
    const n = await seeded(t);
    const e = (await chain(n))[11] as Event;
    await tamper(n, [[`UPDATE events SET data = ? WHERE ${CHAIN}`, [JSON.stringify(promoted(e)), NATIONAL_SPACE, "co", 12]]]);
    assert.deepEqual(await fault(n), at(12, "bad_signature"));
  });

  it("gap: one event deleted in the middle", async (t) => {
    const n = await seeded(t);
    await tamper(n, [[`DELETE FROM events WHERE ${CHAIN}`, [NATIONAL_SPACE, "co", 15]]]);
    assert.deepEqual(await fault(n), at(15, "gap"));
  });

  it("truncated: the last event deleted, caught by the head", async (t) => {
    const n = await seeded(t);
    await tamper(n, [[`DELETE FROM events WHERE ${CHAIN}`, [NATIONAL_SPACE, "co", EVENTS]]]);
    assert.deepEqual(await fault(n), at(EVENTS, "truncated"));
  });

  it("broken_link: two events swapped by their seq", async (t) => {
    const n = await seeded(t);
    const move = (from: number, to: number): [string, unknown[]] => [
      `UPDATE events SET seq = ? WHERE ${CHAIN}`,
      [to, NATIONAL_SPACE, "co", from],
    ];
    await tamper(n, [move(10, -1), move(20, 10), move(-1, 20)]);
    assert.deepEqual(await fault(n), at(10, "broken_link"));
  });

  it("bad_signature: one event re-signed with a foreign key, its hash and the next prev recomputed", async (t) => {
    const n = await seeded(t);
    const e = (await chain(n))[11] as Event;
    const forged = resign(e, { data: promoted(e) });
    await tamper(n, [
      [
        `UPDATE events SET data = ?, sig = ?, hash = ? WHERE ${CHAIN}`,
        [JSON.stringify(forged.event.data), forged.event.sig, forged.hash, NATIONAL_SPACE, "co", 12],
      ],
      [`UPDATE events SET prev = ? WHERE ${CHAIN}`, [forged.hash, NATIONAL_SPACE, "co", 13]],
    ]);
    assert.deepEqual(await fault(n), at(12, "bad_signature"));
  });

  it("bad_signature: the rest of the chain and its head rewritten with a foreign key", async (t) => {
    const n = await seeded(t);
    const events = await chain(n);
    let prev = eventHash(events[10] as Event);
    const statements: [string, unknown[]][] = [];
    for (const e of events.slice(11)) {
      const forged = resign(e, { prev, ...(e.seq === 12 ? { data: promoted(e) } : {}) });
      statements.push([
        `UPDATE events SET data = ?, prev = ?, sig = ?, hash = ? WHERE ${CHAIN}`,
        [JSON.stringify(forged.event.data), prev, forged.event.sig, forged.hash, NATIONAL_SPACE, "co", e.seq],
      ]);
      prev = forged.hash;
    }
    statements.push(["UPDATE heads SET hash = ? WHERE space = ? AND origin = ?", [prev, NATIONAL_SPACE, "co"]]);
    await tamper(n, statements);
    assert.deepEqual(await fault(n), at(12, "bad_signature"));
  });

  it("hash_mismatch: only the stored hash column edited", async (t) => {
    const n = await seeded(t);
    await tamper(n, [[`UPDATE events SET hash = ? WHERE ${CHAIN}`, ["f".repeat(64), NATIONAL_SPACE, "co", 12]]]);
    assert.deepEqual(await fault(n), at(12, "hash_mismatch"));
  });

  it("reports the first bad event when a later one is also bad", async (t) => {
    const n = await seeded(t);
    await tamper(n, [
      [`UPDATE events SET hash = ? WHERE ${CHAIN}`, ["f".repeat(64), NATIONAL_SPACE, "co", 5]],
      [`DELETE FROM events WHERE ${CHAIN}`, [NATIONAL_SPACE, "co", 20]],
    ]);
    assert.deepEqual(await fault(n), at(5, "hash_mismatch"));
  });
});
