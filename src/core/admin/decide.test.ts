import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../errors";
import { NATIONAL_SPACE } from "../log/envelope";
import { decideCreateToken, decideCreateUser, decideRevokeToken, decideUpdateUser, type UserState } from "./decide";

const ACTOR = "ana@co";
const HASH = "scrypt$16384$8$1$c2FsdA$a2V5";
const SCOPE = { sectors: ["catatumbo"], units: ["br30"] };

const user = (over: Partial<UserState> = {}): UserState => ({
  id: "0190f5c0-0000-7000-8000-000000000001",
  username: "luis",
  role: "analyst",
  scope: null,
  disabled: false,
  ...over,
});

/** Asserts a DomainError with this code (and field, when given). */
function refuses(fn: () => unknown, code: string, field?: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (field !== undefined) assert.equal(err.field, field);
    return true;
  });
}

describe("decideCreateUser", () => {
  const cmd = { id: "0190f5c0-0000-7000-8000-0000000000aa", username: "marta", role: "officer" as const, scope: SCOPE, passwordHash: HASH };

  it("creates the user in the national space", () => {
    assert.deepEqual(decideCreateUser(undefined, cmd, ACTOR), [
      {
        space: NATIONAL_SPACE,
        type: "user.created",
        subject: cmd.id,
        actor: ACTOR,
        data: { username: "marta", role: "officer", scope: SCOPE, passwordHash: HASH },
      },
    ]);
  });

  it("refuses a username that exists, naming the field", () => {
    refuses(() => decideCreateUser(user({ username: "marta" }), cmd, ACTOR), "user.exists", "username");
  });

  it("keeps a scope only for officers", () => {
    for (const role of ["admin", "commander", "analyst", "viewer"] as const) {
      const [e] = decideCreateUser(undefined, { ...cmd, role }, ACTOR);
      assert.equal(e?.data.scope, null, role);
    }
  });
});

describe("decideUpdateUser", () => {
  it("refuses an unknown user", () => {
    refuses(() => decideUpdateUser(undefined, { role: "viewer" }, ACTOR, 2), "user.not_found");
  });

  it("a no-op update emits nothing", () => {
    const u = user({ role: "officer", scope: SCOPE });
    assert.deepEqual(decideUpdateUser(u, {}, ACTOR, 2), []);
    assert.deepEqual(decideUpdateUser(u, { role: "officer" }, ACTOR, 2), []);
    assert.deepEqual(decideUpdateUser(u, { scope: { sectors: ["catatumbo"], units: ["br30"] } }, ACTOR, 2), []);
    assert.deepEqual(decideUpdateUser(u, { disabled: false }, ACTOR, 2), []);
    assert.deepEqual(decideUpdateUser(user({ disabled: true }), { disabled: true }, ACTOR, 2), []);
    assert.deepEqual(decideUpdateUser(user({ role: "admin" }), { role: "admin", disabled: false }, ACTOR, 1), []);
  });

  it("a scope sent for a non-officer is dropped and changes nothing", () => {
    assert.deepEqual(decideUpdateUser(user({ role: "viewer" }), { scope: SCOPE }, ACTOR, 2), []);
  });

  it("changes role, and keeps the scope only while the user is an officer", () => {
    const [promoted] = decideUpdateUser(user({ role: "analyst" }), { role: "officer", scope: SCOPE }, ACTOR, 2);
    assert.equal(promoted?.type, "user.role_set");
    assert.deepEqual(promoted?.data, { role: "officer", scope: SCOPE });
    const [moved] = decideUpdateUser(user({ role: "officer", scope: SCOPE }), { role: "commander" }, ACTOR, 2);
    assert.deepEqual(moved?.data, { role: "commander", scope: null });
    const [rescoped] = decideUpdateUser(user({ role: "officer", scope: SCOPE }), { scope: null }, ACTOR, 2);
    assert.deepEqual(rescoped?.data, { role: "officer", scope: null });
  });

  it("emits one event per kind of change, on the user as subject", () => {
    const u = user({ role: "officer", scope: SCOPE });
    const events = decideUpdateUser(u, { role: "viewer", passwordHash: HASH, disabled: true }, ACTOR, 2);
    assert.deepEqual(
      events.map((e) => e.type),
      ["user.role_set", "user.password_set", "user.disabled"],
    );
    for (const e of events) {
      assert.equal(e.subject, u.id);
      assert.equal(e.space, NATIONAL_SPACE);
      assert.equal(e.actor, ACTOR);
    }
    assert.deepEqual(events[1]?.data, { passwordHash: HASH });
    assert.deepEqual(
      decideUpdateUser(user({ disabled: true }), { disabled: false }, ACTOR, 2).map((e) => e.type),
      ["user.enabled"],
    );
  });

  it("the last active admin cannot be demoted or disabled", () => {
    const admin = user({ role: "admin" });
    refuses(() => decideUpdateUser(admin, { role: "commander" }, ACTOR, 1), "user.last_admin", "role");
    refuses(() => decideUpdateUser(admin, { disabled: true }, ACTOR, 1), "user.last_admin", "role");
    refuses(() => decideUpdateUser(admin, { role: "viewer", disabled: true }, ACTOR, 0), "user.last_admin");
  });

  it("an admin may be demoted or disabled while another active admin remains", () => {
    const admin = user({ role: "admin" });
    assert.deepEqual(
      decideUpdateUser(admin, { role: "commander" }, ACTOR, 2).map((e) => e.type),
      ["user.role_set"],
    );
    assert.deepEqual(
      decideUpdateUser(admin, { disabled: true }, ACTOR, 2).map((e) => e.type),
      ["user.disabled"],
    );
  });

  it("a disabled admin is not counted as the last one", () => {
    const disabledAdmin = user({ role: "admin", disabled: true });
    assert.deepEqual(
      decideUpdateUser(disabledAdmin, { role: "viewer" }, ACTOR, 1).map((e) => e.type),
      ["user.role_set"],
    );
  });

  it("the last admin may still change its own password", () => {
    assert.deepEqual(
      decideUpdateUser(user({ role: "admin" }), { passwordHash: HASH }, ACTOR, 1).map((e) => e.type),
      ["user.password_set"],
    );
  });
});

describe("decideCreateToken", () => {
  const now = "2025-06-01T12:00:00.000Z";
  const cmd = { id: "0190f5c0-0000-7000-8000-0000000000bb", label: "script", tokenHash: "a".repeat(64), expiresAt: null, now };

  it("creates a token for the user, carrying only its hash", () => {
    const u = user();
    assert.deepEqual(decideCreateToken(u, cmd, ACTOR), [
      {
        space: NATIONAL_SPACE,
        type: "token.created",
        subject: cmd.id,
        actor: ACTOR,
        data: { userId: u.id, label: "script", tokenHash: "a".repeat(64), expiresAt: null },
      },
    ]);
  });

  it("accepts an expiry in the future", () => {
    const [e] = decideCreateToken(user(), { ...cmd, expiresAt: "2025-06-01T12:00:00.001Z" }, ACTOR);
    assert.equal(e?.data.expiresAt, "2025-06-01T12:00:00.001Z");
  });

  it("refuses an expiry in the past or now, naming expiresAt", () => {
    refuses(() => decideCreateToken(user(), { ...cmd, expiresAt: "2025-06-01T11:59:59.999Z" }, ACTOR), "validation.failed", "expiresAt");
    refuses(() => decideCreateToken(user(), { ...cmd, expiresAt: now }, ACTOR), "validation.failed", "expiresAt");
  });

  it("refuses an unknown or disabled user", () => {
    refuses(() => decideCreateToken(undefined, cmd, ACTOR), "user.not_found", "username");
    refuses(() => decideCreateToken(user({ disabled: true }), cmd, ACTOR), "user.disabled", "username");
  });
});

describe("decideRevokeToken", () => {
  const id = "0190f5c0-0000-7000-8000-0000000000cc";

  it("revokes a live token", () => {
    assert.deepEqual(decideRevokeToken({ id, revoked: false }, ACTOR), [
      { space: NATIONAL_SPACE, type: "token.revoked", subject: id, actor: ACTOR, data: {} },
    ]);
  });

  it("revoking a revoked token emits nothing", () => {
    assert.deepEqual(decideRevokeToken({ id, revoked: true }, ACTOR), []);
  });

  it("refuses an unknown token", () => {
    refuses(() => decideRevokeToken(undefined, ACTOR), "token.not_found");
  });
});
