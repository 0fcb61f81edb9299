import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ROLES } from "../../src/core/admin/schema";
import { COORDINATION_ACTIONS, canCoordinate } from "../../src/core/coordination/policy";

/** Who may do what in regional coordination, as a role × action matrix. */
// biome-ignore format: the matrix reads as a table
const EXPECTED: Record<(typeof COORDINATION_ACTIONS)[number], string> = {
  //                   admin commander officer analyst viewer
  "coordination.read": "1 1 1 1 1",
  "unit.manage":       "1 1 0 0 0",
  "meeting.manage":    "1 1 1 0 0",
  "meeting.attend":    "1 1 1 0 0",
  "threat.manage":     "1 1 1 1 0",
  "intel.write":       "1 1 1 1 0",
  "intel.release":     "1 1 1 0 0",
  "intel.consent":     "1 1 0 0 0",
  "rfi.manage":        "1 1 1 1 0",
};

describe("coordination policy", () => {
  for (const action of COORDINATION_ACTIONS) {
    it(`${action}: ${EXPECTED[action]}`, () => {
      const row = ROLES.map((role) => (canCoordinate(role, action) ? "1" : "0")).join(" ");
      assert.equal(row, EXPECTED[action]);
    });
  }
});
