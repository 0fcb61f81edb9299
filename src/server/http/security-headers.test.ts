import assert from "node:assert/strict";
import { it } from "node:test";
import { securityHeaders } from "./security-headers";

it("asks browsers to upgrade requests only for a node published over HTTPS", () => {
  assert.doesNotMatch(securityHeaders({ https: false })["content-security-policy"] ?? "", /upgrade-insecure-requests/);
  assert.match(securityHeaders({ https: true })["content-security-policy"] ?? "", /;upgrade-insecure-requests$/);
});

it("forbids other sites to frame the console, sniffing, referrers and plugins", () => {
  const h = securityHeaders({ https: false });
  assert.equal(h["x-frame-options"], "SAMEORIGIN");
  assert.match(h["content-security-policy"] ?? "", /frame-ancestors 'self'/);
  assert.match(h["content-security-policy"] ?? "", /object-src 'none'/);
  assert.equal(h["x-content-type-options"], "nosniff");
  assert.equal(h["referrer-policy"], "no-referrer");
});
