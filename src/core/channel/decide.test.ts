import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../errors";
import { createEventRegistry } from "../log/registry";
import { contentMatches, prepareAttachments } from "./attachments";
import {
  type ConversationState,
  checkSpaceNodes,
  decideConversation,
  decideConversationUpdate,
  decideEdit,
  decidePost,
  decideReceipt,
  decideWithdraw,
  type MessageState,
} from "./decide";
import { CHANNEL_EVENTS } from "./events";
import { canChannel } from "./policy";
import { conversationInput, messageInput } from "./schema";

/** The channel's pure decisions, its policy, the attachment checks and the `addressee` writer rule. */
const code = (code: string, field?: string) => (err: unknown) => {
  assert.ok(err instanceof DomainError, String(err));
  assert.equal(err.code, code);
  if (field) assert.equal(err.field, field);
  return true;
};

const conv: ConversationState = {
  id: "c1",
  space: "s-binational",
  ownerNode: "co",
  kind: "direct",
  title: "",
  tlp: "amber",
  members: ["ana@co", "vic@ve"],
  createdBy: "ana@co",
};
const msg: MessageState = {
  id: "m1",
  space: "s-binational",
  conversation: "c1",
  ownerNode: "co",
  author: "ana@co",
  body: "hola",
  version: 1,
  withdrawn: false,
  to: ["vic@ve"],
};

describe("conversations", () => {
  const input = (o: Record<string, unknown>) => conversationInput.parse({ title: "Sector 3", members: ["vic@ve"], ...o });

  it("include their creator, sorted, and name their kind", () => {
    const e = decideConversation(input({ members: ["vic@ve", "beto@co"] }), "c9", {
      creator: "ana@co",
      space: "s",
      spaceNodes: ["co", "ve"],
    });
    assert.deepEqual(e.data, {
      title: "Sector 3",
      kind: "group",
      members: ["ana@co", "beto@co", "vic@ve"],
      tlp: "amber",
      createdBy: "ana@co",
    });
    assert.equal(e.actor, "ana@co");
  });

  it("must span exactly their space's nodes", () => {
    assert.throws(() => checkSpaceNodes(["ana@co", "vic@ve"], "tri", ["br", "co", "ve"]), code("conversation.space_too_wide", "space"));
    assert.throws(() => checkSpaceNodes(["ana@co", "joao@br"], "bi", ["co", "ve"]), code("conversation.member_outside_space", "members"));
    assert.doesNotThrow(() => checkSpaceNodes(["ana@co", "vic@ve"], "bi", ["co", "ve"]));
    // An internal group of one node lives in its national space.
    assert.doesNotThrow(() => checkSpaceNodes(["ana@co", "beto@co"], "national", ["co"]));
  });

  it("a direct one has exactly one other member; a group needs a title", () => {
    assert.throws(
      () =>
        decideConversation(input({ direct: true, members: ["vic@ve", "luis@ve"] }), "c", {
          creator: "ana@co",
          space: "s",
          spaceNodes: ["co", "ve"],
        }),
      code("validation.failed", "members"),
    );
    assert.equal(conversationInput.safeParse({ members: ["vic@ve"] }).success, false);
    assert.equal(conversationInput.safeParse({ members: ["vic@ve"], direct: true }).success, true);
    assert.equal(conversationInput.safeParse({ title: "x", members: ["Vic@VE"] }).success, false);
  });

  it("change only by their creator on its node; only the changed fields are written", () => {
    const group = { ...conv, kind: "group" as const, title: "G" };
    const t = { actor: "ana@co", node: "co", spaceNodes: ["co", "ve"] };
    assert.throws(() => decideConversationUpdate(group, { title: "H" }, { ...t, actor: "beto@co" }), code("conversation.not_creator"));
    assert.throws(() => decideConversationUpdate(group, { title: "H" }, { ...t, node: "ve" }), code("conversation.not_creator"));
    assert.deepEqual(decideConversationUpdate(group, { title: "G", tlp: "red" }, t)[0]?.data, { tlp: "red" });
    assert.deepEqual(decideConversationUpdate(group, { title: "G" }, t), []);
    assert.throws(() => decideConversationUpdate(group, { members: ["ana@co"] }, t), code("validation.failed", "members"));
    // Dropping every member of a node would keep sending it the conversation: refused.
    assert.throws(() => decideConversationUpdate(group, { members: ["beto@co"] }, t), code("conversation.space_too_wide"));
    assert.throws(() => decideConversationUpdate(conv, { members: ["luis@ve"] }, t), code("validation.failed", "members"));
  });
});

describe("messages", () => {
  const post = (o: Record<string, unknown> = {}, reply?: string) =>
    decidePost(conv, messageInput.parse({ body: "Contacto en el km 12", ...o }), {
      id: "m2",
      author: "ana@co",
      attachments: [],
      replyConversation: reply,
    });

  it("are addressed to every other member, with the conversation's marking by default", () => {
    const e = post({ precedence: "flash", ackRequired: true });
    assert.equal(e.type, "message.posted");
    assert.deepEqual(e.data.to, ["vic@ve"]);
    assert.equal(e.data.tlp, "amber");
    assert.equal(e.data.precedence, "flash");
  });

  it("are never marked less restrictively than their conversation", () => {
    assert.throws(() => post({ tlp: "green" }), code("message.tlp_below_conversation", "tlp"));
    assert.equal(post({ tlp: "red" }).data.tlp, "red");
  });

  it("reply only within their conversation; a non-member cannot post", () => {
    assert.throws(() => post({ replyTo: "01a21f0c-2007-781c-b08b-855b04f66051" }, "other"), code("message.bad_reply", "replyTo"));
    assert.equal(post({ replyTo: "01a21f0c-2007-781c-b08b-855b04f66051" }, "c1").data.replyTo, "01a21f0c-2007-781c-b08b-855b04f66051");
    assert.throws(
      () =>
        decidePost(conv, messageInput.parse({ body: "x" }), { id: "m", author: "eve@co", attachments: [], replyConversation: undefined }),
      code("conversation.not_found"),
    );
  });

  it("are edited (a new version) or withdrawn only by their author on its node", () => {
    const t = { actor: "ana@co", node: "co" };
    assert.deepEqual(decideEdit(msg, "hola 2", t)[0]?.data, { version: 2, body: "hola 2" });
    assert.deepEqual(decideEdit(msg, "hola", t), []);
    assert.throws(() => decideEdit(msg, "x", { actor: "vic@ve", node: "ve" }), code("message.not_author"));
    assert.throws(() => decideEdit({ ...msg, withdrawn: true }, "x", t), code("message.withdrawn"));
    assert.deepEqual(decideWithdraw(msg, undefined, t)[0]?.data, { reason: null });
  });
});

describe("receipts", () => {
  const at = "2026-01-01T00:00:00.000Z";
  it("are written for an addressee, once", () => {
    const [ack] = decideReceipt(msg, "acknowledged", { member: "vic@ve", at, comment: "Recibido", already: false });
    assert.deepEqual(ack?.data, { user: "vic", at, comment: "Recibido", version: 1 });
    assert.equal(ack?.type, "message.acknowledged");
    assert.deepEqual(decideReceipt(msg, "read", { member: "vic@ve", at, already: true }), []);
  });
  it("an author or a later member does not acknowledge; their reading is simply not recorded", () => {
    assert.throws(() => decideReceipt(msg, "acknowledged", { member: "ana@co", at, already: false }), code("message.not_addressee"));
    assert.deepEqual(decideReceipt(msg, "read", { member: "luis@ve", at, already: false }), []);
  });
});

describe("the addressee writer rule", () => {
  const registry = createEventRegistry(CHANNEL_EVENTS);
  const posted = { type: "message.posted", v: 1, data: { to: ["vic@ve", "luis@ve", "beto@co"] } };
  it("names the nodes of the message's addressees", () => {
    const data = {
      conversation: "01a21f0c-1ff8-7329-8bd0-2b3c96b3cda9",
      body: "x",
      precedence: "flash",
      ackRequired: true,
      tlp: "amber",
      replyTo: null,
      attachments: [],
      to: posted.data.to,
    };
    assert.deepEqual([...registry.addresseesOf({ ...posted, data })].sort(), ["co", "ve"]);
    assert.deepEqual(registry.addresseesOf({ ...posted, data: { to: 7 } }), [], "a shape it cannot have names nobody");
    assert.deepEqual(registry.addresseesOf({ type: "message.edited", v: 1, data: {} }), [], "a type naming no addressees");
  });
  it("admits an addressee's node and refuses any other", () => {
    const ack = { type: "message.acknowledged", v: 1 };
    assert.equal(registry.checkWriter({ ...ack, origin: "ve" }, "co", ["ve"]), undefined);
    assert.equal(registry.checkWriter({ ...ack, origin: "co" }, "co", ["ve"])?.code, "wrong_writer");
    assert.equal(registry.checkWriter({ ...ack, origin: "ve" }, undefined, ["ve"])?.code, "no_subject");
    assert.equal(registry.checkWriter({ ...ack, origin: "ve" }, "co")?.code, "wrong_writer", "no addressees known: refused");
    // Other rules ignore the addressees.
    assert.equal(registry.checkWriter({ type: "message.edited", v: 1, origin: "co" }, "co", []), undefined);
  });
});

describe("attachments and policy", () => {
  const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64");
  it("refuse a type off the list, an empty or oversized file, and content that is not its type", () => {
    const file = (type: string, content: Buffer | string) => ({ name: "f", type, contentBase64: b64(content) });
    assert.throws(
      () => prepareAttachments([file("application/x-msdownload", "MZ")]),
      code("attachment.type_refused", "attachments.0.type"),
    );
    assert.throws(() => prepareAttachments([file("text/plain", Buffer.alloc(1024 * 1024 + 1, 65))]), code("attachment.too_large"));
    assert.throws(() => prepareAttachments([file("application/pdf", "MZ\u0090")]), code("attachment.type_mismatch"));
    const [ok] = prepareAttachments([file("text/plain", "informe")]);
    assert.equal(ok?.size, 7);
    assert.match(ok?.sha256 ?? "", /^[0-9a-f]{64}$/);
    assert.equal(contentMatches("image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), true);
    assert.equal(contentMatches("text/plain", Buffer.from([0xff, 0xfe])), false);
  });
  it("lets commanders and officers open conversations, and viewers only read", () => {
    assert.equal(canChannel("commander", "conversation.create"), true);
    assert.equal(canChannel("analyst", "conversation.create"), false);
    assert.equal(canChannel("viewer", "message.post"), false);
    assert.equal(canChannel("viewer", "channel.read"), true);
  });
});
