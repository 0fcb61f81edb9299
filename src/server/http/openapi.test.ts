import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import type { App } from "./types";

/**
 * The node's self-description and operations surface: the OpenAPI document covers every
 * route under /api/v1, the docs page answers, health, readiness and Prometheus metrics
 * work, and every response carries an x-request-id.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The API routes known today; the enumeration below must find at least these. */
const KNOWN_API_ROUTES = [
  "POST /api/v1/session",
  "DELETE /api/v1/session",
  "GET /api/v1/me",
  "GET /api/v1/node",
  "GET /api/v1/users",
  "POST /api/v1/users",
  "PATCH /api/v1/users/:username",
  "GET /api/v1/tokens",
  "POST /api/v1/tokens",
  "DELETE /api/v1/tokens/:id",
  "GET /api/v1/audit/events",
];

/**
 * Every route the app registered, as "METHOD /path", read from `printRoutes` (a tree whose
 * children continue their parent's path). HEAD twins of GET routes are left out.
 */
function registeredRoutes(app: App): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? "") + (m[2] ?? "");
    stack[depth] = path;
    for (const method of (m[3] ?? "").split(", ").filter(Boolean)) {
      if (method !== "HEAD") out.push(`${method} ${path}`);
    }
  }
  return [...new Set(out)].sort();
}

interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string }>;
        requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
      }
    >
  >;
  components?: { securitySchemes?: Record<string, unknown> };
}

let t: TestNode & { app: App };
let token = "";

before(async () => {
  t = await createTestApp();
  token = await addUser(t.node, "ana", "admin");
});

after(async () => {
  await t.dispose();
});

describe("GET /api/openapi.json", () => {
  let doc: OpenApiDoc;
  before(async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^application\/json/);
    doc = res.json<OpenApiDoc>();
  });

  it("is OpenAPI 3.1.0, public, with both security schemes", () => {
    assert.equal(doc.openapi, "3.1.0");
    assert.equal(doc.info.title, "Enlace node API");
    assert.deepEqual(Object.keys(doc.components?.securitySchemes ?? {}).sort(), ["bearer", "session"]);
  });

  it("the route enumeration finds every known API route", () => {
    const routes = registeredRoutes(t.app);
    for (const known of KNOWN_API_ROUTES) assert.ok(routes.includes(known), `${known} not found in ${routes.join(", ")}`);
    assert.ok(routes.includes("GET /healthz"));
  });

  it("every route registered under /api/v1 appears in paths with its method", () => {
    const api = registeredRoutes(t.app).filter((r) => r.split(" ")[1]?.startsWith("/api/v1/"));
    assert.ok(api.length >= KNOWN_API_ROUTES.length);
    const missing = api.filter((r) => {
      const [method = "", path = ""] = r.split(" ");
      return !doc.paths[path.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
    });
    assert.deepEqual(missing, []);
  });

  it("documents nothing that is not a route, and hides health, metrics and the document itself", () => {
    const routes = new Set(registeredRoutes(t.app));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        assert.ok(routes.has(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`), `${method} ${path} is not a route`);
      }
      assert.ok(path.startsWith("/api/v1/"), path);
    }
  });

  it("carries the zod schemas: body, path and query parameters", () => {
    const create = doc.paths["/api/v1/users"]?.post?.requestBody?.content["application/json"]?.schema;
    assert.deepEqual(Object.keys(create?.properties ?? {}).sort(), ["password", "role", "scope", "username"]);
    assert.deepEqual([...(create?.required ?? [])].sort(), ["password", "role", "username"]);
    const patch = doc.paths["/api/v1/users/{username}"]?.patch?.parameters ?? [];
    assert.ok(patch.some((p) => p.name === "username" && p.in === "path"));
    const audit = doc.paths["/api/v1/audit/events"]?.get?.parameters ?? [];
    assert.deepEqual(
      audit
        .filter((p) => p.in === "query")
        .map((p) => p.name)
        .sort(),
      ["after", "limit", "space"],
    );
  });
});

describe("GET /api/docs", () => {
  it("answers with the UI, or redirects to it", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs" });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      assert.match(String(res.headers.location), /^\/api\/docs/);
      return;
    }
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/html/);
    assert.match(res.body, /swagger/i);
  });
});

describe("health", () => {
  it("/healthz answers ok without credentials", async () => {
    const res = await t.app.inject({ method: "GET", url: "/healthz" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok" });
  });

  it("/readyz answers ready while the database answers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/readyz" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ready" });
  });
});

describe("GET /metrics", () => {
  it("is Prometheus text with requests, a latency histogram, events stored and log size", async () => {
    const auth = { authorization: `Bearer ${token}` };
    assert.equal((await t.app.inject({ method: "GET", url: "/no/such/route" })).statusCode, 404);
    for (let i = 0; i < 3; i++) assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/node", headers: auth })).statusCode, 200);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/v1/node" })).statusCode, 401);
    await new Promise((resolve) => setImmediate(resolve));

    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/plain; version=0\.0\.4/);
    const lines = res.body.split("\n");
    const value = (series: string) => {
      const line = lines.find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };

    assert.ok(lines.includes("# TYPE enlace_http_requests_total counter"));
    assert.equal(value('enlace_http_requests_total{method="GET",route="/api/v1/node",status="200"}'), 3);
    assert.equal(value('enlace_http_requests_total{method="GET",route="/api/v1/node",status="401"}'), 1);
    // Series are per route pattern, so unknown URLs cannot multiply them.
    assert.ok(!res.body.includes("/no/such/route"));

    assert.ok(lines.includes("# TYPE enlace_http_request_duration_seconds histogram"));
    const node = 'method="GET",route="/api/v1/node"';
    const buckets = lines.filter((l) => l.startsWith(`enlace_http_request_duration_seconds_bucket{${node},le=`));
    assert.ok(buckets.length > 1);
    const counts = buckets.map((l) => Number(l.split(" ").at(-1)));
    for (let i = 1; i < counts.length; i++) assert.ok((counts[i] ?? 0) >= (counts[i - 1] ?? 0), "buckets are cumulative");
    assert.equal(value(`enlace_http_request_duration_seconds_bucket{${node},le="+Inf"}`), 4);
    assert.equal(value(`enlace_http_request_duration_seconds_count{${node}}`), 4);
    assert.ok((value(`enlace_http_request_duration_seconds_sum{${node}}`) ?? -1) >= 0);

    // addUser appended user.created and token.created after the app was built.
    assert.ok(lines.includes("# TYPE enlace_events_stored_total counter"));
    assert.equal(value('enlace_events_stored_total{space="national",origin="co"}'), 2);
    assert.ok(lines.includes("# TYPE enlace_log_events gauge"));
    const row = await t.node.db.kysely
      .selectFrom("events")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(value("enlace_log_events"), Number(row.n));
    assert.equal(value("enlace_log_events"), 3);
  });

  it("counts events stored through an API command", async () => {
    const scrape = async () => {
      const body = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
      const line = body.split("\n").find((l) => l.startsWith('enlace_events_stored_total{space="national",origin="co"} '));
      return Number(line?.split(" ")[1]);
    };
    const before = await scrape();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { authorization: `Bearer ${token}` },
      payload: { label: "metrics" },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(await scrape(), before + 1);
  });
});

describe("x-request-id", () => {
  const auth = () => ({ authorization: `Bearer ${token}` });
  const requests = () =>
    [
      { method: "GET", url: "/healthz" },
      { method: "GET", url: "/readyz" },
      { method: "GET", url: "/metrics" },
      { method: "GET", url: "/api/openapi.json" },
      { method: "GET", url: "/api/docs" },
      { method: "HEAD", url: "/healthz" },
      { method: "GET", url: "/api/v1/me", headers: auth() },
      { method: "GET", url: "/api/v1/me" },
      { method: "GET", url: "/api/v1/users", headers: auth() },
      { method: "POST", url: "/api/v1/users", headers: auth(), payload: { username: 1 } },
      { method: "POST", url: "/api/v1/users", headers: { ...auth(), "content-type": "application/xml" }, payload: "<a/>" },
      { method: "POST", url: "/api/v1/session", payload: { username: "nadie", password: "x" } },
      { method: "DELETE", url: "/api/v1/session" },
      { method: "GET", url: "/no/such/route" },
    ] as const;

  it("every response carries a generated UUID x-request-id", async () => {
    const seen = new Set<string>();
    for (const r of requests()) {
      const res = await t.app.inject(r);
      const id = res.headers["x-request-id"];
      assert.ok(typeof id === "string" && UUID.test(id), `${r.method} ${r.url} (${res.statusCode}): x-request-id ${String(id)}`);
      seen.add(id);
      if (String(res.headers["content-type"]).startsWith("application/problem+json")) {
        assert.equal(res.json<{ instance: string }>().instance, `urn:enlace:request:${id}`);
      }
    }
    assert.equal(seen.size, requests().length, "ids are unique");
  });

  it("a caller's x-request-id is carried through to the answer and the problem", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { "x-request-id": "trace-42" } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers["x-request-id"], "trace-42");
    assert.equal(res.json<{ instance: string }>().instance, "urn:enlace:request:trace-42");
  });

  it("an unknown route is a 404 problem+json", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/nothing-here", headers: { "accept-language": "en" } });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
    assert.equal(res.json<{ code: string; title: string }>().code, "not_found");
    assert.equal(res.json<{ code: string; title: string }>().title, "Not found.");
  });
});

describe("/readyz when the database is gone", () => {
  it("answers 503 problem+json service.unavailable", async () => {
    const other = await createTestApp();
    try {
      await other.node.db.close();
      const res = await other.app.inject({ method: "GET", url: "/readyz" });
      assert.equal(res.statusCode, 503, res.body);
      assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
      assert.equal(res.json<{ code: string }>().code, "service.unavailable");
      assert.equal((await other.app.inject({ method: "GET", url: "/healthz" })).statusCode, 200);
    } finally {
      await other.dispose();
    }
  });
});
