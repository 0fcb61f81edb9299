import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { apiOf, expectProblem } from "../helpers/commitments";
import { type Cluster, disposeCluster, waitFor } from "../helpers/federation";
import { expecting, type MessageBody, openStream, posted, type Stream, users } from "./helpers";

/**
 * The channel across two real nodes (co and ve) in one binational space, on the engine under
 * test: a conversation opened on co reaches ve; a message reaches the addressee's stream
 * whole, and its acceptance, delivery, reading and acknowledgement come back to the author as
 * signed receipts; unread counts, attachments, edits, withdrawal and search work on both
 * sides; and a user of ve who is not a member learns nothing of the conversation.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let space: string;
let t: Record<string, string>;
let call: { co: ReturnType<typeof expecting>; ve: ReturnType<typeof expecting> };
let conversation: string;
let message: MessageBody;
let vicStream: Stream;
let anaStream: Stream;
let luisStream: Stream;

interface Receipts {
  recipients: {
    member: string;
    acceptedAt: string | null;
    deliveredAt: string | null;
    readAt: string | null;
    acknowledgedAt: string | null;
    comment: string | null;
  }[];
  events: { kind: string; origin: string; hash: string }[];
}

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  space = await cluster.link();
  t = { ...(await users(co, { ana: "commander", beto: "officer" })), ...(await users(ve, { vic: "commander", luis: "officer" })) };
  call = { co: expecting(co), ve: expecting(ve) };
  vicStream = await openStream(ve.url, t.vic as string, "vic");
  anaStream = await openStream(co.url, t.ana as string, "ana");
  luisStream = await openStream(ve.url, t.luis as string, "luis");
});

after(async () => {
  for (const s of [vicStream, anaStream, luisStream]) s?.close();
  await disposeCluster(cluster);
});

const ana = () => t.ana as string;
const vic = () => t.vic as string;
const receiptsOnCo = (id: string) => call.co<Receipts>(ana(), "GET", `/messages/${id}/receipts`);

describe("a direct conversation between the commanders", () => {
  it("lives in the binational space, is opened once, and reaches ve", async () => {
    const c = await call.co<{ id: string; space: string; kind: string; members: string[] }>(
      ana(),
      "POST",
      "/conversations",
      { members: ["vic@ve"], direct: true },
      201,
    );
    assert.equal(c.space, space);
    assert.equal(c.kind, "direct");
    assert.deepEqual(c.members, ["ana@co", "vic@ve"]);
    conversation = c.id;
    const again = await call.co<{ id: string }>(ana(), "POST", "/conversations", { members: ["vic@ve"], direct: true }, 200);
    assert.equal(again.id, conversation);
    await waitFor("the conversation on ve", async () => {
      const list = await call.ve<{ conversations: { id: string }[] }>(vic(), "GET", "/conversations");
      return list.conversations.some((x) => x.id === conversation);
    });
  });

  it("a message reaches vic's stream whole, and its acceptance and delivery come back signed", async () => {
    const file = Buffer.from("Informe de patrullaje: sin novedad en el puente.\n");
    message = await call.co<MessageBody>(
      ana(),
      "POST",
      `/conversations/${conversation}/messages`,
      {
        body: "**Atención**: movimiento en el *Río Arauca*, puente 3.",
        precedence: "priority",
        ackRequired: true,
        attachments: [{ name: "informe.txt", type: "text/plain", contentBase64: file.toString("base64") }],
      },
      201,
    );
    assert.equal(message.provisional, false);
    assert.ok(message.dueAt && Date.parse(message.dueAt) - Date.parse(message.postedAt) === 3 * 3600_000);
    const frame = await vicStream.next(posted(message.id));
    const seen = frame.data as MessageBody;
    assert.equal(seen.body, message.body);
    assert.match(seen.html, /^<p><strong>Atención<\/strong>: movimiento en el <em>Río Arauca<\/em>, puente 3\.<\/p>$/);
    assert.equal(seen.hash, message.hash);
    assert.deepEqual(
      seen.attachments.map((a) => a.sha256),
      [createHash("sha256").update(file).digest("hex")],
    );
    assert.equal(seen.mine.isAddressee, true);

    const r = await waitFor("acceptance and delivery on co", async () => {
      const x = await receiptsOnCo(message.id);
      const vr = x.recipients.find((p) => p.member === "vic@ve");
      return vr?.acceptedAt && vr.deliveredAt ? x : undefined;
    });
    assert.deepEqual(r.events.map((e) => [e.kind, e.origin]).sort(), [
      ["accepted", "ve"],
      ["delivered", "ve"],
    ]);
    await anaStream.next((f) => f.event === "message.receipt" && (f.data as { kind: string }).kind === "delivered");
    // The attachment is held on ve byte for byte.
    const res = await apiOf(ve.app)(vic(), "GET", `/messages/${message.id}/attachments/${seen.attachments[0]?.sha256}`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.rawPayload, file);
  });

  it("vic reads and acknowledges with a comment, once; ana sees it", async () => {
    const list = await call.ve<{ conversations: { id: string; unread: number; pendingAcks: number }[] }>(vic(), "GET", "/conversations");
    assert.deepEqual(
      list.conversations.filter((c) => c.id === conversation).map((c) => [c.unread, c.pendingAcks]),
      [[1, 1]],
    );
    assert.equal((await call.ve<{ status: string }>(vic(), "POST", `/messages/${message.id}/read`)).status, "recorded");
    const ack = await call.ve<{ status: string }>(vic(), "POST", `/messages/${message.id}/ack`, { comment: "Recibido, enviamos patrulla" });
    assert.equal(ack.status, "recorded");
    assert.equal((await call.ve<{ status: string }>(vic(), "POST", `/messages/${message.id}/ack`, {})).status, "unchanged");
    const summary = await call.ve<{ unread: number; pendingAcks: number }>(vic(), "GET", "/channel/summary");
    assert.deepEqual([summary.unread, summary.pendingAcks], [0, 0]);

    const r = await waitFor("the acknowledgement on co", async () => {
      const x = await receiptsOnCo(message.id);
      return x.recipients[0]?.acknowledgedAt ? x : undefined;
    });
    assert.equal(r.recipients[0]?.comment, "Recibido, enviamos patrulla");
    assert.ok(r.recipients[0]?.readAt);
    const frame = await anaStream.next((f) => f.event === "message.receipt" && (f.data as { kind: string }).kind === "acknowledged");
    assert.equal((frame.data as { member: string }).member, "vic@ve");
    const view = await call.co<MessageBody>(ana(), "GET", `/messages/${message.id}`);
    assert.deepEqual(view.acknowledgedBy, ["vic@ve"]);
    // An author does not acknowledge its own message.
    expectProblem(await apiOf(co.app)(ana(), "POST", `/messages/${message.id}/ack`, {}), 403, "message.not_addressee");
  });

  it("counts unread messages until they are read", async () => {
    const ids: string[] = [];
    for (const body of ["uno", "dos", "tres"]) {
      ids.push((await call.co<MessageBody>(ana(), "POST", `/conversations/${conversation}/messages`, { body }, 201)).id);
    }
    await waitFor("three unread on ve", async () => {
      const list = await call.ve<{ conversations: { id: string; unread: number }[] }>(vic(), "GET", "/conversations");
      return list.conversations.find((c) => c.id === conversation)?.unread === 3;
    });
    const page = await call.ve<{ messages: MessageBody[] }>(vic(), "GET", `/conversations/${conversation}/messages`);
    assert.deepEqual(
      page.messages.slice(-3).map((m) => m.body),
      ["uno", "dos", "tres"],
    );
    assert.equal((await call.ve<{ marked: number }>(vic(), "POST", `/conversations/${conversation}/read`)).marked, 3);
    assert.equal((await call.ve<{ unread: number }>(vic(), "GET", "/channel/summary")).unread, 0);
    const older = await call.ve<{ messages: MessageBody[]; next: string | null }>(
      vic(),
      "GET",
      `/conversations/${conversation}/messages?limit=2`,
    );
    assert.deepEqual(
      older.messages.map((m) => m.body),
      ["dos", "tres"],
    );
    assert.ok(older.next);
    const before = await call.ve<{ messages: MessageBody[] }>(
      vic(),
      "GET",
      `/conversations/${conversation}/messages?limit=2&before=${older.next}`,
    );
    assert.deepEqual(
      before.messages.map((m) => m.id),
      [message.id, ids[0]],
    );
  });

  it("finds messages by their words on both sides, accents or not", async () => {
    for (const [side, token] of [
      ["co", ana()],
      ["ve", vic()],
    ] as const) {
      const found = await call[side]<{ results: { message: { id: string } }[] }>(token, "GET", "/messages/search?q=rio%20arau");
      assert.deepEqual(
        found.results.map((r) => r.message.id),
        [message.id],
        side,
      );
    }
  });

  it("the author edits (history kept) and withdraws; ve follows", async () => {
    const edited = await call.co<MessageBody>(ana(), "PATCH", `/messages/${message.id}`, { body: "Corrección: puente 4." });
    assert.equal(edited.version, 2);
    expectProblem(await apiOf(ve.app)(vic(), "PATCH", `/messages/${message.id}`, { body: "x" }), 403, "message.not_author");
    await waitFor("version 2 on ve", async () => (await call.ve<MessageBody>(vic(), "GET", `/messages/${message.id}`)).version === 2);
    const history = await call.ve<{ versions: { version: number; body: string }[] }>(vic(), "GET", `/messages/${message.id}/versions`);
    assert.deepEqual(
      history.versions.map((v) => v.version),
      [1, 2],
    );
    await vicStream.next((f) => f.event === "message.updated" && (f.data as MessageBody).version === 2);
    await call.co(ana(), "POST", `/messages/${message.id}/withdraw`, { reason: "duplicado" });
    const gone = await waitFor("the withdrawal on ve", async () => {
      const m = await call.ve<MessageBody>(vic(), "GET", `/messages/${message.id}`);
      return m.withdrawnAt ? m : undefined;
    });
    assert.equal(gone.body, "");
    assert.deepEqual(gone.attachments, []);
    const after = await call.ve<{ versions: { version: number; body: string; html: string }[] }>(
      vic(),
      "GET",
      `/messages/${message.id}/versions`,
    );
    assert.deepEqual(
      after.versions.map((v) => [v.version, v.body, v.html]),
      [
        [1, "", ""],
        [2, "", ""],
      ],
      "a withdrawn message's versions keep no text",
    );
  });
});

describe("a user of ve who is not a member", () => {
  it("cannot read the conversation, its messages, receipts or attachments, nor find them", async () => {
    const luis = t.luis as string;
    const api = apiOf(ve.app);
    assert.deepEqual((await call.ve<{ conversations: unknown[] }>(luis, "GET", "/conversations")).conversations, []);
    expectProblem(await api(luis, "GET", `/conversations/${conversation}`), 404, "conversation.not_found");
    expectProblem(await api(luis, "GET", `/conversations/${conversation}/messages`), 404, "conversation.not_found");
    expectProblem(await api(luis, "POST", `/conversations/${conversation}/messages`, { body: "hola" }), 404, "conversation.not_found");
    expectProblem(await api(luis, "GET", `/messages/${message.id}`), 404, "message.not_found");
    expectProblem(await api(luis, "GET", `/messages/${message.id}/receipts`), 404, "message.not_found");
    expectProblem(await api(luis, "GET", `/messages/${message.id}/versions`), 404, "message.not_found");
    expectProblem(await api(luis, "POST", `/messages/${message.id}/ack`, {}), 404, "message.not_found");
    assert.deepEqual((await call.ve<{ results: unknown[] }>(luis, "GET", "/messages/search?q=uno")).results, []);
  });

  it("hears nothing of it on the stream, where the member heard everything", async () => {
    // A last message, so that both streams have had the time to carry it.
    const last = await call.co<MessageBody>(ana(), "POST", `/conversations/${conversation}/messages`, { body: "fin" }, 201);
    await vicStream.next(posted(last.id));
    await luisStream.next((f) => f.event === "log" && (f.data as { type: string }).type === "receipt.checkpoint");
    const channelTypes = (f: { event: string; data: unknown }) =>
      f.event.startsWith("message.") || /^(message|conversation)\./.test((f.data as { type?: string }).type ?? "");
    assert.deepEqual(luisStream.frames.filter(channelTypes), []);
    assert.ok(vicStream.frames.filter(channelTypes).length > 10);
  });
});

describe("a group across both sides", () => {
  it("is changed by its creator only; a member removed reads no more", async () => {
    const g = await call.co<{ id: string; members: string[] }>(
      ana(),
      "POST",
      "/conversations",
      {
        title: "Sector 3 — Arauca",
        members: ["vic@ve", "luis@ve", "beto@co"],
        tlp: "amber+strict",
      },
      201,
    );
    assert.deepEqual(g.members, ["ana@co", "beto@co", "luis@ve", "vic@ve"]);
    await waitFor("the group on ve", async () => (await apiOf(ve.app)(t.luis, "GET", `/conversations/${g.id}`)).statusCode === 200);
    expectProblem(
      await apiOf(co.app)(ana(), "POST", `/conversations/${g.id}/messages`, { body: "x", tlp: "amber" }),
      422,
      "message.tlp_below_conversation",
    );
    expectProblem(await apiOf(ve.app)(vic(), "PATCH", `/conversations/${g.id}`, { members: ["vic@ve"] }), 403, "conversation.not_creator");
    expectProblem(
      await apiOf(co.app)(t.beto as string, "PATCH", `/conversations/${g.id}`, { title: "otro" }),
      403,
      "conversation.not_creator",
    );
    await call.co(ana(), "PATCH", `/conversations/${g.id}`, { members: ["vic@ve", "beto@co"] });
    await waitFor("luis removed on ve", async () => (await apiOf(ve.app)(t.luis, "GET", `/conversations/${g.id}`)).statusCode === 404);
    const m = await call.co<MessageBody>(ana(), "POST", `/conversations/${g.id}/messages`, { body: "solo para vic y beto" }, 201);
    await vicStream.next(posted(m.id));
    expectProblem(await apiOf(ve.app)(t.luis, "GET", `/messages/${m.id}`), 404, "message.not_found");
    // Removing every member of ve would keep sending ve the group: refused.
    expectProblem(
      await apiOf(co.app)(ana(), "PATCH", `/conversations/${g.id}`, { members: ["beto@co"] }),
      422,
      "conversation.space_too_wide",
    );
  });
});
