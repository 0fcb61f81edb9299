import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sampleModel } from "../../../test/fixtures/sample-model";
import { createCluster } from "../../../test/helpers/cluster";
import { adminOf, type Cluster, disposeCluster, sleep, waitFor } from "../../../test/helpers/federation";
import { extend, type RoguePeer, type Step, startRoguePeer } from "../../../test/helpers/rogue-peer";
import type { DomainError } from "../../core/errors";
import { generateNodeKeys, sha256Hex } from "../../core/log/crypto";
import { type Event, NATIONAL_SPACE } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import { verifyLog } from "../db/verify";
import type { RunningNode } from "../main";
import { createPeerClient } from "./client";
import { createInvite, createSpace, joinSpace, resolveQuarantine } from "./commands";
import { decodeInvite } from "./invite";
import { listQuarantine, type QuarantineRow } from "./queries";

// A victim node (co) pinned to a peer "ve" whose key the test holds and whose federation API
// is a rogue server of the test's own. Each case runs in a space of its own, so each has its
// own (peer, space, origin) stream: ve serves a chain with one bad event followed by a good
// one; co must apply what precedes it, quarantine it with the right code, apply nothing after
// it, keep the stream halted even once ve serves an honest chain, and resume on "retry".

const veKeys = generateNodeKeys();
const peKeys = generateNodeKeys();
const stranger = generateNodeKeys();
const brKeys = generateNodeKeys();

const created = (subject: string, text: string, extra: Partial<Step> = {}): Step => ({
  type: "note.created",
  subject,
  data: { text },
  ...extra,
});
const joined = (space: string): Step => ({ type: "space.joined", subject: space, data: {} });

interface Served {
  readonly origin: string;
  readonly forged: Event[];
  readonly honest: Event[];
  /** How many events of the chain co holds when the bad one arrives. */
  readonly applied: number;
  /** Serve the honest chain from seq 1 whatever cursor is asked (a plain replay of held events). */
  readonly replayHonest?: boolean;
  /** Serve the forged chain from seq 1 whatever cursor is asked (a replay of held seqs). */
  readonly replayForged?: boolean;
}

interface Case {
  /** The quarantine code co must record. */
  readonly code: string;
  /** What ve serves: a forged chain, then (once quarantined) the honest one. */
  build(c: { space: string; coNote: string; rogue: RoguePeer }): Promise<Served>;
  /** What the operator does before retrying (beyond ve turning honest). */
  beforeRetry?(): Promise<void>;
}

describe("forged events from a peer", { concurrency: true }, () => {
  let cluster: Cluster;
  let co: RunningNode;
  let rogue: RoguePeer;

  /** The handshake of a node that holds `keys` (ve, or pe later), answering an invitation of co. */
  async function pin(node: string, keys: typeof veKeys, url: string): Promise<void> {
    const token = decodeInvite((await createInvite(adminOf(co), co.node)).token);
    const client = createPeerClient({ id: node, keys }, { node: "co", url: co.url, publicKey: co.node.keys.publicKey });
    const answer = {
      invite: token.invite,
      secret: token.secret,
      node,
      name: `Nodo ${node}`,
      country: "ZZ",
      url,
      publicKey: keys.publicKeyText,
    };
    await client.json("POST", "/federation/v1/peers", { json: answer });
  }

  before(async () => {
    cluster = await createCluster(["co"], { model: sampleModel() });
    co = await cluster.start("co");
    rogue = await startRoguePeer("ve", veKeys, { id: "co", publicKey: co.node.keys.publicKey });
    await pin("ve", veKeys, rogue.url);
  });
  after(async () => {
    await rogue.close();
    await disposeCluster(cluster);
  });

  /** co's open and resolved quarantine rows of one stream. */
  const quarantined = async (space: string, origin: string, open = true): Promise<QuarantineRow[]> =>
    (await co.node.db.connection((sql) => listQuarantine(sql, open))).filter(
      (q) => q.space === space && q.origin === origin && q.peer === "ve",
    );
  const headOn = async (space: string, origin: string) => (await co.node.store.heads(space))[origin]?.seq ?? 0;
  /** Whether co holds `e` as ve served it (an id alone could be another chain's). */
  const held = async (e: Event) =>
    (
      await co.node.db.connection((sql) =>
        sql.all("SELECT 1 AS one FROM events WHERE id = ? AND space = ? AND origin = ? AND seq = ?", [e.id, e.space, e.origin, e.seq]),
      )
    ).length === 1;

  async function run(name: string, c: Case, setup?: (name: string) => Promise<string>): Promise<void> {
    const coNote = uuidv7();
    const space = setup ? await setup(name) : await createSpace(adminOf(co), { name, members: ["ve"] });
    await co.node.store.append([{ space, type: "note.created", subject: coNote, data: { text: "nota de co" }, actor: "ana@co" }]);
    const { origin, forged, honest, applied, replayHonest, replayForged } = await c.build({ space, coNote, rogue });
    rogue.serve(space, origin, forged, { ignoreAfter: replayForged ?? false });
    await co.replicator.refresh();

    const [q] = await waitFor(`the quarantine of ${name}`, async () =>
      (await quarantined(space, origin)).length > 0 ? quarantined(space, origin) : undefined,
    );
    assert.ok(q);
    // A malformed line is kept as received, a JSON string; any other refusal as the event.
    const kept = JSON.parse(q.event) as Event | string;
    const bad = forged.find((e) => e.id === (typeof kept === "string" ? (JSON.parse(kept) as Event) : kept).id);
    assert.ok(bad, `the quarantined event is one ve served: ${q.event}`);
    assert.deepEqual({ code: q.code, seq: Number(q.seq) }, { code: c.code, seq: bad.seq });
    const alerts = await co.node.db.connection((sql) =>
      sql.all<{ data: string }>("SELECT data FROM events WHERE space = ? AND type = 'peer.event_quarantined' AND subject = ?", [
        NATIONAL_SPACE,
        q.id,
      ]),
    );
    assert.equal(JSON.parse(alerts[0]?.data ?? "{}").code, c.code);
    const after = forged.slice(forged.indexOf(bad) + 1).filter((e) => e.seq > applied);
    assert.ok(after.length > 0, "a good event follows the bad one");
    const untouched = async () => {
      assert.equal(await headOn(space, origin), applied);
      assert.equal(await held(bad), false);
      for (const e of after) assert.equal(await held(e), false, `event ${e.seq} after the bad one was applied`);
    };
    await untouched();

    // ve turns honest; the stream stays halted (co rechecks every 2 s) and raises one alert.
    rogue.serve(space, origin, honest, { ignoreAfter: replayHonest ?? false });
    await sleep(2500);
    await untouched();
    assert.equal((await quarantined(space, origin)).length, 1);

    await c.beforeRetry?.();
    await resolveQuarantine(adminOf(co), q.id, "retry");
    const top = honest.at(-1)?.seq ?? 0;
    // Within the replicator's long-poll already in flight (10 s here) plus its 2 s recheck.
    await waitFor(`${name} to resume`, async () => (await headOn(space, origin)) === top, 20_000, 20);
    for (const e of honest) assert.equal(await held(e), true);
    assert.deepEqual(await quarantined(space, origin), []);
    assert.equal((await quarantined(space, origin, false)).find((r) => r.id === q.id)?.resolution, "retry");
  }

  /** ve's chain in `space`: joined, a note (both good), then `bad`, then a good note linked after it. */
  const veChain = (space: string, bad: Step, afterKey = veKeys.privateKey) => {
    const at = { space, origin: "ve", key: veKeys.privateKey };
    const good = extend([], at, [joined(space), created(uuidv7(), "antes")]);
    const forged = extend(extend(good, at, [bad]), at, [created(uuidv7(), "después", { key: afterKey })]);
    const honest = extend(good, at, [created(uuidv7(), "corregido"), created(uuidv7(), "después")]);
    return { origin: "ve", forged, honest, applied: 2 };
  };

  it("refuses a bad signature", () =>
    run("firma falsa", {
      code: "bad_signature",
      // The forger signs with its own key, the event it chains after the forgery too.
      build: async ({ space }) => veChain(space, created(uuidv7(), "firmado por otro", { key: stranger.privateKey }), stranger.privateKey),
    }));

  it("refuses a broken chain (a prev that is not the previous event's hash)", () =>
    run("cadena rota", {
      code: "broken_link",
      build: async ({ space }) => veChain(space, created(uuidv7(), "mal enlazado", { tamper: { prev: sha256Hex("otro") } })),
    }));

  it("refuses a gap (an event withheld)", () =>
    run("hueco", {
      code: "gap",
      build: async ({ space }) => {
        const chain = veChain(space, created(uuidv7(), "retenido"));
        const honest = extend(chain.forged, { space, origin: "ve", key: veKeys.privateKey }, [created(uuidv7(), "quinto")]);
        return { ...chain, forged: honest.filter((e) => e.seq !== 3), honest };
      },
    }));

  it("refuses a member writing what only the owner may (wrong writer)", () =>
    run("escritor equivocado", {
      code: "wrong_writer",
      build: async ({ space, coNote }) => veChain(space, { type: "note.amended", subject: coNote, data: { text: "enmienda ajena" } }),
    }));

  it("refuses an event that reuses the id of an event of another chain (duplicate id)", () =>
    run("id duplicado", {
      code: "duplicate_id",
      build: async ({ space, coNote }) => {
        const [row] = await co.node.db.connection((sql) => sql.all<{ id: string }>("SELECT id FROM events WHERE subject = ?", [coNote]));
        assert.ok(row);
        return veChain(space, created(uuidv7(), "id ajeno", { tamper: { id: row.id } }));
      },
    }));

  it("refuses a line that is not a valid envelope (malformed), after applying the lines before it", () =>
    run("línea malformada", {
      code: "malformed",
      build: async ({ space }) => veChain(space, created(uuidv7(), "sin identificador válido", { tamper: { id: "no-es-un-uuid" } })),
    }));

  it("refuses a replayed old event with other content (a fork), and takes an exact replay as a duplicate", () =>
    run("bifurcación", {
      code: "fork",
      build: async ({ space, rogue }) => {
        const at = { space, origin: "ve", key: veKeys.privateKey };
        const held3 = extend([], at, [joined(space), created(uuidv7(), "original"), created(uuidv7(), "tercero")]);
        rogue.serve(space, "ve", held3);
        await co.replicator.refresh();
        await waitFor("ve's first three events on co", async () => (await headOn(space, "ve")) === 3);
        // The same seq 2, re-signed by ve with other content, sent again whatever cursor co asks for.
        const [first, second, third] = held3 as [Event, Event, Event];
        const altered = extend([first], at, [{ type: "note.created", subject: second.subject, data: { text: "reescrito" } }])[1] as Event;
        const fourth = extend(held3, at, [created(uuidv7(), "cuarto")])[3] as Event;
        const forged = [first, altered, third, fourth];
        const honest = [...held3, fourth];
        return { origin: "ve", forged, honest, applied: 3, replayHonest: true, replayForged: true };
      },
    }));

  it("refuses an event claiming co's national space, chained onto co's national head", () =>
    run("espacio nacional", {
      code: "mixed_segment",
      build: async ({ space }) => {
        const head = (await co.node.store.heads(NATIONAL_SPACE)).co;
        assert.ok(head);
        const claim: Step = {
          type: "note.created",
          subject: uuidv7(),
          data: { text: "inyectado" },
          tamper: { space: NATIONAL_SPACE, origin: "co", seq: head.seq + 1, prev: head.hash },
        };
        return veChain(space, claim);
      },
    }));

  it("refuses events of an origin with no pinned key (unknown origin) until it is pinned", () =>
    run(
      "origen desconocido",
      {
        code: "unknown_origin",
        build: async ({ space }) => {
          const at = { space, origin: "pe", key: peKeys.privateKey };
          const chain = extend([], at, [joined(space), created(uuidv7(), "de pe")]);
          return { origin: "pe", forged: chain, honest: chain, applied: 0 };
        },
        // The operator pins pe (at an address co cannot reach: its events still come through ve).
        // The node's key cache remembers a miss for up to 5 s, so wait until the pin is seen.
        beforeRetry: async () => {
          await pin("pe", peKeys, "http://127.0.0.1:9");
          await waitFor("pe's key on co", () => co.node.keyOf("pe"), 10_000, 100);
        },
      },
      async (name) => {
        // ve founds a space naming co, pe (never pinned on co) and itself; co joins it.
        const space = uuidv7();
        const genesis = extend([], { space, origin: "ve", key: veKeys.privateKey }, [
          { type: "space.created", subject: space, data: { name, members: ["co", "pe", "ve"] } },
        ]);
        rogue.genesis(space, genesis[0] as Event);
        rogue.serve(space, "ve", genesis);
        await joinSpace(adminOf(co), co.node, space);
        return space;
      },
    ));

  it("waits for a remark whose subject comes on a third member's chain instead of quarantining it", async () => {
    // Three members (br, co, ve): br creates a note, ve remarks on it, and co, which reaches
    // only ve, gets ve's chain before ve relays br's. Not a fault: the remark is just early.
    await pin("br", brKeys, "http://127.0.0.1:9");
    await waitFor("br's key on co", () => co.node.keyOf("br"), 10_000, 100);
    const space = uuidv7();
    const atVe = { space, origin: "ve", key: veKeys.privateKey };
    const genesis = extend([], atVe, [
      { type: "space.created", subject: space, data: { name: "tres miembros", members: ["br", "co", "ve"] } },
    ]);
    rogue.genesis(space, genesis[0] as Event);
    const note = uuidv7();
    const veChain = extend(genesis, atVe, [{ type: "note.remarked", subject: note, data: { text: "comentario de ve" } }]);
    rogue.serve(space, "ve", veChain);
    await joinSpace(adminOf(co), co.node, space);
    await co.replicator.refresh();
    await sleep(2500);
    assert.equal(await headOn(space, "ve"), 1, "the remark waits for its subject");
    assert.deepEqual(await quarantined(space, "ve"), []);

    rogue.serve(space, "br", extend([], { space, origin: "br", key: brKeys.privateKey }, [joined(space), created(note, "nota de br")]));
    await waitFor("br's note and ve's remark on co", async () => (await headOn(space, "br")) === 2 && (await headOn(space, "ve")) === 2);
    assert.deepEqual(await quarantined(space, "ve"), []);
    assert.equal(await held(veChain[1] as Event), true);
  });

  it("re-checks in the background every signature of a large page applied on its last one, and quarantines a bad one", async () => {
    // ve itself signs an event with a wrong key and chains good events onto it: a page of more
    // than 64 events is applied on its last signature, so only the background check can see it.
    const space = await createSpace(adminOf(co), { name: "página grande", members: ["ve"] });
    const steps: Step[] = [joined(space)];
    for (let i = 0; i < 150; i++) steps.push(created(uuidv7(), `nota ${i}`, i === 70 ? { key: stranger.privateKey } : {}));
    const chain = extend([], { space, origin: "ve", key: veKeys.privateKey }, steps);
    rogue.serve(space, "ve", chain);
    await co.replicator.refresh();
    const [q] = await waitFor(
      "the background check's quarantine",
      async () => {
        const open = await quarantined(space, "ve");
        return open.length > 0 ? open : undefined;
      },
      30_000,
    );
    assert.equal(await headOn(space, "ve"), chain.length, "the page was applied on its last signature");
    assert.deepEqual({ code: q?.code, seq: Number(q?.seq) }, { code: "bad_signature", seq: 72 });
    assert.equal((await quarantined(space, "ve")).length, 1);
  });

  it("refuses to join a space for which two peers offer different geneses, and says who proposed the one it joins", async () => {
    // ar, another pinned peer, knows the id of a space ve proposed to co and offers a genesis
    // of its own under it, naming itself and co: co would be writing to ar, not to ve.
    const arKeys = generateNodeKeys();
    const ar = await startRoguePeer("ar", arKeys, { id: "co", publicKey: co.node.keys.publicKey });
    try {
      await pin("ar", arKeys, ar.url);
      await waitFor("ar's key on co", () => co.node.keyOf("ar"), 10_000, 100);
      const space = uuidv7();
      const founding = (origin: string, key: typeof veKeys.privateKey, members: string[]) =>
        extend([], { space, origin, key }, [{ type: "space.created", subject: space, data: { name: "binacional", members } }])[0] as Event;
      const real = founding("ve", veKeys.privateKey, ["co", "ve"]);
      rogue.genesis(space, real);
      ar.genesis(space, founding("ar", arKeys.privateKey, ["ar", "co"]));
      await assert.rejects(joinSpace(adminOf(co), co.node, space), (err: DomainError) => {
        assert.equal(err.code, "space.bad_genesis");
        assert.match(err.message, /one proposed by ar \(members ar, co\); one proposed by ve \(members co, ve\)/);
        return true;
      });
      assert.deepEqual(await co.node.store.heads(space), {}, "nothing of either was applied");
      // ar relays ve's genesis as it is: one genesis, joined, and its proposer said.
      ar.genesis(space, real);
      assert.deepEqual(await joinSpace(adminOf(co), co.node, space), { name: "binacional", members: ["co", "ve"], proposer: "ve" });
    } finally {
      await ar.close();
    }
  });

  it("refuses a bad signature that a later, genuinely signed event of the origin chains onto (a small batch: every signature checked)", async () => {
    const space = await createSpace(adminOf(co), { name: "firma avalada", members: ["ve"] });
    const { forged } = veChain(space, created(uuidv7(), "firmado por otro", { key: stranger.privateKey }));
    const result = await co.node.store.apply(forged);
    assert.equal(result.rejected?.code, "bad_signature");
    assert.equal(result.applied.length, 2);
    assert.equal((await verifyLog(co.node.db, co.node.historicKeyOf)).ok, true);
  });
});
