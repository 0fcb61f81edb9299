import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ADMIN_ACTIONS, type AdminAction, canAdmin } from "./policy";
import { ROLES, type Role } from "./schema";

/**
 * The administration policy written out cell by cell. A change to policy.ts must be
 * mirrored here on purpose; nothing is derived from the code under test.
 */
const EXPECTED: Record<Role, Record<AdminAction, boolean>> = {
  admin: {
    "node.read": true,
    "self.read": true,
    "user.list": true,
    "user.manage": true,
    "token.own": true,
    "token.any": true,
    "audit.read": true,
  },
  commander: {
    "node.read": true,
    "self.read": true,
    "user.list": true,
    "user.manage": false,
    "token.own": true,
    "token.any": false,
    "audit.read": false,
  },
  officer: {
    "node.read": true,
    "self.read": true,
    "user.list": false,
    "user.manage": false,
    "token.own": true,
    "token.any": false,
    "audit.read": false,
  },
  analyst: {
    "node.read": true,
    "self.read": true,
    "user.list": false,
    "user.manage": false,
    "token.own": true,
    "token.any": false,
    "audit.read": false,
  },
  viewer: {
    "node.read": true,
    "self.read": true,
    "user.list": false,
    "user.manage": false,
    "token.own": false,
    "token.any": false,
    "audit.read": false,
  },
};

describe("canAdmin: role × action matrix", () => {
  it("the table covers exactly the declared roles and actions", () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...ROLES].sort());
    for (const role of ROLES) assert.deepEqual(Object.keys(EXPECTED[role]).sort(), [...ADMIN_ACTIONS].sort(), role);
  });

  for (const role of ROLES) {
    for (const action of ADMIN_ACTIONS) {
      const allowed = EXPECTED[role][action];
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        assert.equal(canAdmin(role, action), allowed);
      });
    }
  }

  it("only admins may act on other users' tokens, manage users or read the audit log", () => {
    for (const action of ["user.manage", "token.any", "audit.read"] as const) {
      assert.deepEqual(
        ROLES.filter((r) => canAdmin(r, action)),
        ["admin"],
        action,
      );
    }
  });

  it("every role may read the node and itself", () => {
    for (const role of ROLES) {
      assert.equal(canAdmin(role, "node.read"), true);
      assert.equal(canAdmin(role, "self.read"), true);
    }
  });
});
