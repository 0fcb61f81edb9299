import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import type { Role } from "../../core/admin/schema";
import type { App } from "../http/types";
import { login } from "./auth";

/**
 * The admin API over HTTP, in-process: sessions, tokens, roles, CSRF, rate limit, audit
 * redaction, and bad input on every route. One node for the whole file (scrypt costs
 * ~50 ms a password); each login comes from its own address so the login rate limit only
 * bites where a test means it to.
 */
const PASSWORD = "correct horse battery";
const V1 = "/api/v1";

interface FieldError {
  field: string;
  message: string;
}
interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}
interface TokenBody {
  id: string;
  username: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  token?: string;
}
interface AuditBody {
  events: Array<{ pos: number; type: string; subject: string; actor: string; data: Record<string, unknown> }>;
  next: number | null;
}

const USERS: ReadonlyArray<readonly [string, Role]> = [
  ["ana", "admin"],
  ["carlos", "commander"],
  ["olga", "officer"],
  ["andres", "analyst"],
  ["vera", "viewer"],
];
const NON_ADMIN: ReadonlyArray<readonly [string, Role]> = USERS.filter(([, role]) => role !== "admin");

let t: TestNode & { app: App };
const tokenOf = new Map<string, string>();
let ip = 0;
/** A new client address per call: each gets its own login rate-limit bucket. */
const nextIp = () => {
  ip++;
  return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
};

const inject = (opts: InjectOptions) => t.app.inject(opts);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const bearer = (username: string) => ({ authorization: `Bearer ${tokenOf.get(username) ?? "missing"}` });
const admin = () => bearer("ana");

async function countRows(table: "events" | "sessions"): Promise<number> {
  const row = await t.node.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Asserts a problem+json answer with this status and code, and returns its body. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  assert.equal(res.statusCode, status, `expected ${status} ${code}, got ${res.statusCode}: ${res.body}`);
  assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  assert.equal(body.code, code, res.body);
  assert.equal(body.status, status);
  assert.equal(body.type, `urn:enlace:problem:${code}`);
  assert.equal(typeof body.title, "string");
  return body;
}

function postLogin(username: string, password: string, opts: { ip?: string; headers?: Record<string, string> } = {}) {
  return inject({
    method: "POST",
    url: `${V1}/session`,
    payload: { username, password },
    remoteAddress: opts.ip ?? nextIp(),
    ...(opts.headers ? { headers: opts.headers } : {}),
  });
}

/** Logs in and returns the session cookie's value. */
async function sessionOf(username: string): Promise<string> {
  const res = await postLogin(username, PASSWORD);
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === "enlace_session");
  assert.ok(cookie?.value, "no session cookie");
  return cookie.value;
}

async function tokenIdOf(username: string): Promise<string> {
  const res = await inject({ method: "GET", url: `${V1}/tokens`, headers: admin() });
  const found = res.json<TokenBody[]>().find((tk) => tk.username === username);
  assert.ok(found, `no token for ${username}`);
  return found.id;
}

before(async () => {
  t = await createTestApp();
  for (const [username, role] of USERS) tokenOf.set(username, await addUser(t.node, username, role, PASSWORD));
});

after(async () => {
  await t.dispose();
});

describe("POST/DELETE /session", () => {
  it("login sets an HttpOnly SameSite=Strict cookie that then works on GET /me", async () => {
    const res = await postLogin("olga", PASSWORD);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ username: string; role: string; node: string; expiresAt: string }>();
    assert.equal(body.username, "olga");
    assert.equal(body.role, "officer");
    assert.equal(body.node, "co");
    assert.ok(Date.parse(body.expiresAt) > Date.now());
    const setCookie = String(res.headers["set-cookie"]);
    assert.match(setCookie, /^enlace_session=[A-Za-z0-9_-]{43};/);
    assert.match(setCookie, /; HttpOnly/i);
    assert.match(setCookie, /; SameSite=Strict/i);
    assert.match(setCookie, /; Path=\//i);
    const cookie = res.cookies.find((c) => c.name === "enlace_session");
    assert.ok(cookie?.expires instanceof Date);
    // Expires has a resolution of one second.
    assert.equal(cookie.expires.getTime(), Math.floor(Date.parse(body.expiresAt) / 1000) * 1000);

    const me = await inject({ method: "GET", url: `${V1}/me`, cookies: { enlace_session: cookie.value } });
    assert.equal(me.statusCode, 200, me.body);
    assert.deepEqual(me.json(), { username: "olga", role: "officer", node: "co", scope: null });
  });

  it("stores only a hash of the session id", async () => {
    const before = await countRows("sessions");
    const id = await sessionOf("andres");
    assert.equal(await countRows("sessions"), before + 1);
    const rows = await t.node.db.kysely.selectFrom("sessions").select("id_hash").execute();
    assert.ok(rows.every((r) => r.id_hash !== id && /^[0-9a-f]{64}$/.test(r.id_hash)));
    assert.ok(rows.some((r) => r.id_hash === sha256(id)));
  });

  it("logout deletes the session and clears the cookie; the old cookie stops working", async () => {
    const id = await sessionOf("olga");
    assert.equal((await inject({ method: "GET", url: `${V1}/me`, cookies: { enlace_session: id } })).statusCode, 200);
    const sessions = await countRows("sessions");
    const out = await inject({ method: "DELETE", url: `${V1}/session`, cookies: { enlace_session: id } });
    assert.equal(out.statusCode, 204);
    const cleared = out.cookies.find((c) => c.name === "enlace_session");
    assert.ok(cleared, "logout must clear the cookie");
    assert.equal(cleared.value, "");
    assert.ok(cleared.expires && cleared.expires.getTime() <= Date.now());
    assert.equal(await countRows("sessions"), sessions - 1);
    expectProblem(await inject({ method: "GET", url: `${V1}/me`, cookies: { enlace_session: id } }), 401, "auth.required");
  });

  it("a bad password is 401 auth.bad_credentials, with no cookie and no session", async () => {
    const sessions = await countRows("sessions");
    const res = await postLogin("olga", "wrong password!");
    const body = expectProblem(res, 401, "auth.bad_credentials");
    assert.equal(body.errors, undefined);
    assert.equal(res.headers["set-cookie"], undefined);
    assert.equal(await countRows("sessions"), sessions);
  });

  it("an unknown user gets exactly the same answer as a bad password", async () => {
    const known = expectProblem(await postLogin("olga", "wrong password!"), 401, "auth.bad_credentials");
    const unknown = expectProblem(await postLogin("nadie", "wrong password!"), 401, "auth.bad_credentials");
    const { instance: _a, ...a } = known;
    const { instance: _b, ...b } = unknown;
    assert.deepEqual(b, a);
    assert.notEqual(known.instance, unknown.instance);
  });

  it("titles are Spanish by default and English when asked for", async () => {
    const es = expectProblem(await postLogin("olga", "wrong password!"), 401, "auth.bad_credentials");
    assert.equal(es.title, "Usuario o contraseña incorrectos.");
    const en = expectProblem(
      await postLogin("olga", "wrong password!", { headers: { "accept-language": "en" } }),
      401,
      "auth.bad_credentials",
    );
    assert.equal(en.title, "Wrong username or password.");
    const enUs = expectProblem(
      await inject({ method: "GET", url: `${V1}/me`, headers: { "accept-language": "en-US,en;q=0.9" } }),
      401,
      "auth.required",
    );
    assert.equal(enUs.title, "You must log in.");
    const esFirst = expectProblem(
      await inject({ method: "GET", url: `${V1}/me`, headers: { "accept-language": "es-CO,en;q=0.5" } }),
      401,
      "auth.required",
    );
    assert.equal(esFirst.title, "Debe iniciar sesión.");
  });

  it("the login rate limit answers 429 problem+json rate_limited after 10 attempts", async () => {
    const from = nextIp();
    for (let i = 1; i <= 10; i++) {
      expectProblem(await postLogin("olga", "wrong password!", { ip: from }), 401, "auth.bad_credentials");
    }
    const limited = expectProblem(await postLogin("olga", "wrong password!", { ip: from }), 429, "rate_limited");
    assert.equal(limited.title, "Demasiados intentos; espere un momento.");
    // Even the right password waits now, and nothing is written.
    const sessions = await countRows("sessions");
    expectProblem(await postLogin("olga", PASSWORD, { ip: from }), 429, "rate_limited");
    assert.equal(await countRows("sessions"), sessions);
    // Another address is not affected.
    assert.equal((await postLogin("olga", PASSWORD)).statusCode, 200);
  });
});

describe("disabled users", () => {
  it("cannot log in, and their token and session stop working; enabling restores the token", async () => {
    const token = await addUser(t.node, "dora", "officer", PASSWORD);
    const session = await sessionOf("dora");
    const asDora = { authorization: `Bearer ${token}` };
    assert.equal((await inject({ method: "GET", url: `${V1}/me`, headers: asDora })).statusCode, 200);

    const off = await inject({ method: "PATCH", url: `${V1}/users/dora`, headers: admin(), payload: { disabled: true } });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json<{ disabled: boolean }>().disabled, true);

    expectProblem(await postLogin("dora", PASSWORD), 401, "auth.bad_credentials");
    expectProblem(await inject({ method: "GET", url: `${V1}/me`, headers: asDora }), 401, "auth.required");
    expectProblem(await inject({ method: "GET", url: `${V1}/me`, cookies: { enlace_session: session } }), 401, "auth.required");
    // A disabled user cannot be given a new token either.
    expectProblem(
      await inject({ method: "POST", url: `${V1}/tokens`, headers: admin(), payload: { username: "dora" } }),
      409,
      "user.disabled",
    );

    const on = await inject({ method: "PATCH", url: `${V1}/users/dora`, headers: admin(), payload: { disabled: false } });
    assert.equal(on.statusCode, 200, on.body);
    assert.equal((await inject({ method: "GET", url: `${V1}/me`, headers: asDora })).statusCode, 200);
  });
});

describe("session and token expiry, revocation, bad credentials", () => {
  it("a session whose expires_at has passed is 401 auth.session_expired", async () => {
    const id = await sessionOf("andres");
    const changed = await t.node.db.kysely
      .updateTable("sessions")
      .set({ expires_at: Date.now() - 1000 })
      .where("id_hash", "=", sha256(id))
      .executeTakeFirst();
    assert.equal(Number(changed.numUpdatedRows), 1);
    const body = expectProblem(
      await inject({ method: "GET", url: `${V1}/me`, cookies: { enlace_session: id } }),
      401,
      "auth.session_expired",
    );
    assert.equal(body.title, "La sesión ha expirado.");
  });

  it("a session logged in with a ttl that has run out is 401 auth.session_expired", async () => {
    const s = await login(t.node.db, { username: "andres", password: PASSWORD, node: "co", ttlMs: 1000, now: Date.now() - 5000 });
    expectProblem(await inject({ method: "GET", url: `${V1}/me`, cookies: { enlace_session: s.id } }), 401, "auth.session_expired");
  });

  it("a revoked token is 401 auth.token_revoked; revoking it again writes nothing", async () => {
    const created = await inject({ method: "POST", url: `${V1}/tokens`, headers: bearer("andres"), payload: { label: "to revoke" } });
    assert.equal(created.statusCode, 201, created.body);
    const { id, token } = created.json<TokenBody>();
    assert.ok(token);
    const asIt = { authorization: `Bearer ${token}` };
    assert.equal((await inject({ method: "GET", url: `${V1}/me`, headers: asIt })).statusCode, 200);

    const revoked = await inject({ method: "DELETE", url: `${V1}/tokens/${id}`, headers: bearer("andres") });
    assert.equal(revoked.statusCode, 204, revoked.body);
    expectProblem(await inject({ method: "GET", url: `${V1}/me`, headers: asIt }), 401, "auth.token_revoked");

    const events = await countRows("events");
    assert.equal((await inject({ method: "DELETE", url: `${V1}/tokens/${id}`, headers: bearer("andres") })).statusCode, 204);
    assert.equal(await countRows("events"), events);
    const listed = (await inject({ method: "GET", url: `${V1}/tokens`, headers: bearer("andres") })).json<TokenBody[]>();
    assert.ok(listed.find((tk) => tk.id === id)?.revokedAt);
  });

  it("an expired token is 401 auth.token_expired", async () => {
    const expiresAt = new Date(Date.now() + 800).toISOString();
    const created = await inject({
      method: "POST",
      url: `${V1}/tokens`,
      headers: bearer("andres"),
      payload: { label: "short", expiresAt },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { token } = created.json<TokenBody>();
    const asIt = { authorization: `Bearer ${token ?? ""}` };
    const wait = Date.parse(expiresAt) - Date.now() + 20;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    expectProblem(await inject({ method: "GET", url: `${V1}/me`, headers: asIt }), 401, "auth.token_expired");
  });

  it("a malformed Authorization header is 401 naming header.authorization", async () => {
    for (const authorization of ["Basic YW5hOnB3", "Bearer", "Bearer ", "Bearer two tokens", "Token abc", tokenOf.get("ana") ?? "x"]) {
      const body = expectProblem(await inject({ method: "GET", url: `${V1}/me`, headers: { authorization } }), 401, "auth.bad_token");
      assert.deepEqual(
        body.errors?.map((e) => e.field),
        ["header.authorization"],
        authorization,
      );
    }
  });

  it("an unknown bearer token is 401 auth.bad_token", async () => {
    expectProblem(
      await inject({ method: "GET", url: `${V1}/me`, headers: { authorization: "Bearer enl_not-a-real-token" } }),
      401,
      "auth.bad_token",
    );
  });

  it("no credentials is 401 auth.required on every authenticated route, and writes nothing", async () => {
    const events = await countRows("events");
    const routes: InjectOptions[] = [
      { method: "GET", url: `${V1}/me` },
      { method: "GET", url: `${V1}/node` },
      { method: "GET", url: `${V1}/users` },
      { method: "POST", url: `${V1}/users`, payload: { username: "eve", role: "admin", password: PASSWORD } },
      { method: "PATCH", url: `${V1}/users/ana`, payload: { role: "viewer" } },
      { method: "GET", url: `${V1}/tokens` },
      { method: "POST", url: `${V1}/tokens`, payload: { username: "ana" } },
      { method: "DELETE", url: `${V1}/tokens/${await tokenIdOf("ana")}` },
      { method: "GET", url: `${V1}/audit/events` },
    ];
    for (const r of routes) expectProblem(await inject(r), 401, "auth.required");
    // A cookie that names no session is no better.
    for (const r of routes) expectProblem(await inject({ ...r, cookies: { enlace_session: "forged" } }), 401, "auth.required");
    assert.equal(await countRows("events"), events);
  });
});

describe("cross-origin cookie requests", () => {
  let cookie = "";
  before(async () => {
    cookie = await sessionOf("ana");
  });

  const HOST = "enlace.example";

  it("a cookie POST with a foreign Origin is 403 request.cross_origin and writes nothing", async () => {
    const events = await countRows("events");
    for (const origin of ["https://evil.example", "http://enlace.example:8080", "null"]) {
      const res = await inject({
        method: "POST",
        url: `${V1}/tokens`,
        headers: { host: HOST, origin },
        cookies: { enlace_session: cookie },
        payload: { label: "csrf" },
      });
      const body = expectProblem(res, 403, "request.cross_origin");
      assert.deepEqual(
        body.errors?.map((e) => e.field),
        ["header.origin"],
      );
    }
    const patch = await inject({
      method: "PATCH",
      url: `${V1}/users/vera`,
      headers: { host: HOST, origin: "https://evil.example" },
      cookies: { enlace_session: cookie },
      payload: { role: "admin" },
    });
    expectProblem(patch, 403, "request.cross_origin");
    const del = await inject({
      method: "DELETE",
      url: `${V1}/tokens/${await tokenIdOf("vera")}`,
      headers: { host: HOST, origin: "https://evil.example" },
      cookies: { enlace_session: cookie },
    });
    expectProblem(del, 403, "request.cross_origin");
    assert.equal(await countRows("events"), events);
  });

  it("a cookie POST from the same origin, or with no Origin, goes through", async () => {
    const same = await inject({
      method: "POST",
      url: `${V1}/tokens`,
      headers: { host: HOST, origin: `https://${HOST}` },
      cookies: { enlace_session: cookie },
      payload: { label: "same origin" },
    });
    assert.equal(same.statusCode, 201, same.body);
    const none = await inject({
      method: "POST",
      url: `${V1}/tokens`,
      cookies: { enlace_session: cookie },
      payload: { label: "no origin" },
    });
    assert.equal(none.statusCode, 201, none.body);
  });

  it("a cookie GET from a foreign Origin is not refused (reads change nothing)", async () => {
    const res = await inject({
      method: "GET",
      url: `${V1}/me`,
      headers: { host: HOST, origin: "https://evil.example" },
      cookies: { enlace_session: cookie },
    });
    assert.equal(res.statusCode, 200, res.body);
  });
});

describe("roles", () => {
  it("every admin-only route is 403 auth.forbidden for every other role, and writes nothing", async () => {
    const anaToken = await tokenIdOf("ana");
    const events = await countRows("events");
    const adminOnly: InjectOptions[] = [
      { method: "POST", url: `${V1}/users`, payload: { username: "mallory", role: "admin", password: PASSWORD } },
      { method: "PATCH", url: `${V1}/users/vera`, payload: { role: "admin" } },
      { method: "PATCH", url: `${V1}/users/ana`, payload: { disabled: true } },
      { method: "GET", url: `${V1}/audit/events` },
      { method: "POST", url: `${V1}/tokens`, payload: { username: "ana", label: "stolen" } },
      { method: "DELETE", url: `${V1}/tokens/${anaToken}` },
    ];
    for (const [username, role] of NON_ADMIN) {
      for (const r of adminOnly) {
        const res = await inject({ ...r, headers: bearer(username) });
        const body = expectProblem(res, 403, "auth.forbidden");
        assert.equal(body.title, "No tiene permiso para esta acción.", `${role} ${r.method} ${String(r.url)}`);
      }
    }
    assert.equal(await countRows("events"), events);
    // The admin's token survived every attempt.
    assert.equal((await inject({ method: "GET", url: `${V1}/me`, headers: admin() })).statusCode, 200);
  });

  it("GET /users is for admins and commanders only", async () => {
    const expected: Record<Role, number> = { admin: 200, commander: 200, officer: 403, analyst: 403, viewer: 403 };
    for (const [username, role] of USERS) {
      const res = await inject({ method: "GET", url: `${V1}/users`, headers: bearer(username) });
      assert.equal(res.statusCode, expected[role], `${role}: ${res.body}`);
      if (res.statusCode === 200) {
        const names = res.json<Array<{ username: string }>>().map((u) => u.username);
        assert.ok(names.includes("ana") && names.includes("vera"));
        assert.doesNotMatch(res.body, /scrypt|password/i);
      }
    }
  });

  it("a viewer may not create even its own token; the other roles may", async () => {
    expectProblem(await inject({ method: "POST", url: `${V1}/tokens`, headers: bearer("vera"), payload: {} }), 403, "auth.forbidden");
    for (const username of ["carlos", "olga", "andres"]) {
      const res = await inject({ method: "POST", url: `${V1}/tokens`, headers: bearer(username), payload: { label: "own" } });
      assert.equal(res.statusCode, 201, `${username}: ${res.body}`);
      assert.equal(res.json<TokenBody>().username, username);
    }
  });

  it("every role may read /me and /node", async () => {
    for (const [username, role] of USERS) {
      const me = await inject({ method: "GET", url: `${V1}/me`, headers: bearer(username) });
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json(), { username, role, node: "co", scope: null });
      assert.equal((await inject({ method: "GET", url: `${V1}/node`, headers: bearer(username) })).statusCode, 200);
    }
  });
});

describe("users", () => {
  it("an admin creates a user (201, no credential in the answer); a duplicate is 409 user.exists", async () => {
    const payload = { username: "pablo", role: "officer", password: PASSWORD, scope: { sectors: ["catatumbo"] } };
    const res = await inject({ method: "POST", url: `${V1}/users`, headers: admin(), payload });
    assert.equal(res.statusCode, 201, res.body);
    const user = res.json<{ username: string; role: string; scope: unknown; disabled: boolean }>();
    assert.equal(user.username, "pablo");
    assert.deepEqual(user.scope, { sectors: ["catatumbo"], units: [] });
    assert.equal(user.disabled, false);
    assert.doesNotMatch(res.body, /scrypt|password/i);

    const events = await countRows("events");
    const dup = expectProblem(await inject({ method: "POST", url: `${V1}/users`, headers: admin(), payload }), 409, "user.exists");
    assert.deepEqual(
      dup.errors?.map((e) => e.field),
      ["username"],
    );
    assert.equal(await countRows("events"), events);
  });

  it("the last admin cannot be demoted or disabled (409) and nothing is written", async () => {
    const events = await countRows("events");
    expectProblem(
      await inject({ method: "PATCH", url: `${V1}/users/ana`, headers: admin(), payload: { role: "viewer" } }),
      409,
      "user.last_admin",
    );
    expectProblem(
      await inject({ method: "PATCH", url: `${V1}/users/ana`, headers: admin(), payload: { disabled: true } }),
      409,
      "user.last_admin",
    );
    assert.equal(await countRows("events"), events);
  });

  it("a no-op PATCH answers 200 and writes nothing", async () => {
    const events = await countRows("events");
    const res = await inject({ method: "PATCH", url: `${V1}/users/vera`, headers: admin(), payload: { role: "viewer", disabled: false } });
    assert.equal(res.statusCode, 200, res.body);
    const scoped = await inject({ method: "PATCH", url: `${V1}/users/vera`, headers: admin(), payload: { scope: { sectors: ["x"] } } });
    assert.equal(scoped.statusCode, 200, scoped.body);
    assert.equal(scoped.json<{ scope: unknown }>().scope, null);
    assert.equal(await countRows("events"), events);
  });

  it("PATCH of an unknown user is 404 user.not_found", async () => {
    expectProblem(
      await inject({ method: "PATCH", url: `${V1}/users/nadie`, headers: admin(), payload: { role: "viewer" } }),
      404,
      "user.not_found",
    );
  });

  it("a new password replaces the old one at login", async () => {
    await addUser(t.node, "rosa", "analyst", PASSWORD);
    const res = await inject({ method: "PATCH", url: `${V1}/users/rosa`, headers: admin(), payload: { password: "another long secret" } });
    assert.equal(res.statusCode, 200, res.body);
    expectProblem(await postLogin("rosa", PASSWORD), 401, "auth.bad_credentials");
    assert.equal((await postLogin("rosa", "another long secret")).statusCode, 200);
  });
});

describe("tokens", () => {
  it("create returns the token once; GET /tokens never shows it", async () => {
    const res = await inject({ method: "POST", url: `${V1}/tokens`, headers: bearer("carlos"), payload: { label: "nightly export" } });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json<TokenBody>();
    assert.match(created.token ?? "", /^enl_[A-Za-z0-9_-]{43}$/);
    assert.equal(created.username, "carlos");
    assert.equal(created.label, "nightly export");
    assert.equal(created.expiresAt, null);
    assert.equal(created.revokedAt, null);
    assert.ok(!("userId" in created));
    // The token works.
    const me = await inject({ method: "GET", url: `${V1}/me`, headers: { authorization: `Bearer ${created.token ?? ""}` } });
    assert.deepEqual(me.json(), { username: "carlos", role: "commander", node: "co", scope: null });

    for (const who of ["carlos", "ana"]) {
      const list = await inject({ method: "GET", url: `${V1}/tokens`, headers: bearer(who) });
      assert.equal(list.statusCode, 200);
      const tokens = list.json<TokenBody[]>();
      const found = tokens.find((tk) => tk.id === created.id);
      assert.ok(found, `${who} sees the token`);
      assert.deepEqual(Object.keys(found).sort(), ["createdAt", "expiresAt", "id", "label", "revokedAt", "username"]);
      assert.ok(!list.body.includes(created.token ?? "-"));
      assert.ok(tokens.every((tk) => !("token" in tk) && !("tokenHash" in tk)));
    }
  });

  it("a non-admin lists only its own tokens; an admin lists all", async () => {
    const own = (await inject({ method: "GET", url: `${V1}/tokens`, headers: bearer("olga") })).json<TokenBody[]>();
    assert.ok(own.length > 0);
    assert.ok(own.every((tk) => tk.username === "olga"));
    const all = (await inject({ method: "GET", url: `${V1}/tokens`, headers: admin() })).json<TokenBody[]>();
    assert.ok(new Set(all.map((tk) => tk.username)).size >= USERS.length);
  });

  it("an admin may create a token for another user, with an expiry", async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const res = await inject({ method: "POST", url: `${V1}/tokens`, headers: admin(), payload: { username: "vera", expiresAt } });
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json<TokenBody>();
    assert.equal(created.username, "vera");
    assert.equal(created.label, "api");
    assert.equal(created.expiresAt, expiresAt);
  });

  it("revoking an unknown token is 404 for an admin and 403 for anyone else", async () => {
    const ghost = "0190f5c0-0000-7000-8000-00000000dead";
    expectProblem(await inject({ method: "DELETE", url: `${V1}/tokens/${ghost}`, headers: admin() }), 404, "token.not_found");
    expectProblem(await inject({ method: "DELETE", url: `${V1}/tokens/${ghost}`, headers: bearer("olga") }), 403, "auth.forbidden");
  });
});

describe("GET /audit/events", () => {
  it("shows the log with passwordHash and tokenHash redacted", async () => {
    // Make sure a user.password_set is in the log too.
    const patched = await inject({ method: "PATCH", url: `${V1}/users/olga`, headers: admin(), payload: { password: PASSWORD } });
    assert.equal(patched.statusCode, 200, patched.body);
    const res = await inject({ method: "GET", url: `${V1}/audit/events?limit=1000`, headers: admin() });
    assert.equal(res.statusCode, 200, res.body);
    const { events, next } = res.json<AuditBody>();
    assert.equal(next, null);
    assert.equal(events.length, await countRows("events"));
    const byType = (type: string) => events.filter((e) => e.type === type);
    assert.equal(byType("node.created").length, 1);
    for (const type of ["user.created", "user.password_set"]) {
      assert.ok(byType(type).length > 0, type);
      for (const e of byType(type)) assert.equal(e.data.passwordHash, "[redacted]", type);
    }
    assert.ok(byType("token.created").length > 0);
    for (const e of byType("token.created")) {
      assert.equal(e.data.tokenHash, "[redacted]");
      assert.equal(typeof e.data.userId, "string");
    }
    const ana = byType("user.created").find((e) => e.data.username === "ana");
    assert.deepEqual(ana?.data, { username: "ana", role: "admin", scope: null, passwordHash: "[redacted]" });
    assert.ok(!res.body.includes("scrypt$"), "a password hash leaked");
    const tokenHashes = await t.node.db.kysely.selectFrom("tokens").select("token_hash").execute();
    assert.ok(tokenHashes.length > 0);
    for (const { token_hash } of tokenHashes) assert.ok(!res.body.includes(token_hash), "a token hash leaked");
  });

  it("pages with after and limit", async () => {
    const first = (await inject({ method: "GET", url: `${V1}/audit/events?limit=2`, headers: admin() })).json<AuditBody>();
    assert.equal(first.events.length, 2);
    assert.equal(first.next, first.events[1]?.pos);
    const second = (
      await inject({ method: "GET", url: `${V1}/audit/events?limit=2&after=${first.next ?? 0}`, headers: admin() })
    ).json<AuditBody>();
    assert.ok((second.events[0]?.pos ?? 0) > (first.next ?? 0));
    const national = (
      await inject({ method: "GET", url: `${V1}/audit/events?space=national&limit=5`, headers: admin() })
    ).json<AuditBody>();
    assert.equal(national.events.length, 5);
    const none = (await inject({ method: "GET", url: `${V1}/audit/events?space=co-ve`, headers: admin() })).json<AuditBody>();
    assert.deepEqual(none, { events: [], next: null });
  });
});

describe("GET /node", () => {
  it("returns id, name, country, publicKey and spaces", async () => {
    const res = await inject({ method: "GET", url: `${V1}/node`, headers: bearer("vera") });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      id: "co",
      name: "Fuerzas Militares de Colombia",
      country: "CO",
      publicKey: t.node.keys.publicKeyText,
      spaces: [{ id: "national", name: "national", members: ["co"] }],
    });
  });
});

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/** A request of the bad-input table: its route, what is wrong, and the field the problem must name. */
interface BadCase {
  readonly route: string;
  readonly name: string;
  readonly url: string;
  readonly payload?: string | object;
  readonly headers?: Record<string, string>;
  readonly field: string;
  /** When not 400 validation.failed. */
  readonly status?: number;
  readonly code?: string;
}

const asJson = { "content-type": "application/json" };
const MALFORMED = { status: 400, code: "request.malformed" } as const;
const UNSUPPORTED = { status: 415, code: "request.unsupported_media_type" } as const;

/** Every route that takes input; the table below must have a case for each. */
const ROUTES_WITH_INPUT = [
  "POST /session",
  "DELETE /session",
  "POST /users",
  "PATCH /users/:username",
  "POST /tokens",
  "DELETE /tokens/:id",
  "GET /audit/events",
];

function badCases(tokenId: string): BadCase[] {
  const ok = { username: "nuevo", role: "analyst", password: PASSWORD };
  const session = { route: "POST /session", url: `${V1}/session` };
  const users = { route: "POST /users", url: `${V1}/users` };
  const patch = { route: "PATCH /users/:username", url: `${V1}/users/vera` };
  const tokens = { route: "POST /tokens", url: `${V1}/tokens` };
  const revoke = (id: string) => ({ route: "DELETE /tokens/:id", url: `${V1}/tokens/${id}` });
  const audit = (query: string, field: string): BadCase => ({
    route: "GET /audit/events",
    name: query,
    url: `${V1}/audit/events?${query}`,
    field,
  });
  return [
    { ...session, name: "missing password", payload: { username: "ana" }, field: "password" },
    { ...session, name: "missing username", payload: { password: PASSWORD }, field: "username" },
    { ...session, name: "username of the wrong type", payload: { username: 7, password: PASSWORD }, field: "username" },
    { ...session, name: "password too long", payload: { username: "ana", password: "x".repeat(201) }, field: "password" },
    { ...session, name: "extra field", payload: { username: "ana", password: PASSWORD, remember: true }, field: "body" },
    { ...session, name: "array body", payload: [], field: "body" },
    { ...session, name: "non-JSON body", payload: "{username: ana", headers: asJson, field: "body", ...MALFORMED },
    { ...session, name: "empty JSON body", payload: "", headers: asJson, field: "body", ...MALFORMED },
    { ...session, name: "text/plain body", payload: "ana:pw", headers: { "content-type": "text/plain" }, field: "body" },
    {
      ...session,
      name: "form body",
      payload: "username=ana",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      field: "header.content-type",
      ...UNSUPPORTED,
    },

    { route: "DELETE /session", name: "non-JSON body", url: `${V1}/session`, payload: "{", headers: asJson, field: "body", ...MALFORMED },

    { ...users, name: "username of the wrong type", payload: { ...ok, username: 42 }, field: "username" },
    { ...users, name: "username not matching the pattern", payload: { ...ok, username: "Ana María" }, field: "username" },
    { ...users, name: "missing password", payload: { username: "nuevo", role: "analyst" }, field: "password" },
    { ...users, name: "missing role", payload: { username: "nuevo", password: PASSWORD }, field: "role" },
    { ...users, name: "bad role enum", payload: { ...ok, role: "general" }, field: "role" },
    { ...users, name: "password too short", payload: { ...ok, password: "short" }, field: "password" },
    {
      ...users,
      name: "scope.sectors of the wrong type",
      payload: { ...ok, role: "officer", scope: { sectors: "catatumbo" } },
      field: "scope.sectors",
    },
    {
      ...users,
      name: "scope.units item of the wrong type",
      payload: { ...ok, role: "officer", scope: { units: [5] } },
      field: "scope.units.0",
    },
    { ...users, name: "extra field in scope", payload: { ...ok, role: "officer", scope: { zones: [] } }, field: "scope" },
    { ...users, name: "extra field", payload: { ...ok, isAdmin: true }, field: "body" },
    { ...users, name: "null body", payload: "null", headers: asJson, field: "body" },
    { ...users, name: "non-JSON body", payload: '{"username":', headers: asJson, field: "body", ...MALFORMED },
    { ...users, name: "text/plain body", payload: "nuevo", headers: { "content-type": "text/plain" }, field: "body" },
    {
      ...users,
      name: "XML body",
      payload: "<user/>",
      headers: { "content-type": "application/xml" },
      field: "header.content-type",
      ...UNSUPPORTED,
    },

    { ...patch, name: "bad username in the path", url: `${V1}/users/Vera!`, payload: { role: "viewer" }, field: "path.username" },
    {
      ...patch,
      name: "username in the path too long",
      url: `${V1}/users/${"v".repeat(40)}`,
      payload: { role: "viewer" },
      field: "path.username",
    },
    { ...patch, name: "nothing to change", payload: {}, field: "body" },
    { ...patch, name: "bad role enum", payload: { role: "root" }, field: "role" },
    { ...patch, name: "disabled of the wrong type", payload: { disabled: "yes" }, field: "disabled" },
    { ...patch, name: "password too short", payload: { password: "123" }, field: "password" },
    { ...patch, name: "scope of the wrong type", payload: { scope: "everything" }, field: "scope" },
    { ...patch, name: "extra field", payload: { nickname: "v" }, field: "body" },
    { ...patch, name: "non-JSON body", payload: "{role", headers: asJson, field: "body", ...MALFORMED },
    {
      ...patch,
      name: "form body",
      payload: "role=admin",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      field: "header.content-type",
      ...UNSUPPORTED,
    },

    { ...tokens, name: "label of the wrong type", payload: { label: 5 }, field: "label" },
    { ...tokens, name: "blank label", payload: { label: "   " }, field: "label" },
    { ...tokens, name: "label too long", payload: { label: "l".repeat(101) }, field: "label" },
    { ...tokens, name: "expiresAt not a date", payload: { expiresAt: "tomorrow" }, field: "expiresAt" },
    { ...tokens, name: "expiresAt without an offset", payload: { expiresAt: "2031-01-01T00:00:00" }, field: "expiresAt" },
    { ...tokens, name: "expiresAt in the past", payload: { expiresAt: "2001-01-01T00:00:00Z" }, field: "expiresAt" },
    { ...tokens, name: "username not matching the pattern", payload: { username: "NOT VALID" }, field: "username" },
    { ...tokens, name: "extra field", payload: { label: "x", scopes: ["all"] }, field: "body" },
    { ...tokens, name: "non-JSON body", payload: "label=x", headers: asJson, field: "body", ...MALFORMED },

    { ...revoke("not-a-uuid"), name: "not a uuid", field: "path.id" },
    { ...revoke("12345"), name: "a number", field: "path.id" },
    { ...revoke(`${tokenId}x`), name: "a uuid with a trailing character", field: "path.id" },

    audit("limit=abc", "query.limit"),
    audit("limit=0", "query.limit"),
    audit("limit=1001", "query.limit"),
    audit("limit=2.5", "query.limit"),
    audit("after=-1", "query.after"),
    audit("after=x", "query.after"),
    audit("space=BAD", "query.space"),
    audit(`space=${"s".repeat(101)}`, "query.space"),
    audit("since=yesterday", "query"),
  ];
}

const methodOf = (c: BadCase) => (c.route.split(" ")[0] ?? "GET") as Method;

describe("bad input on every route: 4xx problem+json naming the field, nothing written", () => {
  let cases: BadCase[] = [];
  before(async () => {
    cases = badCases(await tokenIdOf("vera"));
  });

  it("covers every route that takes input", () => {
    for (const route of ROUTES_WITH_INPUT)
      assert.ok(
        cases.some((c) => c.route === route),
        `${route} has no bad-input case`,
      );
    for (const c of cases) assert.ok(ROUTES_WITH_INPUT.includes(c.route), c.route);
  });

  it("every case is refused as the table says", async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const events = await countRows("events");
      const sessions = await countRows("sessions");
      const res = await inject({
        method: methodOf(c),
        url: c.url,
        headers: { ...admin(), ...c.headers },
        ...(c.payload !== undefined ? { payload: c.payload } : {}),
        remoteAddress: nextIp(),
      });
      const status = c.status ?? 400;
      const code = c.code ?? "validation.failed";
      const problem = String(res.headers["content-type"]).startsWith("application/problem+json") ? res.json<ProblemBody>() : undefined;
      const fields = problem?.errors?.map((e) => e.field) ?? [];
      if (res.statusCode !== status || problem?.code !== code || !fields.includes(c.field)) {
        failures.push(`${c.route} (${c.name}): expected ${status} ${code} naming ${c.field}, got ${res.statusCode} ${res.body}`);
      }
      if ((await countRows("events")) !== events || (await countRows("sessions")) !== sessions)
        failures.push(`${c.route} (${c.name}): wrote something`);
    }
    assert.deepEqual(failures, []);
  });

  it("validation comes after authentication: a bad request without credentials is 401", async () => {
    expectProblem(await inject({ method: "POST", url: `${V1}/users`, payload: { username: 1 } }), 401, "auth.required");
    expectProblem(await inject({ method: "GET", url: `${V1}/audit/events?limit=abc` }), 401, "auth.required");
  });

  it("never a 500 for a hostile body", async () => {
    const events = await countRows("events");
    const hostile: Array<{ method: Method; url: string; payload: string }> = [
      {
        method: "POST",
        url: `${V1}/users`,
        payload: '{"__proto__":{"role":"admin"},"username":"x1","role":"viewer","password":"long enough pw"}',
      },
      { method: "POST", url: `${V1}/users`, payload: `{"username":"${"a".repeat(2 * 1024 * 1024)}"}` },
      { method: "PATCH", url: `${V1}/users/vera`, payload: `{"scope":{"sectors":[${'"s",'.repeat(300)}"s"]}}` },
    ];
    for (const r of hostile) {
      const res = await inject({ ...r, headers: { ...admin(), ...asJson } });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 300)}`);
      assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
    }
    assert.equal(await countRows("events"), events);
  });
});
