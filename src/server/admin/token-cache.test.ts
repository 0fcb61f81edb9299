import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import type { App } from "../http/types";
import { consoleActor, createToken, hashToken, revokeToken, updateUser } from "./commands";
import { cachedToken, forgetTokens, TOKEN_CACHE_MS, tokenLookup } from "./token-cache";

/**
 * Tokens found valid are cached for a moment; every change to what a token grants still
 * holds from the moment its command answers, and one made by another process (a second
 * connection, as the CLI opens) within TOKEN_CACHE_MS.
 */
let t: TestNode & { app: App };
const asConsole = () => ({ store: t.node.store, actor: consoleActor("co") });

before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.dispose();
});

const me = (token: string) => t.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });

/** A fresh token of a fresh user, already used once (so it is cached). */
async function usedToken(username: string): Promise<{ token: string; id: string }> {
  await addUser(t.node, username, "officer");
  const { token, view } = await createToken(asConsole(), { username, label: "cached" });
  assert.equal((await me(token)).statusCode, 200);
  assert.ok(cachedToken(t.node.db, hashToken(token)), "the token was not cached");
  return { token, id: view.id };
}

const codeOf = async (token: string) => {
  const res = await me(token);
  return res.statusCode === 200 ? "ok" : (res.json() as { code: string }).code;
};

describe("token cache", () => {
  it("a revoked token is refused on the next request", async () => {
    const { token, id } = await usedToken("rosa");
    await revokeToken(asConsole(), id);
    assert.equal(await codeOf(token), "auth.token_revoked");
  });

  it("a user's disabling and role change hold on the next request", async () => {
    const { token } = await usedToken("pedro");
    await updateUser(asConsole(), "pedro", { disabled: true });
    assert.equal(await codeOf(token), "auth.required");
    await updateUser(asConsole(), "pedro", { disabled: false });
    assert.equal(await codeOf(token), "ok");
    await updateUser(asConsole(), "pedro", { role: "viewer" });
    assert.equal((await me(token)).json().role, "viewer");
  });

  it("a revocation by another connection holds within the cache's lifetime", async () => {
    const { token, id } = await usedToken("lucia");
    const other = await t.reopen();
    await revokeToken({ store: other.store, actor: consoleActor("co") }, id);
    const deadline = Date.now() + 10 * TOKEN_CACHE_MS;
    while ((await codeOf(token)) === "ok" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await codeOf(token), "auth.token_revoked");
  });

  it("a lookup that read before a forget does not keep what it read", () => {
    const keep = tokenLookup(t.node.db);
    forgetTokens(t.node.db);
    keep("stale", { user: { id: "u", username: "u", role: "officer", scope: null, disabled: false }, expiresAt: null });
    assert.equal(cachedToken(t.node.db, "stale"), undefined);
  });
});
