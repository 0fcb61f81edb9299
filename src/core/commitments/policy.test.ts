import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ROLES, type Role } from "../admin/schema";
import { COMMITMENT_ACTIONS, type CommitmentAction, canCommit } from "./policy";

/**
 * Who may do what with commitments, written out in full: a change to the policy must change
 * this table too. Y = allowed, · = refused.
 */
const MATRIX: Record<CommitmentAction, Record<Role, "Y" | "·">> = {
  //                      admin     commander      officer       analyst       viewer
  "commitments.read": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "Y" },
  "statement.record": { admin: "Y", commander: "Y", officer: "·", analyst: "·", viewer: "·" },
  "operation.manage": { admin: "Y", commander: "Y", officer: "Y", analyst: "·", viewer: "·" },
  "activity.manage": { admin: "Y", commander: "Y", officer: "Y", analyst: "·", viewer: "·" },
  "activity.report": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "·" },
};

describe("commitments policy", () => {
  it("the table covers every action and every role", () => {
    assert.deepEqual(Object.keys(MATRIX).sort(), [...COMMITMENT_ACTIONS].sort());
    for (const row of Object.values(MATRIX)) assert.deepEqual(Object.keys(row).sort(), [...ROLES].sort());
  });

  for (const action of COMMITMENT_ACTIONS) {
    for (const role of ROLES) {
      const allowed = MATRIX[action][role] === "Y";
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        assert.equal(canCommit(role, action), allowed);
      });
    }
  }

  it("a viewer only reads; an analyst reads and reports", () => {
    assert.deepEqual(
      COMMITMENT_ACTIONS.filter((a) => canCommit("viewer", a)),
      ["commitments.read"],
    );
    assert.deepEqual(
      COMMITMENT_ACTIONS.filter((a) => canCommit("analyst", a)),
      ["commitments.read", "activity.report"],
    );
  });
});
