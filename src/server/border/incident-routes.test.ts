import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiOf, countEvents, expectJson, expectProblem, ROLE_USERS } from "../../../test/helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import type { IncidentDetailView, IncidentPageView, SectorView } from "../../core/border/views";
import { consoleActor } from "../admin/commands";
import type { App } from "../http/types";
import { borderContext, reportIncident } from "./commands";
import { borderProjection } from "./projection";

/**
 * Incidents through HTTP on a Colombian node: the own-territory rule, malformed and
 * out-of-range coordinates refused with nothing written, filters, keyset paging, follow-ups
 * and closing by the owner.
 */
let t: TestNode & { app: App };
let api: ReturnType<typeof apiOf>;
const tok: Record<string, string> = {};
const IN_CO = { lat: 7.8939, lon: -72.5078 };
const IN_VE = { lat: 7.7669, lon: -72.225 };

const body = (over: Record<string, unknown> = {}) => ({
  type: "smuggling_fuel",
  occurredAt: "2026-01-10T06:00:00Z",
  position: IN_CO,
  impact: "medium",
  confidence: { reliability: "B", credibility: 2 },
  goods: [{ category: "fuel", quantity: 1200, unit: "l" }],
  summary: "Pimpinas en la trocha",
  originator: "Batallón 30",
  ...over,
});

before(async () => {
  t = await createTestApp();
  api = apiOf(t.app);
  for (const [name, role] of ROLE_USERS) tok[name] = await addUser(t.node, name, role);
});
after(async () => {
  await t.dispose();
});

async function refusedUnwritten(payload: unknown, status: number, code: string, field: string, raw = false) {
  const before = await countEvents(t.node);
  const res = raw
    ? await t.app.inject({
        method: "POST",
        url: "/api/v1/incidents",
        headers: { authorization: `Bearer ${tok.olga}`, "content-type": "application/json" },
        payload: payload as string,
      })
    : await api(tok.olga, "POST", "/incidents", payload);
  const p = expectProblem(res, status, code);
  assert.ok(
    p.errors?.some((e) => e.field === field),
    `${field} not in ${JSON.stringify(p.errors)}`,
  );
  assert.equal(await countEvents(t.node), before, "something was written");
}

describe("POST /incidents", () => {
  it("reports an incident with its position in both notations", async () => {
    const i = expectJson<IncidentDetailView>(await api(tok.andres, "POST", "/incidents", body()), 201);
    assert.deepEqual(
      [i.type, i.status, i.ownerNode, i.impact, i.followupCount, i.lateReport, i.location.lat],
      ["smuggling_fuel", "open", "co", "medium", 0, true, IN_CO.lat],
    );
    assert.match(i.location.mgrs, /^18N YP \d{5} \d{5}$/);
    assert.deepEqual(i.goods, [{ category: "fuel", quantity: 1200, unit: "l", description: "" }]);
  });

  it("answers a report with exactly what GET /incidents/:id then reads", async () => {
    const reports = [
      body(),
      body({
        position: { mgrs: "18N YP 50000 73000" },
        goods: [
          { category: "fuel", quantity: 0.5, unit: "m3", description: "  bidones  " },
          { category: "fuel", quantity: 30, unit: "l" },
          { category: "other", quantity: 1e9, unit: "units" },
        ],
        summary: "  con espacios  ",
        reportedAt: "2026-01-12T06:00:00-05:00",
        occurredAt: "2026-01-10T06:00:00.123+02:00",
      }),
      body({ space: "national", goods: [], summary: undefined, confidence: { reliability: "F", credibility: 6 } }),
    ];
    for (const report of reports) {
      const posted = expectJson<IncidentDetailView>(await api(tok.andres, "POST", "/incidents", report), 201);
      const read = expectJson<IncidentDetailView>(await api(tok.vera, "GET", `/incidents/${posted.id}`));
      assert.deepEqual(posted, read);
    }
  });

  it("flags a first report more than 24 h after the fact, from when the originator reported it", async () => {
    const typedInLater = body({ occurredAt: "2026-01-10T06:00:00Z", reportedAt: "2026-01-10T20:00:00Z" });
    const onTime = expectJson<IncidentDetailView>(await api(tok.andres, "POST", "/incidents", typedInLater), 201);
    assert.deepEqual([onTime.reportedAt, onTime.lateReport], ["2026-01-10T20:00:00.000Z", false]);
    const late = body({ occurredAt: "2026-01-10T06:00:00Z", reportedAt: "2026-01-11T06:00:01Z" });
    assert.equal(expectJson<IncidentDetailView>(await api(tok.andres, "POST", "/incidents", late), 201).lateReport, true);
  });

  it("refuses a position on Venezuelan territory (422 naming position), nothing written", async () => {
    await refusedUnwritten(body({ position: IN_VE }), 422, "border.outside_own_territory", "position");
    await refusedUnwritten(body({ position: { mgrs: "19P DM 00000 00000" } }), 422, "border.outside_own_territory", "position");
  });

  it("refuses malformed or out-of-range coordinates, naming the field, nothing written", async () => {
    const cases: [unknown, string, string][] = [
      [{ lat: "7.9", lon: -72.5 }, "validation.failed", "position.lat"],
      [{ lat: 7.9 }, "validation.failed", "position.lon"],
      [{}, "validation.failed", "position.lat"],
      [{ lat: 91, lon: -72.5 }, "validation.failed", "position.lat"],
      [{ lat: -90.5, lon: -72.5 }, "validation.failed", "position.lat"],
      [{ lat: 7.9, lon: -181 }, "validation.failed", "position.lon"],
      [{ lat: 7.9, lon: 180.0001 }, "validation.failed", "position.lon"],
      [{ lat: null, lon: -72.5 }, "validation.failed", "position.lat"],
      [{ lat: 7.9, lon: -72.5, mgrs: "18N YP 1 1" }, "validation.failed", "position.mgrs"],
      [{ lat: 7.9, lon: -72.5, alt: 3 }, "validation.failed", "position"],
      ["7.9,-72.5", "validation.failed", "position"],
      [{ mgrs: "18N YP 123" }, "border.bad_mgrs", "position.mgrs"],
      [{ mgrs: "18I YP 12 34" }, "border.bad_mgrs", "position.mgrs"],
      [{ mgrs: "" }, "validation.failed", "position.mgrs"],
    ];
    for (const [position, code, field] of cases) {
      const status = code === "validation.failed" || code === "border.bad_mgrs" ? 400 : 422;
      await refusedUnwritten(body({ position }), status, code, field);
    }
    await refusedUnwritten(body({ position: undefined }), 400, "validation.failed", "position");
    // NaN and Infinity are not JSON: the body does not parse.
    const nan = JSON.stringify(body()).replace(`"lat":${IN_CO.lat}`, '"lat":NaN');
    await refusedUnwritten(nan, 400, "request.malformed", "body", true);
  });

  it("refuses other bad fields and roles that may not report", async () => {
    await refusedUnwritten(body({ type: "piracy" }), 400, "validation.failed", "type");
    await refusedUnwritten(body({ confidence: { reliability: "G", credibility: 2 } }), 400, "validation.failed", "confidence.reliability");
    await refusedUnwritten(body({ confidence: { reliability: "A", credibility: 7 } }), 400, "validation.failed", "confidence.credibility");
    await refusedUnwritten(body({ goods: [{ category: "fuel", quantity: -1, unit: "l" }] }), 400, "validation.failed", "goods.0.quantity");
    await refusedUnwritten(body({ occurredAt: "2099-01-01T00:00:00Z" }), 400, "validation.failed", "occurredAt");
    await refusedUnwritten(body({ reportedAt: "2026-01-10T05:59:59Z" }), 400, "validation.failed", "reportedAt");
    await refusedUnwritten(body({ reportedAt: "2099-01-01T00:00:00Z" }), 400, "validation.failed", "reportedAt");
    await refusedUnwritten(body({ reportedAt: "yesterday" }), 400, "validation.failed", "reportedAt");
    await refusedUnwritten(body({ sectorId: "01900000-0000-7000-8000-000000000000" }), 404, "sector.not_found", "sectorId");
    const before = await countEvents(t.node);
    expectProblem(await api(tok.vera, "POST", "/incidents", body()), 403, "auth.forbidden");
    assert.equal(await countEvents(t.node), before);
  });
});

describe("GET /incidents", () => {
  let sector: SectorView;
  const made: string[] = [];
  before(async () => {
    sector = expectJson<SectorView>(
      await api(tok.carlos, "POST", "/sectors", {
        code: "S-09",
        name: "Sector 9",
        path: [
          [-72.47, 7.8],
          [-72.45, 7.95],
        ],
      }),
      201,
    );
    const ctx = borderContext(t.node, consoleActor("co"));
    // 30 incidents a day apart in January 2026; every third one in the sector, every fifth drugs.
    for (let d = 0; d < 30; d++) {
      const occurredAt = new Date(Date.UTC(2025, 11, 1 + d, 12)).toISOString();
      made.push(
        await reportIncident(ctx, {
          ...body({ occurredAt }),
          type: d % 5 === 0 ? "smuggling_drugs" : "smuggling_fuel",
          position: d % 2 === 0 ? IN_CO : { lat: 10.9, lon: -72.9 },
          sectorId: d % 3 === 0 ? sector.id : null,
          goods: [],
        } as Parameters<typeof reportIncident>[1]),
      );
    }
  });

  const page = async (q: string) => expectJson<IncidentPageView>(await api(tok.vera, "GET", `/incidents${q}`));

  it("filters by time window, sector, type, bbox and status", async () => {
    const dec = await page("?from=2025-12-01T00:00:00Z&to=2025-12-11T00:00:00Z&limit=100");
    assert.equal(dec.items.length, 10);
    assert.ok(dec.items.every((i) => i.occurredAt >= "2025-12-01" && i.occurredAt < "2025-12-11"));
    // The same window written with an offset is the same window.
    assert.equal((await page("?from=2025-11-30T19:00:00-05:00&to=2025-12-10T19:00:00-05:00")).items.length, 10);
    assert.equal((await page(`?sector=${sector.id}`)).items.length, 10);
    assert.equal((await page("?type=smuggling_drugs&from=2025-12-01T00:00:00Z&to=2026-01-01T00:00:00Z")).items.length, 6);
    const north = await page("?bbox=-73,10.5,-72.5,11.5&limit=1000");
    assert.equal(north.items.length, 15);
    assert.ok(north.items.every((i) => i.location.lat === 10.9));
    assert.equal((await page("?status=closed")).items.length, 0);
    const combined = await page(`?sector=${sector.id}&type=smuggling_drugs&bbox=-73,7,-72,8`);
    // In the sector and drugs: d = 0 and d = 15; in the Cúcuta box (even d): d = 0 only.
    assert.equal(combined.items.length, 1);
  });

  it("pages newest first with a cursor, each incident once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: IncidentPageView = await page(
        `?from=2025-12-01T00:00:00Z&to=2026-01-01T00:00:00Z&limit=7${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...p.items.map((i) => i.id));
      const times = p.items.map((i) => i.occurredAt);
      assert.deepEqual(times, [...times].sort().reverse());
      cursor = p.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 5);
    assert.deepEqual([...seen].sort(), [...made].sort());
  });

  it("refuses a limit over the maximum, a forged cursor and a bad bbox", async () => {
    expectProblem(await api(tok.vera, "GET", "/incidents?limit=1001"), 400, "validation.failed");
    expectProblem(await api(tok.vera, "GET", "/incidents?limit=0"), 400, "validation.failed");
    expectProblem(await api(tok.vera, "GET", `/incidents?cursor=${Buffer.from("x|y").toString("base64url")}`), 400, "validation.failed");
    expectProblem(await api(tok.vera, "GET", "/incidents?bbox=-73,7,-72"), 400, "border.bad_coordinates");
    expectProblem(await api(tok.vera, "GET", "/incidents?from=yesterday"), 400, "validation.failed");
  });
});

describe("follow-ups and closing", () => {
  it("follow-ups are linked and update impact; the owner closes with a reason, once", async () => {
    const i = expectJson<IncidentDetailView>(
      await api(tok.olga, "POST", "/incidents", body({ occurredAt: new Date().toISOString() })),
      201,
    );
    assert.equal(i.lateReport, false);
    const f = expectJson<IncidentDetailView>(
      await api(tok.andres, "POST", `/incidents/${i.id}/followups`, {
        text: "Se hallaron 300 l adicionales",
        goods: [{ category: "fuel", quantity: 300, unit: "l" }],
        impact: "high",
      }),
      201,
    );
    assert.deepEqual([f.followupCount, f.impact, f.goods.length, f.followups[0]?.actor], [1, "high", 2, "andres@co"]);
    expectProblem(await api(tok.olga, "POST", `/incidents/${i.id}/close`, { reason: " " }), 400, "validation.failed");
    expectProblem(await api(tok.andres, "POST", `/incidents/${i.id}/close`, { reason: "x" }), 403, "auth.forbidden");
    const closed = expectJson<IncidentDetailView>(
      await api(tok.olga, "POST", `/incidents/${i.id}/close`, { reason: "Mercancía decomisada" }),
    );
    assert.deepEqual([closed.status, closed.closedReason], ["closed", "Mercancía decomisada"]);
    const before = await countEvents(t.node);
    expectProblem(await api(tok.olga, "POST", `/incidents/${i.id}/close`, { reason: "otra vez" }), 409, "incident.closed");
    expectProblem(await api(tok.andres, "POST", `/incidents/${i.id}/followups`, { text: "tarde" }), 409, "incident.closed");
    assert.equal(await countEvents(t.node), before);
    expectProblem(await api(tok.vera, "GET", "/incidents/01900000-0000-7000-8000-000000000000"), 404, "incident.not_found");
  });
});

describe("the projection", () => {
  it("rebuilt from the log, holds exactly what it held", async () => {
    const snapshot = () =>
      t.node.db.connection(async (sql) => {
        const out: Record<string, string[]> = {};
        for (const table of borderProjection.tables) {
          out[table] = (await sql.all<Record<string, unknown>>(`SELECT * FROM ${table}`)).map((r) => JSON.stringify(r)).sort();
        }
        return out;
      });
    const before = await snapshot();
    assert.ok((before.border_incidents?.length ?? 0) > 30 && (before.border_incident_goods?.length ?? 0) > 0);
    await t.node.store.rebuild([borderProjection]);
    assert.deepEqual(await snapshot(), before);
  });
});

describe("OpenAPI", () => {
  it("describes every border route with its request and response schemas", async () => {
    const doc = expectJson<{ paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>> }>(
      await t.app.inject({ method: "GET", url: "/api/openapi.json" }),
    );
    const routes: [string, string, string][] = [
      ["/api/v1/map/base", "get", "200"],
      ["/api/v1/sectors", "get", "200"],
      ["/api/v1/sectors", "post", "201"],
      ["/api/v1/sectors/{id}", "get", "200"],
      ["/api/v1/sectors/{id}", "patch", "200"],
      ["/api/v1/sectors/{id}/level-proposals", "post", "201"],
      ["/api/v1/sectors/{id}/level-proposals/{pid}/answer", "post", "200"],
      ["/api/v1/crossings", "get", "200"],
      ["/api/v1/crossings", "post", "201"],
      ["/api/v1/crossings/{id}", "get", "200"],
      ["/api/v1/crossings/{id}", "patch", "200"],
      ["/api/v1/deployments", "get", "200"],
      ["/api/v1/deployments", "post", "201"],
      ["/api/v1/deployments/{id}/end", "post", "200"],
      ["/api/v1/patrols", "get", "200"],
      ["/api/v1/patrols", "post", "201"],
      ["/api/v1/incidents", "get", "200"],
      ["/api/v1/incidents", "post", "201"],
      ["/api/v1/incidents/nearest-crossing", "get", "200"],
      ["/api/v1/incidents/{id}", "get", "200"],
      ["/api/v1/incidents/{id}/followups", "post", "201"],
      ["/api/v1/incidents/{id}/close", "post", "200"],
      ["/api/v1/incidents/{id}/release", "post", "201"],
    ];
    for (const [path, method, status] of routes) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path} is not described`);
      assert.ok(op.responses?.[status]?.content, `${method} ${path} has no ${status} response schema`);
    }
  });
});
