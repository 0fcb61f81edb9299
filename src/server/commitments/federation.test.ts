import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createCluster } from "../../../test/helpers/cluster";
import { type ActivityBody, apiOf, dayFromToday, expectJson, expectProblem } from "../../../test/helpers/commitments";
import { type Cluster, disposeCluster, sleep, waitFor } from "../../../test/helpers/federation";
import { addUser } from "../../../test/helpers/node";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { createHlc } from "../../core/log/hlc";
import { createEventRegistry } from "../../core/log/registry";
import { createEventStore } from "../db/event-store";
import { isSpaceMember, listQuarantine } from "../federation/queries";
import type { RunningNode } from "../main";

/**
 * Commitments across two real nodes (co and ve) peered in one binational space, on the
 * engine under test: what co creates reaches ve; ve's progress report reaches co's activity
 * within a second; ve cannot change co's activity, neither through its API nor by sending a
 * crafted, correctly signed event, which co quarantines.
 */
let cluster: Cluster;
let space: string;
let co: RunningNode;
let ve: RunningNode;
const api: Record<"co" | "ve", ReturnType<typeof apiOf>> = {} as Record<"co" | "ve", ReturnType<typeof apiOf>>;
let ana: string; // admin on co
let luis: string; // officer on ve
let vicente: string; // analyst on ve
let statementId: string;
let operationId: string;
let activityId: string;

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  space = await cluster.link();
  api.co = apiOf(co.app);
  api.ve = apiOf(ve.app);
  ana = await addUser(co.node, "ana", "admin");
  luis = await addUser(ve.node, "luis", "officer");
  vicente = await addUser(ve.node, "vicente", "analyst");

  const s = await api.co(ana, "POST", "/statements", {
    date: "2023-05-11",
    title: "Declaración conjunta de Caracas",
    agreements: [{ number: 1, text: "Reconocer el avance de las 16 actividades" }],
  });
  statementId = expectJson<{ id: string }>(s, 201).id;
  const agreementId = expectJson<{ agreements: { id: string }[] }>(s, 201).agreements[0]?.id;
  const op = await api.co(ana, "POST", "/operations", { name: "Escudo Bolivariano", agreementIds: [agreementId] });
  operationId = expectJson<{ id: string }>(op, 201).id;
  const a = await api.co(ana, "POST", "/activities", {
    operationId,
    number: 1,
    title: "Patrullaje coordinado en el puente Simón Bolívar",
    responsibleUnit: "Brigada 30",
    dueDate: dayFromToday(120),
  });
  activityId = expectJson<{ id: string }>(a, 201).id;
  expectJson(await api.co(ana, "PATCH", `/activities/${activityId}`, { level: 1 }));
});

after(async () => {
  await disposeCluster(cluster);
});

/**
 * Events a node wrote itself, receipts aside: its replicator signs receipts into the shared
 * space on its own while the suite runs, so the whole log is not a stable count.
 */
const ownWrites = async (r: RunningNode) => {
  const rows = await r.node.db.connection((sql) =>
    sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE origin = ? AND type <> 'receipt.checkpoint'", [r.node.config.node]),
  );
  return Number(rows[0]?.n);
};

/** Waits until `to` holds every event of `from`'s chain in the space: the stream is live. */
const caughtUp = (from: RunningNode, to: RunningNode) =>
  waitFor(
    `${to.node.config.node} to hold ${from.node.config.node}'s chain`,
    async () => {
      const self = from.node.config.node;
      const mine = (await from.node.store.heads(space))[self]?.seq ?? 0;
      return mine > 0 && (await to.node.store.heads(space))[self]?.seq === mine;
    },
    15_000,
  );

const activityOn = async (node: "co" | "ve", token: string) => {
  const res = await api[node](token, "GET", `/activities/${activityId}`);
  return res.statusCode === 200 ? res.json<ActivityBody>() : undefined;
};

describe("commitments between co and ve", () => {
  it("co's statement, operation and activity live in the shared space and reach ve", async () => {
    const held = await waitFor("co's activity on ve", async () => {
      const a = await activityOn("ve", luis);
      return a?.level === 1 ? a : undefined;
    });
    assert.deepEqual(
      [held.space, held.ownerNode, held.operationId, held.title],
      [space, "co", operationId, "Patrullaje coordinado en el puente Simón Bolívar"],
    );
    const s = expectJson<{ space: string; ownerNode: string; agreements: unknown[] }>(
      await api.ve(luis, "GET", `/statements/${statementId}`),
    );
    assert.deepEqual([s.space, s.ownerNode, s.agreements.length], [space, "co", 1]);
    const ops = expectJson<{ id: string; ownerNode: string; percent: number }[]>(await api.ve(luis, "GET", "/operations"));
    assert.deepEqual(
      ops.map((o) => [o.id, o.ownerNode, o.percent]),
      [[operationId, "co", 33.3]],
    );
  });

  it("a report posted on ve shows on co's activity within a second", async () => {
    await waitFor("co's activity on ve", () => activityOn("ve", vicente));
    // Right after peering, co's stream of ve may still be parked (see the report): time from a live link.
    await caughtUp(ve, co);
    const t0 = Date.now();
    const posted = await api.ve(vicente, "POST", `/activities/${activityId}/reports`, {
      date: dayFromToday(0),
      proposedLevel: 2,
      narrative: "La FANB completó el patrullaje del lado venezolano",
    });
    const { id } = expectJson<{ id: string }>(posted, 201);
    const shown = await waitFor("ve's report on co", async () => (await activityOn("co", ana))?.reports.find((r) => r.id === id), 1000, 5);
    const elapsed = Date.now() - t0;
    assert.ok(elapsed < 1000, `${elapsed} ms`);
    assert.deepEqual([shown.node, shown.author, shown.proposedLevel], ["ve", "vicente@ve", 2]);
    const onCo = await activityOn("co", ana);
    // A report proposes; only the owner sets the level.
    assert.equal(onCo?.level, 1);
    assert.ok(onCo?.history.some((h) => h.type === "activity.report_posted" && h.node === "ve" && h.actor === "vicente@ve"));
  });

  it("ve cannot change co's activity through its API: 403 activity.not_owner, nothing written", async () => {
    await waitFor("co's activity on ve", () => activityOn("ve", luis));
    for (const patch of [{ level: 3 }, { status: "at_risk" }, { dueDate: dayFromToday(365) }, { title: "Cambiado por ve" }]) {
      const before = await ownWrites(ve);
      const es = expectProblem(await api.ve(luis, "PATCH", `/activities/${activityId}`, patch), 403, "activity.not_owner");
      assert.equal(es.title, "Solo el nodo propietario puede modificar esta actividad; publique un informe de avance.");
      assert.match(es.detail ?? "", /only co/);
      assert.equal(await ownWrites(ve), before, JSON.stringify(patch));
    }
    const en = await api.ve(luis, "PATCH", `/activities/${activityId}`, { level: 3 }, { "accept-language": "en" });
    assert.equal(
      expectProblem(en, 403, "activity.not_owner").title,
      "Only the owner node may change this activity; post a progress report instead.",
    );
    assert.equal((await activityOn("ve", luis))?.level, 1);
    assert.equal((await activityOn("co", ana))?.level, 1);
  });

  it("ve's own activity is ve's: co lists it by owner and cannot change it either", async () => {
    const mine = await api.ve(luis, "POST", "/activities", {
      operationId,
      title: "Control fluvial",
      responsibleUnit: "REDI Los Andes",
      dueDate: dayFromToday(60),
    });
    const { id, ownerNode } = expectJson<{ id: string; ownerNode: string }>(mine, 201);
    assert.equal(ownerNode, "ve");
    const listed = await waitFor("ve's activity on co", async () => {
      const page = expectJson<{ items: { id: string }[] }>(await api.co(ana, "GET", "/activities?ownerNode=ve"));
      return page.items.length > 0 ? page.items : undefined;
    });
    assert.deepEqual(
      listed.map((a) => a.id),
      [id],
    );
    const before = await ownWrites(co);
    expectProblem(await api.co(ana, "PATCH", `/activities/${id}`, { level: 2 }), 403, "activity.not_owner");
    assert.equal(await ownWrites(co), before);
  });

  it("a crafted, correctly signed level change by ve is quarantined on co; nothing after it applies", async () => {
    await waitFor("co's activity on ve", () => activityOn("ve", luis));
    // A tampered ve: its rule book lets any member set a level. It signs with ve's real key
    // and continues ve's real chain, so the event passes signature and chain checks on co.
    const definitions = ve.node.model.registry
      .all()
      .map((d) => (d.type === "activity.level_set" ? { ...d, writer: "member" as const } : d));
    const tampered = createEventStore({
      db: ve.node.db,
      registry: createEventRegistry(definitions),
      projections: ve.node.model.projections,
      node: { id: "ve", keys: ve.node.keys },
      clock: createHlc(),
      keyOf: (origin, sql) => ve.node.keyOf(origin, sql),
      isMember: isSpaceMember,
    });
    const [forged] = await tampered.append([
      {
        space,
        type: "activity.level_set",
        subject: activityId,
        actor: "luis@ve",
        data: { level: 3, on: dayFromToday(0), note: "forzado por ve" },
      },
    ]);
    assert.ok(forged);
    // A legitimate report from ve after the forged event.
    const later = expectJson<{ id: string }>(
      await api.ve(vicente, "POST", `/activities/${activityId}/reports`, {
        date: dayFromToday(0),
        proposedLevel: 3,
        narrative: "Posterior",
      }),
      201,
    );

    const open = () => co.node.db.connection((sql) => listQuarantine(sql));
    const [q] = await waitFor("the quarantine on co", async () => ((await open()).length > 0 ? open() : undefined));
    assert.ok(q);
    assert.deepEqual(
      { peer: q.peer, space: q.space, origin: q.origin, seq: Number(q.seq), code: q.code },
      { peer: "ve", space, origin: "ve", seq: forged.seq, code: "wrong_writer" },
    );
    assert.equal(JSON.parse(q.event).id, forged.id);
    const alerts = await co.node.db.connection((sql) =>
      sql.all<{ data: string }>("SELECT data FROM events WHERE space = ? AND type = 'peer.event_quarantined'", [NATIONAL_SPACE]),
    );
    assert.deepEqual(
      alerts.map((a) => JSON.parse(a.data).code),
      ["wrong_writer"],
    );
    // Visible to co's operators through the API.
    const listedByApi = expectJson<{ id: string; code: string }[]>(await api.co(ana, "GET", "/quarantine"));
    assert.deepEqual(
      listedByApi.map((x) => [x.id, x.code]),
      [[q.id, "wrong_writer"]],
    );

    const halted = async () => {
      assert.equal((await co.node.store.heads(space)).ve?.seq, forged.seq - 1);
      const held = await co.node.db.connection((sql) => sql.all("SELECT id FROM events WHERE id = ?", [forged.id]));
      assert.deepEqual(held, []);
      const a = await activityOn("co", ana);
      assert.equal(a?.level, 1);
      assert.ok(!a?.history.some((h) => h.type === "activity.level_set" && h.node === "ve"));
      assert.ok(!a?.reports.some((r) => r.id === later.id), "a report after the forged event was applied");
    };
    await halted();
    // The stream stays stopped (it rechecks every 2 s) and raises the alert once.
    await sleep(2500);
    await halted();
    assert.equal((await open()).length, 1);

    // Retrying a genuinely bad event refuses it again: a new quarantine, still nothing applied.
    const retried = await api.co(ana, "POST", `/quarantine/${q.id}/retry`);
    assert.equal(retried.statusCode, 204, retried.body);
    const [again] = await waitFor("the second quarantine", async () => {
      const rows = await open();
      return rows.length === 1 && rows[0]?.id !== q.id ? rows : undefined;
    });
    assert.deepEqual([again?.code, Number(again?.seq)], ["wrong_writer", forged.seq]);
    await halted();
  });
});
