import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Fastify from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { createTestApp } from "../../../test/helpers/node";
import { errorHandler } from "./errors";
import type { App } from "./types";
import { webBuildStale, webRoutes } from "./web";

/**
 * Serving the console: files of the build, index.html for client routes, and problem+json
 * (never the console) for misses under the API, federation and health paths.
 */
describe("webRoutes", () => {
  let dist: string;
  let app: App;

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), "enlace-web-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Enlace</title>");
    writeFileSync(join(dist, "assets", "app-123.js"), "console.log(1)");
    app = Fastify().withTypeProvider<ZodTypeProvider>() as unknown as App;
    app.setErrorHandler(errorHandler);
    await webRoutes(app, dist);
  });

  after(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves a built file, assets cached for good", async () => {
    const res = await app.inject({ method: "GET", url: "/assets/app-123.js" });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /javascript/);
    assert.match(String(res.headers["cache-control"]), /immutable/);
  });

  it("answers client routes with index.html, not cached", async () => {
    for (const url of ["/", "/statements", "/activities/0190-abc?x=1", "/reports/progress?statementId=1"]) {
      const res = await app.inject({ method: "GET", url, headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers["content-type"]), /^text\/html/, url);
      assert.match(res.body, /<title>Enlace<\/title>/, url);
      assert.equal(res.headers["cache-control"], "no-cache", url);
    }
  });

  it("a script (no Accept: text/html) gets a 404 problem for an unknown path", async () => {
    const res = await app.inject({ method: "GET", url: "/no/such/page", headers: { accept: "application/json" } });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
  });

  it("never falls back under /api, /federation, /taxii2 or the health paths", async () => {
    for (const url of ["/api/v1/nothing", "/api", "/federation/v1/x", "/taxii2/", "/healthz/x", "/metrics/x", "/readyz/y"]) {
      const res = await app.inject({ method: "GET", url, headers: { "accept-language": "en", accept: "text/html" } });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers["content-type"]), /^application\/problem\+json/, url);
      assert.equal(res.json<{ code: string }>().code, "not_found", url);
    }
  });

  it("does not leave the build folder", async () => {
    for (const url of ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fetc%2fpasswd", "/%E0%A4%A"]) {
      const res = await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      assert.ok([200, 400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
      assert.ok(!res.body.includes("root:"), url);
    }
  });
});

describe("webBuildStale", () => {
  it("is stale when index.html is missing, fresh when newer than the sources", () => {
    const dist = mkdtempSync(join(tmpdir(), "enlace-web-"));
    try {
      assert.equal(webBuildStale(dist), true);
      writeFileSync(join(dist, "index.html"), "x");
      const future = new Date(Date.now() + 86_400_000);
      utimesSync(join(dist, "index.html"), future, future);
      assert.equal(webBuildStale(dist), false);
      const past = new Date(0);
      utimesSync(join(dist, "index.html"), past, past);
      assert.equal(webBuildStale(dist), true);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe("the node's Content-Security-Policy for the console", () => {
  it("lets the built app run (own scripts, inline styles) and does not upgrade plain-HTTP requests", async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: "GET", url: "/statements", headers: { accept: "text/html" } });
      const csp = String(res.headers["content-security-policy"]);
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /style-src 'self' 'unsafe-inline'/);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/, "a node without an https public URL serves its console over HTTP");
      assert.equal(res.headers["x-frame-options"], "SAMEORIGIN");
      // An API refusal carries them too.
      const refused = await t.app.inject({ method: "GET", url: "/api/v1/incidents" });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.headers["content-security-policy"], csp);
      assert.equal(refused.headers["x-content-type-options"], "nosniff");
    } finally {
      await t.dispose();
    }
  });
});
