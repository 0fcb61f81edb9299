import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { apiOf, countEvents, expectJson, expectProblem } from "../../../test/helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import type { App } from "../http/types";

/**
 * The channel API in-process on one node (its conversations live in the national space):
 * who may do what, bad input answered with a stable code naming the field and nothing
 * written, receipts of local recipients, and the routes' presence in the OpenAPI document.
 */
let t: TestNode & { app: App };
let api: ReturnType<typeof apiOf>;
const tok: Record<string, string> = {};
let conversation: string;
let message: string;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR")]);
const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64");

before(async () => {
  t = await createTestApp();
  api = apiOf(t.app);
  for (const [name, role] of [
    ["ana", "commander"],
    ["bea", "officer"],
    ["carlos", "analyst"],
    ["vera", "viewer"],
    ["eva", "officer"],
  ] as const) {
    tok[name] = await addUser(t.node, name, role);
  }
  conversation = expectJson<{ id: string; space: string }>(
    await api(tok.ana, "POST", "/conversations", { title: "Estado mayor", members: ["bea@co", "carlos@co", "vera@co"], tlp: "amber" }),
    201,
  ).id;
  message = expectJson<{ id: string }>(
    await api(tok.ana, "POST", `/conversations/${conversation}/messages`, {
      body: "Reunión a las 0600",
      precedence: "immediate",
      ackRequired: true,
    }),
    201,
  ).id;
});

after(async () => t.dispose());

/** Bad input: the status, the code, the field, and not one event written. */
async function refused(res: Promise<LightMyRequestResponse>, status: number, code: string, field?: string): Promise<void> {
  const before = await countEvents(t.node);
  const p = expectProblem(await res, status, code);
  if (field)
    assert.ok(
      p.errors?.some((e) => e.field === field),
      `${code}: fields ${JSON.stringify(p.errors)} lack ${field}`,
    );
  assert.equal(await countEvents(t.node), before, `${code} wrote events`);
}

describe("conversations on one node", () => {
  it("an internal group lives in the national space; members read, acknowledge, and local acceptance is the posting", async () => {
    const c = expectJson<{ space: string; members: string[] }>(await api(tok.bea, "GET", `/conversations/${conversation}`));
    assert.equal(c.space, "national");
    assert.deepEqual(c.members, ["ana@co", "bea@co", "carlos@co", "vera@co"]);
    assert.equal(
      expectJson<{ status: string }>(await api(tok.vera, "POST", `/messages/${message}/ack`, { comment: "Enterada" })).status,
      "recorded",
    );
    type Recipient = {
      member: string;
      acceptedAt: string;
      deliveredAt: string | null;
      readAt: string | null;
      acknowledgedAt: string | null;
    };
    const r = expectJson<{ postedAt: string; recipients: Recipient[]; events: { kind: string; member: string }[] }>(
      await api(tok.ana, "GET", `/messages/${message}/receipts`),
    );
    assert.ok(r.recipients.every((x) => x.acceptedAt === r.postedAt));
    assert.deepEqual(
      r.recipients.filter((x) => x.acknowledgedAt).map((x) => x.member),
      ["vera@co"],
    );
    // Acknowledged through the API with no client having reported it: vera has it and has
    // read it, at the latest when she acknowledged; only the acknowledgement was signed.
    const vera = r.recipients.find((x) => x.member === "vera@co");
    assert.deepEqual([vera?.deliveredAt, vera?.readAt], [vera?.acknowledgedAt, vera?.acknowledgedAt]);
    assert.deepEqual(
      r.events.filter((e) => e.member === "vera@co").map((e) => e.kind),
      ["acknowledged"],
    );
    assert.ok(r.recipients.filter((x) => x.member !== "vera@co").every((x) => x.deliveredAt === null && x.readAt === null));
  });

  it("roles: viewers read and acknowledge but do not post; analysts post but do not open conversations", async () => {
    await refused(api(tok.vera, "POST", `/conversations/${conversation}/messages`, { body: "x" }), 403, "auth.forbidden");
    await refused(api(tok.carlos, "POST", "/conversations", { title: "x", members: ["ana@co"] }), 403, "auth.forbidden");
    expectJson(await api(tok.carlos, "POST", `/conversations/${conversation}/messages`, { body: "Recibido" }), 201);
    for (const url of ["/conversations", `/conversations/${conversation}`, `/messages/${message}`, "/channel/summary"]) {
      expectProblem(await api(undefined, "GET", url), 401, "auth.required");
    }
  });

  it("a non-member learns nothing, even that the conversation exists", async () => {
    await refused(api(tok.eva, "GET", `/conversations/${conversation}`), 404, "conversation.not_found");
    await refused(api(tok.eva, "POST", `/conversations/${conversation}/messages`, { body: "x" }), 404, "conversation.not_found");
    await refused(api(tok.eva, "POST", `/messages/${message}/read`), 404, "message.not_found");
    await refused(api(tok.eva, "GET", `/messages/${message}/receipts`), 404, "message.not_found");
    await refused(api(tok.eva, "PATCH", `/conversations/${conversation}`, { title: "mío" }), 404, "conversation.not_found");
  });
});

describe("bad input is refused with nothing written", () => {
  it("opening a conversation", async () => {
    const post = (body: unknown) => api(tok.ana, "POST", "/conversations", body);
    await refused(post({}), 400, "validation.failed", "members");
    await refused(post({ title: "x", members: ["bea"] }), 400, "validation.failed", "members.0");
    await refused(post({ title: "x", members: ["bea@co", "bea@co"] }), 400, "validation.failed", "members");
    await refused(post({ members: ["bea@co"] }), 400, "validation.failed", "title");
    await refused(post({ title: "x", members: ["bea@co"], tlp: "purple" }), 400, "validation.failed", "tlp");
    await refused(post({ title: "x", members: ["bea@co"], extra: 1 }), 400, "validation.failed");
    await refused(post({ title: "x", members: ["nadie@co"] }), 422, "conversation.unknown_member", "members.0");
    await refused(post({ title: "x", members: ["vic@ve"] }), 422, "conversation.no_space", "members");
    await refused(post({ title: "x", members: ["bea@co"], space: "0190aaaa-0000-7000-8000-000000000000" }), 404, "space.unknown", "space");
    await refused(post({ members: ["bea@co", "eva@co"], direct: true }), 400, "validation.failed", "members");
    await refused(api(tok.ana, "POST", "/conversations", "no es json", { "content-type": "application/json" }), 400, "request.malformed");
  });

  it("posting a message", async () => {
    const post = (body: unknown) => api(tok.ana, "POST", `/conversations/${conversation}/messages`, body);
    await refused(post({ body: "" }), 400, "validation.failed", "body");
    await refused(post({ body: "x".repeat(20_001) }), 400, "validation.failed", "body");
    await refused(post({ body: "campana\u0007" }), 400, "validation.failed", "body");
    await refused(post({ body: "x", precedence: "urgent" }), 400, "validation.failed", "precedence");
    await refused(post({ body: "x", ackRequired: "yes" }), 400, "validation.failed", "ackRequired");
    await refused(post({ body: "x", tlp: "green" }), 422, "message.tlp_below_conversation", "tlp");
    await refused(post({ body: "x", replyTo: "no" }), 400, "validation.failed", "replyTo");
    await refused(post({ body: "x", replyTo: "0190aaaa-0000-7000-8000-000000000000" }), 422, "message.bad_reply", "replyTo");
    await refused(api(tok.ana, "POST", "/conversations/not-a-uuid/messages", { body: "x" }), 400, "validation.failed", "path.id");
    await refused(
      api(tok.ana, "POST", "/conversations/0190aaaa-0000-7000-8000-000000000000/messages", { body: "x" }),
      404,
      "conversation.not_found",
    );
  });

  it("attachments over the limit or of a refused type", async () => {
    const post = (files: unknown[]) =>
      api(tok.ana, "POST", `/conversations/${conversation}/messages`, { body: "adjunto", attachments: files });
    const file = (type: string, content: Buffer | string, name = "f.bin") => ({ name, type, contentBase64: b64(content) });
    await refused(post([file("application/x-msdownload", "MZ\u0090\u0000")]), 415, "attachment.type_refused", "attachments.0.type");
    await refused(post([file("text/html", "<script>x</script>")]), 415, "attachment.type_refused", "attachments.0.type");
    await refused(
      post([file("text/plain", Buffer.alloc(1024 * 1024 + 1, 0x41))]),
      413,
      "attachment.too_large",
      "attachments.0.contentBase64",
    );
    await refused(
      post([file("text/plain", "ok"), file("image/png", "MZ not a png")]),
      415,
      "attachment.type_mismatch",
      "attachments.1.type",
    );
    await refused(post([file("image/png", PNG, "../../etc/passwd")]), 400, "validation.failed", "attachments.0.name");
    await refused(post(Array.from({ length: 5 }, () => file("image/png", PNG))), 400, "validation.failed", "attachments");
    await refused(
      post([{ name: "f", type: "text/plain", contentBase64: "no es base64!" }]),
      400,
      "validation.failed",
      "attachments.0.contentBase64",
    );
    const big = { name: "f", type: "text/plain", contentBase64: "A".repeat(8 * 1024 * 1024) };
    await refused(post([big, big]), 413, "request.too_large");
    // Within the limits: stored, hashed, downloadable by a member only.
    const ok = expectJson<{ id: string; attachments: { sha256: string; size: number }[] }>(
      await post([file("image/png", PNG, "mapa.png")]),
      201,
    );
    const sha = ok.attachments[0]?.sha256;
    const res = await api(tok.bea, "GET", `/messages/${ok.id}/attachments/${sha}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-type"], "image/png");
    assert.deepEqual(res.rawPayload, PNG);
    expectProblem(await api(tok.eva, "GET", `/messages/${ok.id}/attachments/${sha}`), 404, "message.not_found");
    expectProblem(await api(tok.bea, "GET", `/messages/${message}/attachments/${sha}`), 404, "attachment.not_found");
  });

  it("changing, withdrawing and acknowledging", async () => {
    await refused(api(tok.bea, "PATCH", `/messages/${message}`, { body: "otro" }), 403, "message.not_author");
    await refused(api(tok.ana, "PATCH", `/messages/${message}`, { body: "" }), 400, "validation.failed", "body");
    await refused(api(tok.ana, "POST", `/messages/${message}/ack`, {}), 403, "message.not_addressee");
    await refused(api(tok.bea, "POST", `/messages/${message}/ack`, { comment: "x".repeat(2001) }), 400, "validation.failed", "comment");
    await refused(api(tok.bea, "PATCH", `/conversations/${conversation}`, { title: "mío" }), 403, "conversation.not_creator");
    await refused(api(tok.ana, "PATCH", `/conversations/${conversation}`, {}), 400, "validation.failed");
    await refused(
      api(tok.ana, "PATCH", `/conversations/${conversation}`, { members: ["nadie@co"] }),
      422,
      "conversation.unknown_member",
      "members.0",
    );
    const w = expectJson<{ id: string }>(await api(tok.ana, "POST", `/conversations/${conversation}/messages`, { body: "a retirar" }), 201);
    expectJson(await api(tok.ana, "POST", `/messages/${w.id}/withdraw`, { reason: "error" }));
    await refused(api(tok.ana, "POST", `/messages/${w.id}/withdraw`, {}), 409, "message.withdrawn");
    await refused(api(tok.bea, "POST", `/messages/${w.id}/ack`, {}), 409, "message.withdrawn");
  });

  it("reading and searching", async () => {
    await refused(api(tok.ana, "GET", "/messages/search?q="), 400, "validation.failed", "query.q");
    await refused(api(tok.ana, "GET", "/messages/search?q=%21%21%21"), 400, "validation.failed", "query.q");
    await refused(api(tok.ana, "GET", `/conversations/${conversation}/messages?before=zzz`), 400, "validation.failed", "query.before");
    await refused(api(tok.ana, "GET", `/conversations/${conversation}/messages?limit=0`), 400, "validation.failed", "query.limit");
    const found = expectJson<{ results: { message: { id: string } }[] }>(await api(tok.bea, "GET", "/messages/search?q=reunion%200600"));
    assert.deepEqual(
      found.results.map((r) => r.message.id),
      [message],
    );
  });
});

describe("the OpenAPI document", () => {
  it("describes every channel route with its request and answer", async () => {
    const doc = expectJson<{ paths: Record<string, Record<string, { responses?: Record<string, unknown>; requestBody?: unknown }>> }>(
      await t.app.inject({ method: "GET", url: "/api/openapi.json" }),
    );
    for (const [path, method] of [
      ["/api/v1/conversations", "post"],
      ["/api/v1/conversations", "get"],
      ["/api/v1/conversations/{id}", "patch"],
      ["/api/v1/conversations/{id}/messages", "get"],
      ["/api/v1/conversations/{id}/messages", "post"],
      ["/api/v1/conversations/{id}/read", "post"],
      ["/api/v1/messages/{id}", "patch"],
      ["/api/v1/messages/{id}/withdraw", "post"],
      ["/api/v1/messages/{id}/ack", "post"],
      ["/api/v1/messages/{id}/read", "post"],
      ["/api/v1/messages/{id}/receipts", "get"],
      ["/api/v1/messages/{id}/versions", "get"],
      ["/api/v1/messages/search", "get"],
      ["/api/v1/channel/summary", "get"],
    ] as const) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      assert.ok(
        Object.keys(op.responses ?? {}).some((s) => s.startsWith("2")),
        `${method} ${path} documents its answer`,
      );
    }
    assert.ok(doc.paths["/api/v1/conversations/{id}/messages"]?.post?.requestBody);
    assert.equal(JSON.stringify(doc.paths).includes("/federation/v1/express"), false);
  });
});
