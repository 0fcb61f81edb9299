import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiOf, countEvents, expectJson, expectProblem, ROLE_USERS } from "../../../test/helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import type { CrossingView, DeploymentView, PatrolView, SectorDetailView, SectorView } from "../../core/border/views";
import type { App } from "../http/types";

/**
 * Sectors, crossings, deployments, patrols and the base map through HTTP on a Colombian
 * node (no peer: objects live in its national space): the own-territory rule, roles, owner
 * checks and filters. Incidents are in incident-routes.test.ts.
 */
let t: TestNode & { app: App };
let api: ReturnType<typeof apiOf>;
const tok: Record<string, string> = {};
const IN_CO = { lat: 7.8939, lon: -72.5078 }; // Cúcuta
const IN_VE = { lat: 7.7669, lon: -72.225 }; // San Cristóbal
const PATH = [
  [-72.47, 7.8],
  [-72.45, 7.95],
];

before(async () => {
  t = await createTestApp();
  api = apiOf(t.app);
  for (const [name, role] of ROLE_USERS) tok[name] = await addUser(t.node, name, role);
});
after(async () => {
  await t.dispose();
});

/** Asserts the request was refused with `code` naming `field`, and wrote nothing. */
async function refusedUnwritten(call: () => ReturnType<typeof api>, status: number, code: string, field?: string) {
  const before = await countEvents(t.node);
  const p = expectProblem(await call(), status, code);
  if (field)
    assert.ok(
      p.errors?.some((e) => e.field === field),
      `${field} not in ${JSON.stringify(p.errors)}`,
    );
  assert.equal(await countEvents(t.node), before, "something was written");
  return p;
}

describe("GET /map/base", () => {
  it("sends the base map as GeoJSON with a long cache and an ETag, and 304 when unchanged", async () => {
    const res = await api(tok.vera, "GET", "/map/base");
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^application\/geo\+json/);
    assert.match(String(res.headers["cache-control"]), /max-age=\d{6,}/);
    const etag = String(res.headers.etag);
    const doc = res.json<{ type: string; features: { properties: { kind: string; name: string } }[] }>();
    assert.equal(doc.type, "FeatureCollection");
    assert.equal(doc.features.filter((f) => f.properties.kind === "border").length, 1);
    assert.ok(doc.features.some((f) => f.properties.name === "Colombia"));
    const again = await api(tok.vera, "GET", "/map/base", undefined, { "if-none-match": etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
    expectProblem(await api(undefined, "GET", "/map/base"), 401, "auth.required");
  });
});

describe("sectors", () => {
  let sector: SectorView;
  it("a commander creates one; everyone reads it; a viewer or officer cannot create", async () => {
    sector = expectJson<SectorDetailView>(
      await api(tok.carlos, "POST", "/sectors", {
        code: "S-01",
        name: "Cúcuta – San Antonio",
        path: PATH,
        units: [{ node: "co", name: "Brigada 30" }],
      }),
      201,
    );
    assert.deepEqual(
      [sector.code, sector.level, sector.pendingProposal, sector.ownerNode, sector.space],
      ["S-01", null, null, "co", "national"],
    );
    const list = expectJson<SectorView[]>(await api(tok.vera, "GET", "/sectors"));
    assert.deepEqual(
      list.map((s) => s.id),
      [sector.id],
    );
    for (const who of ["vera", "olga"]) {
      await refusedUnwritten(() => api(tok[who], "POST", "/sectors", { code: "S-02", name: "x", path: PATH }), 403, "auth.forbidden");
    }
  });

  it("refuses a duplicate code, a bad path, and levels for a national sector", async () => {
    await refusedUnwritten(
      () => api(tok.carlos, "POST", "/sectors", { code: "S-01", name: "Otro", path: PATH }),
      409,
      "sector.code_taken",
      "code",
    );
    await refusedUnwritten(
      () => api(tok.carlos, "POST", "/sectors", { code: "S-03", name: "x", path: [[-200, 7]] }),
      400,
      "validation.failed",
    );
    await refusedUnwritten(
      () => api(tok.carlos, "POST", `/sectors/${sector.id}/level-proposals`, { level: "high", reason: "Contrabando" }),
      422,
      "sector.not_shared",
      "path.id",
    );
  });

  it("is changed by PATCH and read back with its history", async () => {
    const patched = expectJson<SectorDetailView>(await api(tok.ana, "PATCH", `/sectors/${sector.id}`, { name: "Sector Táchira" }));
    assert.deepEqual([patched.name, patched.code, patched.proposals], ["Sector Táchira", "S-01", []]);
    expectProblem(await api(tok.vera, "GET", "/sectors/01900000-0000-7000-8000-000000000000"), 404, "sector.not_found");
  });
});

describe("crossings", () => {
  let formal: CrossingView;
  let trocha: CrossingView;
  it("records crossings by lat/lon or MGRS, with their MGRS reference", async () => {
    formal = expectJson<CrossingView>(
      await api(tok.olga, "POST", "/crossings", {
        name: "Puente Internacional Simón Bolívar",
        category: "formal",
        modes: ["foot", "vehicle"],
        // On the line as Natural Earth draws it: either side may record it.
        position: { lat: 7.8211, lon: -72.4522 },
        approximate: true,
      }),
      201,
    );
    assert.equal(formal.location.mgrs.slice(0, 6), "18N YP");
    trocha = expectJson<CrossingView>(
      await api(tok.olga, "POST", "/crossings", {
        name: "Trocha La Platanera",
        category: "informal",
        modes: ["foot"],
        position: { mgrs: "18N YP 75649 74069" },
        risk: "high",
      }),
      201,
    );
    assert.ok(Math.abs(trocha.location.lat - 7.9) < 1e-4 && Math.abs(trocha.location.lon + 72.5) < 1e-4);
    assert.deepEqual([trocha.status, trocha.risk, trocha.approximate], ["active", "high", false]);
  });

  it("refuses a crossing on Venezuelan territory, naming the position; nothing written", async () => {
    const p = await refusedUnwritten(
      () => api(tok.olga, "POST", "/crossings", { name: "Del otro lado", category: "informal", modes: ["foot"], position: IN_VE }),
      422,
      "border.outside_own_territory",
      "position",
    );
    assert.match(p.detail ?? "", /in Venezuela/);
    const en = await api(
      tok.olga,
      "POST",
      "/crossings",
      { name: "x", category: "informal", modes: ["foot"], position: IN_VE },
      { "accept-language": "en" },
    );
    assert.match(expectProblem(en, 422, "border.outside_own_territory").title, /own territory/);
  });

  it("filters by status, category and bbox; refuses a malformed bbox", async () => {
    const patched = expectJson<CrossingView>(await api(tok.olga, "PATCH", `/crossings/${trocha.id}`, { status: "monitored" }));
    assert.equal(patched.status, "monitored");
    const ids = async (query: string) => expectJson<CrossingView[]>(await api(tok.vera, "GET", `/crossings${query}`)).map((c) => c.id);
    assert.deepEqual(await ids("?status=monitored"), [trocha.id]);
    assert.deepEqual(await ids("?category=formal"), [formal.id]);
    assert.deepEqual(await ids("?bbox=-72.46,7.8,-72.44,7.83"), [formal.id]);
    assert.deepEqual((await ids("")).length, 2);
    for (const bad of ["1,2,3", "a,b,c,d", "-72,91,-71,92"]) {
      expectProblem(await api(tok.vera, "GET", `/crossings?bbox=${bad}`), 400, "border.bad_coordinates");
    }
    expectProblem(await api(tok.vera, "PATCH", `/crossings/${trocha.id}`, { status: "closed" }), 403, "auth.forbidden");
  });

  it("suggests the nearest crossing for a position", async () => {
    const near = expectJson<{ crossing: CrossingView | null; distanceM: number | null }>(
      await api(tok.vera, "GET", "/incidents/nearest-crossing?lat=7.905&lon=-72.5"),
    );
    assert.equal(near.crossing?.id, trocha.id);
    assert.ok((near.distanceM ?? 0) > 400 && (near.distanceM ?? 0) < 700, String(near.distanceM));
    const none = expectJson<{ crossing: null }>(await api(tok.vera, "GET", "/incidents/nearest-crossing?lat=4.7&lon=-74.07"));
    assert.equal(none.crossing, null);
    expectProblem(await api(tok.vera, "GET", "/incidents/nearest-crossing?lat=95&lon=0"), 400, "border.bad_coordinates");
    expectProblem(await api(tok.vera, "GET", "/incidents/nearest-crossing?mgrs=zz"), 400, "border.bad_mgrs");
  });

  describe("deployments and patrols", () => {
    it("a deployment at a crossing stands at its position; active lists it; its owner ends it once", async () => {
      const d = expectJson<DeploymentView>(
        await api(tok.olga, "POST", "/deployments", {
          unit: "Pelotón Alfa",
          crossingId: trocha.id,
          from: "2026-01-01T00:00:00Z",
          strength: 24,
        }),
        201,
      );
      assert.deepEqual([d.location.lat, d.location.lon, d.to], [trocha.location.lat, trocha.location.lon, null]);
      const active = expectJson<DeploymentView[]>(await api(tok.vera, "GET", "/deployments?active=true"));
      assert.deepEqual(
        active.map((x) => x.id),
        [d.id],
      );
      const ended = expectJson<DeploymentView>(await api(tok.olga, "POST", `/deployments/${d.id}/end`, {}));
      assert.ok(ended.to);
      assert.deepEqual(expectJson<DeploymentView[]>(await api(tok.vera, "GET", "/deployments?active=true")), []);
      await refusedUnwritten(() => api(tok.olga, "POST", `/deployments/${d.id}/end`, {}), 409, "deployment.ended");
      await refusedUnwritten(
        () => api(tok.olga, "POST", "/deployments", { unit: "x", position: IN_VE, from: "2026-01-01T00:00:00Z", strength: 3 }),
        422,
        "border.outside_own_territory",
        "position",
      );
      await refusedUnwritten(
        () => api(tok.olga, "POST", "/deployments", { unit: "x", from: "2026-01-01T00:00:00Z", strength: 3 }),
        400,
        "validation.failed",
        "position",
      );
    });

    it("a patrol's every route point must be on this side; the one that is not is named", async () => {
      const body = {
        unit: "Patrulla 7",
        route: [
          [IN_CO.lon, IN_CO.lat],
          [-72.5, 7.9],
        ],
        startedAt: "2026-02-01T02:00:00Z",
        endedAt: "2026-02-01T06:00:00Z",
        crossingIds: [trocha.id],
        findings: "Rastros de pimpinas",
      };
      const p = expectJson<PatrolView>(await api(tok.olga, "POST", "/patrols", body), 201);
      assert.deepEqual(p.crossingIds, [trocha.id]);
      await refusedUnwritten(
        () => api(tok.olga, "POST", "/patrols", { ...body, route: [...body.route, [IN_VE.lon, IN_VE.lat]] }),
        422,
        "border.outside_own_territory",
        "route.2",
      );
      await refusedUnwritten(
        () => api(tok.olga, "POST", "/patrols", { ...body, crossingIds: ["01900000-0000-7000-8000-000000000000"] }),
        404,
        "crossing.not_found",
        "crossingIds.0",
      );
      const inWindow = async (q: string) => expectJson<PatrolView[]>(await api(tok.vera, "GET", `/patrols${q}`)).map((x) => x.id);
      assert.deepEqual(await inWindow("?from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z"), [p.id]);
      assert.deepEqual(await inWindow("?from=2026-02-01T07:00:00-05:00"), []);
    });
  });
});
