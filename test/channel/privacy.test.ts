import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createHlc } from "../../src/core/log/hlc";
import { createEventRegistry } from "../../src/core/log/registry";
import { createEventStore, EventRejectedError } from "../../src/server/db/event-store";
import { createPeerClient } from "../../src/server/federation/client";
import { createSpace, joinSpace } from "../../src/server/federation/commands";
import { isSpaceMember, listQuarantine } from "../../src/server/federation/queries";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { apiOf, expectProblem } from "../helpers/commitments";
import { adminOf, type Cluster, disposeCluster, waitFor } from "../helpers/federation";
import { expecting, type MessageBody, users } from "./helpers";

/**
 * Who receives a conversation, across three real nodes (co, ve, br) that share a trilateral
 * space, co and ve also sharing a binational one. A chain cannot be filtered per peer, so a
 * conversation lives in the space of exactly its members' nodes: a co–ve conversation goes to
 * the binational space, and br — a member of the trilateral space only — never receives its
 * events, cannot ask for them, and its express lane does not carry them. A receipt written
 * by a node the message is not addressed to is refused, and quarantined when received.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let br: RunningNode;
let trilateral: string;
let binational: string;
let t: Record<string, string>;
let direct: string;
let group: string;

before(async () => {
  cluster = await createCluster(["co", "ve", "br"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  br = await cluster.start("br");
  trilateral = await cluster.link("Espacio trilateral");
  binational = await createSpace(adminOf(co), { name: "Espacio binacional", members: ["ve"] });
  await joinSpace(adminOf(ve), ve.node, binational);
  for (const r of [co, ve, br]) await r.replicator.refresh();
  t = {
    ...(await users(co, { ana: "commander" })),
    ...(await users(ve, { vic: "commander" })),
    ...(await users(br, { joao: "commander" })),
  };
});

after(async () => disposeCluster(cluster));

describe("a conversation's space", () => {
  it("is the one of exactly its members' nodes", async () => {
    const c = await expecting(co)<{ id: string; space: string }>(
      t.ana as string,
      "POST",
      "/conversations",
      { members: ["vic@ve"], direct: true },
      201,
    );
    assert.equal(c.space, binational);
    direct = c.id;
    const g = await expecting(co)<{ id: string; space: string }>(
      t.ana as string,
      "POST",
      "/conversations",
      { title: "Tres fronteras", members: ["vic@ve", "joao@br"] },
      201,
    );
    assert.equal(g.space, trilateral);
    group = g.id;
  });

  it("refuses a space that reaches a node where no member is, writing nothing", async () => {
    // Replication writes receipts meanwhile: count what these requests could have written.
    const conversations = () =>
      co.node.db.connection(async (sql) =>
        Number((await sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE type LIKE 'conversation.%'"))[0]?.n),
      );
    const before = await conversations();
    const api = apiOf(co.app);
    const wide = expectProblem(
      await api(t.ana, "POST", "/conversations", { title: "x", members: ["vic@ve"], space: trilateral }),
      422,
      "conversation.space_too_wide",
    );
    assert.deepEqual(
      wide.errors?.map((e) => e.field),
      ["space"],
    );
    expectProblem(
      await api(t.ana, "POST", "/conversations", { title: "x", members: ["joao@br"], space: binational }),
      422,
      "conversation.member_outside_space",
    );
    expectProblem(await api(t.ana, "POST", "/conversations", { title: "x", members: ["joao@br"] }), 422, "conversation.no_space");
    assert.equal(await conversations(), before);
  });
});

describe("a node with no member in the conversation", () => {
  it("never receives its events, cannot ask for them, and its express lane does not carry them", async () => {
    const post = (conversation: string, body: string) =>
      expecting(co)<MessageBody>(t.ana as string, "POST", `/conversations/${conversation}/messages`, { body, precedence: "flash" }, 201);
    const secret = await post(direct, "Solo para Venezuela: coordenadas del punto de encuentro");
    const shared = await post(group, "Para las tres fuerzas");
    await waitFor("the co–ve message on ve", async () => (await apiOf(ve.app)(t.vic, "GET", `/messages/${secret.id}`)).statusCode === 200);
    // br replicates actively: it holds the trilateral message.
    await waitFor(
      "the trilateral message on br",
      async () => (await apiOf(br.app)(t.joao, "GET", `/messages/${shared.id}`)).statusCode === 200,
    );
    const held = await br.node.db.connection((sql) =>
      sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE space = ? OR subject IN (?, ?)", [binational, direct, secret.id]),
    );
    assert.equal(Number(held[0]?.n), 0);
    expectProblem(await apiOf(br.app)(t.joao, "GET", `/messages/${secret.id}`), 404, "message.not_found");

    // br asks co for the binational chain, signed with its own key: the space does not exist for it.
    const asBr = createPeerClient({ id: "br", keys: br.node.keys }, { node: "co", url: co.url, publicKey: co.node.keys.publicKey });
    const refused = await asBr.request("GET", `/federation/v1/spaces/${binational}/events?origin=co`);
    assert.equal(refused.status, 404);
    assert.equal(JSON.parse(refused.body.toString()).code, "space.unknown");
    // co's express lane gives br the trilateral FLASH, never the binational one.
    const lane = await asBr.request("GET", "/federation/v1/express?after=0");
    assert.equal(lane.status, 200);
    const subjects = (JSON.parse(lane.body.toString()) as { events: { subject: string; space: string }[] }).events;
    assert.ok(subjects.some((e) => e.subject === shared.id));
    assert.deepEqual(
      subjects.filter((e) => e.space === binational),
      [],
    );
    // ve's own lane gives it the binational one.
    const asVe = createPeerClient({ id: "ve", keys: ve.node.keys }, { node: "co", url: co.url, publicKey: co.node.keys.publicKey });
    const veLane = JSON.parse((await asVe.request("GET", "/federation/v1/express?after=0")).body.toString()) as {
      events: { subject: string }[];
    };
    assert.ok(veLane.events.some((e) => e.subject === secret.id));
  });
});

describe("the addressee rule", () => {
  it("refuses, then quarantines, a receipt by a node the message is not addressed to", async () => {
    const m = await expecting(co)<MessageBody>(
      t.ana as string,
      "POST",
      `/conversations/${direct}/messages`,
      { body: "Acuse requerido", ackRequired: true },
      201,
    );
    await waitFor("the message on ve", async () => (await apiOf(ve.app)(t.vic, "GET", `/messages/${m.id}`)).statusCode === 200);
    const forgedAck = {
      space: binational,
      type: "message.acknowledged",
      subject: m.id,
      actor: "ana@co",
      data: { user: "ana", at: new Date().toISOString(), comment: null, version: 1 },
    };
    // co's own rules refuse it: co is not an addressee of its own message.
    await assert.rejects(co.node.store.append([forgedAck]), (err) => err instanceof EventRejectedError && err.code === "wrong_writer");

    // A tampered co, whose rule book lets any member acknowledge, signs it with co's real key.
    const definitions = co.node.model.registry
      .all()
      .map((d) => (d.type === "message.acknowledged" ? { ...d, writer: "member" as const } : d));
    const tampered = createEventStore({
      db: co.node.db,
      registry: createEventRegistry(definitions),
      projections: co.node.model.projections,
      node: { id: "co", keys: co.node.keys },
      clock: createHlc(),
      keyOf: (origin, sql) => co.node.keyOf(origin, sql),
      isMember: isSpaceMember,
    });
    const [forged] = await tampered.append([forgedAck]);
    assert.ok(forged);
    const [q] = await waitFor("the quarantine on ve", async () => {
      const open = await ve.node.db.connection((sql) => listQuarantine(sql));
      return open.length > 0 ? open : undefined;
    });
    assert.deepEqual({ origin: q?.origin, seq: Number(q?.seq), code: q?.code }, { origin: "co", seq: forged.seq, code: "wrong_writer" });
    const onVe = await expecting(ve)<MessageBody>(t.vic as string, "GET", `/messages/${m.id}`);
    assert.deepEqual(onVe.acknowledgedBy, []);
  });
});
