import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { createEscalator } from "../../src/server/channel/escalation";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { type Cluster, disposeCluster, waitFor } from "../helpers/federation";
import { expecting, type MessageBody, openStream, posted, type Stream, users } from "./helpers";

/**
 * ACP 121 handling objectives across two real nodes, with the escalation scheduler's clock
 * in the test's hands: an acknowledgement-required message still unacknowledged when its
 * objective passes is escalated once, by its author's node only; the author and the
 * conversation's commanders are alerted on both sides, other members are not; an
 * acknowledged message, or one that asks for no acknowledgement, is never escalated.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let t: Record<string, string>;
let group: string;
const streams: Stream[] = [];

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  await cluster.link();
  t = { ...(await users(co, { ana: "commander" })), ...(await users(ve, { vic: "commander", olga: "officer" })) };
  group = (
    await expecting(co)<{ id: string }>(
      t.ana as string,
      "POST",
      "/conversations",
      { title: "Mando — sector 2", members: ["vic@ve", "olga@ve"] },
      201,
    )
  ).id;
  await waitFor(
    "the group on ve",
    async () => (await expecting(ve)<{ conversations: unknown[] }>(t.olga as string, "GET", "/conversations")).conversations.length === 1,
  );
});

after(async () => {
  for (const s of streams) s.close();
  await disposeCluster(cluster);
});

it("escalates an unacknowledged message once its objective passes, on the author's node only", async () => {
  const ana = t.ana as string;
  const vic = t.vic as string;
  const [anaStream, vicStream, olgaStream] = await Promise.all([
    openStream(co.url, ana, "ana"),
    openStream(ve.url, vic, "vic"),
    openStream(ve.url, t.olga as string, "olga"),
  ]);
  streams.push(anaStream, vicStream, olgaStream);
  const post = (body: string, precedence: string, ackRequired: boolean) =>
    expecting(co)<MessageBody>(ana, "POST", `/conversations/${group}/messages`, { body, precedence, ackRequired }, 201);
  const late = await post("Columna detectada en el paso 7", "flash", true);
  const acked = await post("Confirmen posición", "flash", true);
  const noAck = await post("Para su información", "flash", false);
  assert.equal(noAck.dueAt, null);
  const due = Date.parse(late.dueAt as string);
  assert.equal(due - Date.parse(late.postedAt), 10 * 60_000);

  // Both addressees acknowledge one of them; the other is acknowledged by olga only.
  for (const m of [acked, late, noAck]) await vicStream.next(posted(m.id));
  for (const token of [vic, t.olga as string]) await expecting(ve)(token, "POST", `/messages/${acked.id}/ack`, {});
  await expecting(ve)(t.olga as string, "POST", `/messages/${late.id}/ack`, { comment: "visto" });
  await waitFor("the acknowledgements on co", async () => {
    const m = await expecting(co)<MessageBody>(ana, "GET", `/messages/${acked.id}`);
    const l = await expecting(co)<MessageBody>(ana, "GET", `/messages/${late.id}`);
    return m.acknowledgedBy.length === 2 && l.acknowledgedBy.length === 1;
  });

  let now = due - 1;
  const escalator = createEscalator(co.node.store, "co", { now: () => now });
  assert.deepEqual(await escalator.tick(), [], "not before its objective");
  // ve may not escalate co's messages, whatever its clock says.
  assert.deepEqual(await createEscalator(ve.node.store, "ve", { now: () => due + 3600_000 }).tick(), []);
  now = due + 1;
  assert.deepEqual(await escalator.tick(), [late.id]);
  assert.deepEqual(await escalator.tick(), [], "escalated once");

  const onCo = await expecting(co)<MessageBody>(ana, "GET", `/messages/${late.id}`);
  assert.ok(onCo.escalatedAt);
  const alert = await anaStream.next((f) => f.event === "message.escalated");
  assert.deepEqual((alert.data as { message: string; pending: string[] }).pending, ["vic@ve"]);
  const remote = await vicStream.next((f) => f.event === "message.escalated");
  assert.equal((remote.data as { message: string }).message, late.id);
  await waitFor(
    "the escalation on ve",
    async () => (await expecting(ve)<MessageBody>(vic, "GET", `/messages/${late.id}`)).escalatedAt !== null,
  );
  // olga, an officer, sees the change on her stream but is not alerted.
  await olgaStream.next((f) => f.event === "log" && (f.data as { type: string }).type === "message.escalated");
  assert.equal(olgaStream.frames.filter((f) => f.event === "message.escalated").length, 0);
  assert.equal((await expecting(co)<{ escalated: number }>(ana, "GET", "/channel/summary")).escalated, 1);
  assert.equal((await expecting(ve)<{ escalated: number }>(vic, "GET", "/channel/summary")).escalated, 1);
  assert.equal((await expecting(ve)<{ escalated: number }>(t.olga as string, "GET", "/channel/summary")).escalated, 0);

  // Acknowledging afterwards settles it; nothing more is escalated.
  await expecting(ve)(vic, "POST", `/messages/${late.id}/ack`, { comment: "tarde, pero recibido" });
  await waitFor(
    "the late acknowledgement on co",
    async () => (await expecting(co)<{ escalated: number }>(ana, "GET", "/channel/summary")).escalated === 0,
  );
  now = due + 24 * 3600_000;
  assert.deepEqual(await escalator.tick(), []);
});
