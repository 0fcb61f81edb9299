import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { queryRootsFor } from "./invalidation";

describe("queryRootsFor", () => {
  it("maps each event family to the queries it makes stale", () => {
    assert.ok(queryRootsFor("activity.report_posted").includes("activities"));
    assert.ok(queryRootsFor("activity.level_set").includes("operations"), "roll-ups live under operations");
    assert.ok(queryRootsFor("statement.recorded").includes("statements"));
    assert.deepEqual(queryRootsFor("ministerial.meeting_recorded"), ["meetings"]);
    assert.deepEqual(queryRootsFor("peer.pinned"), ["peers"]);
    assert.deepEqual(queryRootsFor("receipt.sent"), ["peers"]);
    assert.deepEqual(queryRootsFor("conversation.created"), ["channel"]);
    assert.deepEqual(queryRootsFor("message.posted"), [], "the channel's own frames carry messages");
  });

  it("ignores types it does not know", () => {
    assert.deepEqual(queryRootsFor("nothing.here"), []);
    assert.deepEqual(queryRootsFor(""), []);
  });
});
