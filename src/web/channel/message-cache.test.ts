import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { flatten, type MessagesData, patchMessage, removeMessage, upsertMessage, withReceipt } from "./message-cache";
import type { MessageView, ReceiptFrame } from "./types";

/** The cache edits the stream's frames make: upsert by id, held over provisional, receipts, removal. */
function message(id: string, postedAt: string, extra: Partial<MessageView> = {}): MessageView {
  return {
    id,
    conversation: "c1",
    space: "s",
    author: "ana@co",
    origin: "co",
    seq: 1,
    hash: "h",
    precedence: "flash",
    ackRequired: true,
    tlp: "amber",
    replyTo: null,
    body: id,
    html: `<p>${id}</p>`,
    version: 1,
    editedAt: null,
    withdrawnAt: null,
    withdrawReason: null,
    attachments: [],
    recipients: ["vic@ve"],
    postedAt,
    storedAt: postedAt,
    delayMs: 0,
    dueAt: null,
    escalatedAt: null,
    acknowledgedBy: [],
    mine: { isAuthor: false, isAddressee: true, read: false, acknowledged: false, pending: [] },
    provisional: false,
    ...extra,
  };
}

const pages = (...groups: MessageView[][]): MessagesData => ({
  pages: groups.map((messages, i) => ({ messages, next: i < groups.length - 1 ? `p${i}` : null })),
  pageParams: groups.map((_, i) => (i === 0 ? "" : `p${i - 1}`)),
});

describe("the cached pages of a conversation", () => {
  const a = message("a", "2026-01-01T10:00:00.000Z");
  const b = message("b", "2026-01-01T10:01:00.000Z");
  const c = message("c", "2026-01-01T10:02:00.000Z");

  it("flattens newest page first into oldest-first order", () => {
    assert.deepEqual(
      flatten(pages([b, c], [a])).map((m) => m.id),
      ["a", "b", "c"],
    );
    assert.deepEqual(flatten(undefined), []);
  });

  it("adds a new message to the newest page in posting order, and replaces a known one where it is", () => {
    const late = message("late", "2026-01-01T10:01:30.000Z");
    assert.deepEqual(
      flatten(upsertMessage(pages([b, c], [a]), late)).map((m) => m.id),
      ["a", "b", "late", "c"],
    );
    const edited = { ...a, body: "edited", version: 2 };
    const out = flatten(upsertMessage(pages([b, c], [a]), edited));
    assert.equal(out.length, 3);
    assert.equal(out[0]?.body, "edited");
    assert.equal(upsertMessage(undefined, a), undefined, "a conversation not loaded is left to its first fetch");
  });

  it("never lets a provisional copy replace the held message, but the held one replaces the provisional", () => {
    const held = pages([a]);
    assert.equal(flatten(upsertMessage(held, { ...a, provisional: true, body: "old" }))[0]?.body, "a");
    const shown = pages([{ ...a, provisional: true }]);
    assert.equal(flatten(upsertMessage(shown, a))[0]?.provisional, false);
  });

  it("applies receipts: an acknowledgement once, and the caller's own read and acknowledged state", () => {
    const ack: ReceiptFrame = {
      message: "a",
      conversation: "c1",
      kind: "acknowledged",
      member: "vic@ve",
      at: "",
      comment: "ok",
      event: "e",
    };
    const once = withReceipt(a, ack, "ana@co");
    assert.deepEqual(once.acknowledgedBy, ["vic@ve"]);
    assert.equal(once.mine.acknowledged, false, "someone else's acknowledgement");
    assert.deepEqual(withReceipt(once, ack, "ana@co").acknowledgedBy, ["vic@ve"], "no duplicate");
    const mine = withReceipt(a, ack, "vic@ve");
    assert.equal(mine.mine.acknowledged, true);
    assert.equal(mine.mine.read, true);
    assert.equal(withReceipt(a, { ...ack, kind: "read" }, "vic@ve").mine.read, true);
    assert.equal(withReceipt(a, { ...ack, kind: "read" }, "ana@co").mine.read, false);
    assert.equal(withReceipt(a, { ...ack, kind: "delivered" }, "vic@ve"), a, "a delivery changes nothing shown in the message");
  });

  it("patches and removes by id only", () => {
    const data = pages([b, c], [a]);
    const patched = flatten(patchMessage(data, "b", (m) => ({ ...m, escalatedAt: "now" })));
    assert.deepEqual(
      patched.map((m) => m.escalatedAt),
      [null, "now", null],
    );
    assert.deepEqual(
      flatten(removeMessage(data, "c")).map((m) => m.id),
      ["a", "b"],
    );
  });
});
