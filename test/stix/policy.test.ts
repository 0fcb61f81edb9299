import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ROLES, type Role } from "../../src/core/admin/schema";
import { canStix, STIX_ACTIONS, type StixAction } from "../../src/core/stix/policy";

/** The STIX/TAXII policy written out in full. Y = allowed, · = refused. */
const MATRIX: Record<StixAction, Record<Role, "Y" | "·">> = {
  //                admin     commander      officer       analyst       viewer
  "stix.export": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "Y" },
  "stix.import": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "·" },
  "taxii.read": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "Y" },
};

describe("STIX and TAXII policy", () => {
  it("the table covers every action and every role", () => {
    assert.deepEqual(Object.keys(MATRIX).sort(), [...STIX_ACTIONS].sort());
    for (const row of Object.values(MATRIX)) assert.deepEqual(Object.keys(row).sort(), [...ROLES].sort());
  });
  for (const action of STIX_ACTIONS) {
    for (const role of ROLES) {
      const allowed = MATRIX[action][role] === "Y";
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => assert.equal(canStix(role, action), allowed));
    }
  }
});
