import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import type { NewEvent } from "../../src/core/log/envelope";
import type { Database } from "../../src/server/db/database";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { type Cluster, countsOf, disposeCluster, killChild, openMemberDatabase, stopMember, waitFor } from "../helpers/federation";

// `kill -9` of ve while it catches up 50,000 events from co, then a restart: ve resumes from
// the cursor it committed with the last page it applied, ending with exactly co's chain.
// ve runs as a child process of `enlace serve` (the stock model); co runs in this process.

const TOTAL = 50_000;
const BATCH = 1000;
const run = promisify(execFile);
const bin = new URL("../../bin/enlace.js", import.meta.url).pathname;

/** Per origin: seq and hash of the head, and the number of rows, of one space. */
async function chains(db: Database, space: string) {
  const heads = await db.connection((sql) =>
    sql.all<{ origin: string; seq: number; hash: string }>("SELECT origin, seq, hash FROM heads WHERE space = ? ORDER BY origin", [space]),
  );
  const counts = await countsOf(db, space);
  return heads.map((h) => ({ origin: h.origin, seq: Number(h.seq), hash: h.hash, rows: counts[h.origin] ?? 0 }));
}

describe("catching up 50,000 events across a kill -9", () => {
  let cluster: Cluster;
  let space: string;
  let co: RunningNode;
  let veDb: Database | undefined;

  before(async () => {
    cluster = await createCluster(["co", "ve"]);
    co = await cluster.start("co");
    await cluster.start("ve");
    space = await cluster.link();
    await stopMember(cluster, "ve");
  });
  after(async () => {
    await veDb?.close();
    const child = cluster.member("ve").child;
    if (child) await killChild(child, "SIGKILL");
    cluster.member("ve").child = undefined;
    await disposeCluster(cluster);
  });

  it("resumes after the kill with equal chains, no duplicates, and a log that verifies on both", async (t) => {
    // The filler is a receipt naming no heads: a type the stock model accepts in a shared
    // space, which projects nothing, so the test measures the log and the protocol.
    const filler: NewEvent = { space, type: "receipt.checkpoint", subject: space, data: { heads: {} }, actor: "federation@co" };
    let t0 = Date.now();
    for (let i = 0; i < TOTAL; i += BATCH) await co.node.store.append(Array.from({ length: BATCH }, () => filler));
    t.diagnostic(`co appended ${TOTAL} events in ${Date.now() - t0} ms`);
    // A fresh co, so its own pulls from ve (down until now) do not sit in a long backoff.
    await stopMember(cluster, "co");
    co = await cluster.start("co");
    const target = (await co.node.store.heads(space)).co?.seq ?? 0;
    assert.ok(target > TOTAL);

    const fromCo = async () => (await countsOf(veDb as Database, space)).co ?? 0;
    t0 = Date.now();
    const child = await cluster.spawnNode("ve");
    veDb = await openMemberDatabase(cluster, "ve");
    const base = await fromCo();
    const seen = await waitFor(
      "ve to be well into the catch-up (between 25% and 90%)",
      async () => {
        const n = (await fromCo()) - base;
        if (n >= TOTAL * 0.9) throw new Error(`ve caught up ${n} events before it could be killed`);
        return n >= TOTAL * 0.25 ? n : undefined;
      },
      60_000,
      5,
    );
    await killChild(child, "SIGKILL");
    cluster.member("ve").child = undefined;
    const atKill = (await fromCo()) - base;
    t.diagnostic(`killed ve with ${seen} (then ${atKill}) of ${TOTAL} events applied, ${Date.now() - t0} ms after it started`);
    assert.ok(atKill < TOTAL, `ve had already caught up (${atKill})`);
    // The cursor was committed with the events it covers: it names exactly the head ve holds.
    const cursor = await veDb.connection((sql) =>
      sql.all<{ seq: number }>("SELECT seq FROM cursors WHERE peer = 'co' AND space = ? AND origin = 'co'", [space]),
    );
    assert.deepEqual(
      cursor.map((c) => Number(c.seq)),
      [(await countsOf(veDb, space)).co],
    );

    t0 = Date.now();
    await cluster.spawnNode("ve");
    await waitFor("ve to catch up", async () => (await fromCo()) >= target, 90_000, 50);
    t.diagnostic(`ve caught up the remaining ${target - base - atKill} events in ${Date.now() - t0} ms after its restart`);
    // ve's own chain (its join and the receipts it signed while catching up) reaches co too.
    const coDb = co.node.db;
    t0 = Date.now();
    await waitFor(
      "co and ve to hold the same chains",
      async () => {
        const [a, b] = [await chains(coDb, space), await chains(veDb as Database, space)];
        return JSON.stringify(a) === JSON.stringify(b) ? a : undefined;
      },
      60_000,
      100,
    );
    t.diagnostic(`co and ve held the same chains ${Date.now() - t0} ms later`);

    const stopped = cluster.member("ve").child;
    if (stopped) await killChild(stopped, "SIGKILL");
    cluster.member("ve").child = undefined;
    await stopMember(cluster, "co");
    const coDbAfter = await openMemberDatabase(cluster, "co");
    try {
      for (const [name, db] of [
        ["co", coDbAfter],
        ["ve", veDb],
      ] as const) {
        assert.ok(db);
        const [held] = await chains(db, space).then((c) => [c.find((x) => x.origin === "co")]);
        assert.ok(held && held.seq >= target && held.rows === held.seq, `${name}: co's chain ${JSON.stringify(held)}`);
        for (const c of await chains(db, space)) assert.equal(c.rows, c.seq, `${name}: ${c.origin}'s chain has gaps or extra rows`);
        const twice = await db.connection((sql) =>
          sql.all("SELECT space, origin, seq FROM events GROUP BY space, origin, seq HAVING COUNT(*) > 1 LIMIT 5"),
        );
        assert.deepEqual(twice, [], `${name}: duplicate (space, origin, seq)`);
        const ids = await db.connection((sql) => sql.all("SELECT id FROM events GROUP BY id HAVING COUNT(*) > 1 LIMIT 5"));
        assert.deepEqual(ids, [], `${name}: duplicate ids`);
      }
      assert.deepEqual(await chains(coDbAfter, space), await chains(veDb, space));
    } finally {
      await coDbAfter.close();
    }
    // `enlace verify` on both folders (in parallel: each re-checks every signature).
    t0 = Date.now();
    const verified = await Promise.all(
      ["co", "ve"].map(async (id) => {
        const m = cluster.member(id);
        return { id, stdout: (await run(process.execPath, [bin, "verify", "--dir", m.dir], { env: m.env })).stdout.trim() };
      }),
    );
    for (const { id, stdout } of verified) {
      assert.match(stdout, /^verify: ok: \d+ events in \d+ chains/, `${id}: ${stdout}`);
      t.diagnostic(`${id}: ${stdout}`);
    }
    t.diagnostic(`both verified in ${Date.now() - t0} ms`);
  });
});
