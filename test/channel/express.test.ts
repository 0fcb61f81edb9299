import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { eventHash, verifyEventSignature } from "../../src/core/log/chain";
import type { NewEvent } from "../../src/core/log/envelope";
import type { Database } from "../../src/server/db/database";
import { type EventRow, rowToEvent } from "../../src/server/db/rows";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { type Cluster, disposeCluster, killChild, openMemberDatabase, stopMember, waitFor } from "../helpers/federation";
import { expecting, httpApi, type MessageBody, openStream, type Stream, users } from "./helpers";

/**
 * Urgent traffic is never stuck behind bulk traffic. ve has been away while co wrote 100,000
 * events; ve comes back (as its own `enlace serve` process) and starts catching up, and co
 * posts a FLASH message: it reaches a ve commander's stream within a second, long before the
 * catch-up gets to it, verified by co's signature and shown as provisional. The commander
 * acknowledges it at once (kept, then signed when the message is held). When the catch-up
 * reaches the message, it is applied normally and the provisional copy gives way to it: one
 * message, same hash, and the acknowledgement reaches co.
 */
const BACKLOG = 100_000;
const BATCH = 5000;
/** A functional bound, not a performance figure: "within a second" (bench/channel.ts measures). */
const DEADLINE_MS = 1000;

let cluster: Cluster;
let co: RunningNode;
let space: string;
let t: Record<string, string>;
let conversation: string;
let veDb: Database | undefined;
let stream: Stream | undefined;

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  const ve = await cluster.start("ve");
  space = await cluster.link();
  t = { ...(await users(co, { ana: "commander" })), ...(await users(ve, { vic: "commander" })) };
  conversation = (
    await expecting(co)<{ id: string }>(t.ana as string, "POST", "/conversations", { members: ["vic@ve"], direct: true }, 201)
  ).id;
  await waitFor(
    "the conversation on ve",
    async () => (await expecting(ve)<{ conversations: unknown[] }>(t.vic as string, "GET", "/conversations")).conversations.length === 1,
  );
  await stopMember(cluster, "ve");
});

after(async () => {
  stream?.close();
  await veDb?.close();
  const child = cluster.member("ve").child;
  if (child) await killChild(child, "SIGKILL");
  cluster.member("ve").child = undefined;
  await disposeCluster(cluster);
});

it("a FLASH message overtakes a 100,000-event backlog, then is reconciled with its chain", async (ctx) => {
  // The backlog: receipts naming no heads, a type every node accepts and projects cheaply.
  const filler: NewEvent = { space, type: "receipt.checkpoint", subject: space, data: { heads: {} }, actor: "federation@co" };
  let t0 = Date.now();
  for (let i = 0; i < BACKLOG; i += BATCH) await co.node.store.append(Array.from({ length: BATCH }, () => filler));
  ctx.diagnostic(`co appended ${BACKLOG} events in ${Date.now() - t0} ms`);

  await cluster.spawnNode("ve");
  const ve = cluster.member("ve");
  veDb = await openMemberDatabase(cluster, "ve");
  const heldFromCo = async () =>
    Number(
      (
        await (veDb as Database).connection((sql) =>
          sql.all<{ seq: number }>("SELECT seq FROM heads WHERE space = ? AND origin = 'co'", [space]),
        )
      )[0]?.seq ?? 0,
    );
  const vic = t.vic as string;
  stream = await openStream(ve.url, vic, "vic");
  // Well into the catch-up (its first pages applied), with most of the backlog still ahead.
  await waitFor("ve to be catching up", async () => (await heldFromCo()) >= 10_000, 60_000);

  t0 = performance.now();
  const flash = await expecting(co)<MessageBody>(
    t.ana as string,
    "POST",
    `/conversations/${conversation}/messages`,
    { body: "**FLASH**: contacto armado en el paso 7, solicito apoyo", precedence: "flash", ackRequired: true },
    201,
  );
  const frame = await stream.next((f) => f.event === "message.posted" && (f.data as MessageBody).id === flash.id, 10_000);
  const elapsed = frame.at - t0;
  const behind = await heldFromCo();
  ctx.diagnostic(`FLASH on vic's stream ${elapsed.toFixed(1)} ms after the POST; ve then held ${behind} of co's ${flash.seq} events`);
  assert.ok(elapsed <= DEADLINE_MS, `the FLASH took ${elapsed.toFixed(1)} ms`);
  const shown = frame.data as MessageBody;
  assert.equal(shown.provisional, true);
  assert.ok(behind < flash.seq, "the chain had not reached the message yet");
  assert.equal(shown.hash, flash.hash);
  assert.equal(shown.body, flash.body);

  // The commander acknowledges at once: kept until the message is held, then signed.
  const api = httpApi(ve.url);
  const ack = await api(vic, "POST", `/messages/${flash.id}/ack`, { comment: "Recibido. Apoyo en camino." });
  assert.equal(ack.status, 202, JSON.stringify(ack.body));
  assert.equal(ack.body.status, "pending");
  const listed = await api(vic, "GET", `/conversations/${conversation}/messages`);
  const early = (listed.body.messages as MessageBody[]).filter((m) => m.id === flash.id);
  assert.equal(early.length, 1);
  assert.deepEqual(early[0]?.mine.pending.sort(), ["acknowledged", "delivered"]);

  // The catch-up reaches it: applied normally, the provisional copy gone, no duplicate.
  t0 = Date.now();
  const confirmed = await stream.next(
    (f) => f.event === "message.posted" && (f.data as MessageBody).id === flash.id && !(f.data as MessageBody).provisional,
    180_000,
  );
  ctx.diagnostic(`applied in its chain ${Date.now() - t0} ms later`);
  assert.equal((confirmed.data as MessageBody).hash, flash.hash);
  const after = await api(vic, "GET", `/conversations/${conversation}/messages`);
  assert.deepEqual(
    (after.body.messages as MessageBody[]).filter((m) => m.id === flash.id).map((m) => m.provisional),
    [false],
  );
  // What ve holds is co's signed event, the one shown: same signature, same hash.
  const [row] = await veDb.connection((sql) =>
    sql.all<EventRow>("SELECT * FROM events WHERE id = (SELECT id FROM events WHERE subject = ? AND type = 'message.posted')", [flash.id]),
  );
  assert.ok(row);
  const held = rowToEvent(row);
  assert.equal(eventHash(held), flash.hash);
  assert.ok(verifyEventSignature(held, co.node.keys.publicKey));

  // The kept acknowledgement (and delivery) were signed by ve and reached co.
  const receipts = await waitFor(
    "the acknowledgement on co",
    async () => {
      const r = await expecting(co)<{
        recipients: { acknowledgedAt: string | null; comment: string | null }[];
        events: { kind: string }[];
      }>(t.ana as string, "GET", `/messages/${flash.id}/receipts`);
      const signed = r.events.map((e) => e.kind);
      return signed.includes("acknowledged") && signed.includes("delivered") ? r : undefined;
    },
    60_000,
    100,
  );
  assert.equal(receipts.recipients[0]?.comment, "Recibido. Apoyo en camino.");
  const pending = await veDb.connection((sql) => sql.all("SELECT * FROM channel_pending"));
  assert.deepEqual(pending, []);
});
