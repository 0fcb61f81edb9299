import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ROLES, type Role } from "../admin/schema";
import { BORDER_ACTIONS, type BorderAction, canBorder } from "./policy";

/**
 * Who may do what in the border picture, written out in full: a change to the policy must
 * change this table too. Y = allowed, · = refused.
 */
const MATRIX: Record<BorderAction, Record<Role, "Y" | "·">> = {
  //                       admin     commander      officer       analyst       viewer
  "border.read": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "Y" },
  "sector.manage": { admin: "Y", commander: "Y", officer: "·", analyst: "·", viewer: "·" },
  "sector.level": { admin: "Y", commander: "Y", officer: "·", analyst: "·", viewer: "·" },
  "crossing.manage": { admin: "Y", commander: "Y", officer: "Y", analyst: "·", viewer: "·" },
  "presence.record": { admin: "Y", commander: "Y", officer: "Y", analyst: "·", viewer: "·" },
  "incident.report": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "·" },
  "incident.followup": { admin: "Y", commander: "Y", officer: "Y", analyst: "Y", viewer: "·" },
  "incident.close": { admin: "Y", commander: "Y", officer: "Y", analyst: "·", viewer: "·" },
  "incident.release": { admin: "Y", commander: "Y", officer: "·", analyst: "·", viewer: "·" },
};

describe("border policy", () => {
  it("the table covers every action and every role", () => {
    assert.deepEqual(Object.keys(MATRIX).sort(), [...BORDER_ACTIONS].sort());
    for (const row of Object.values(MATRIX)) assert.deepEqual(Object.keys(row).sort(), [...ROLES].sort());
  });

  for (const action of BORDER_ACTIONS) {
    for (const role of ROLES) {
      const allowed = MATRIX[action][role] === "Y";
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        assert.equal(canBorder(role, action), allowed);
      });
    }
  }

  it("a viewer only reads", () => {
    assert.deepEqual(
      BORDER_ACTIONS.filter((a) => canBorder("viewer", a)),
      ["border.read"],
    );
  });
});
