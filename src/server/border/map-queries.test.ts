import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { check } from "@placemarkio/check-geojson";
import { type BorderReadIds, borderReadIds, writeCoSide } from "../../../test/helpers/border-read";
import { apiOf } from "../../../test/helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import type { App } from "../http/types";
import { type MapCollection, type MapQuery, mapHeat, mapIncidents } from "./map-queries";

/**
 * The map's incident layer on one node (co's part of the small picture, all national):
 * points when few, grid clusters and heat cells otherwise, and clusters that add up to the
 * points for any window, partial days included.
 */
let t: TestNode & { app: App };
let ids: BorderReadIds;
let token: string;
const REGION = { minLon: -73, minLat: 6, maxLon: -70, maxLat: 12 };
const CUCUTA = { minLon: -72.6, minLat: 7.7, maxLon: -72.3, maxLat: 8.0 };
const ms = (iso: string) => Date.parse(iso);
const query = (o: Partial<MapQuery> = {}): MapQuery => ({
  bbox: REGION,
  fromMs: ms("2025-01-01T00:00:00Z"),
  toMs: ms("2025-04-01T00:00:00Z"),
  zoom: 5,
  ...o,
});
const run = (f: typeof mapIncidents, q: MapQuery) => t.node.db.snapshot((sql) => f(sql, q));

before(async () => {
  t = await createTestApp();
  token = await addUser(t.node, "vera", "viewer");
  ids = borderReadIds();
  await writeCoSide(t.node, NATIONAL_SPACE, ids);
});

after(async () => {
  await t.dispose();
});

describe("map incidents", () => {
  it("answers valid GeoJSON points, [lon, lat], when few match", async () => {
    const res = await apiOf(t.app)(
      token,
      "GET",
      `/map/incidents?bbox=${Object.values(CUCUTA).join(",")}&from=2025-01-01&to=2025-03-31&zoom=10`,
    );
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^application\/geo\+json/);
    check(res.body);
    const fc = res.json<MapCollection>();
    assert.equal(fc.mode, "points");
    assert.deepEqual(
      fc.features.map((f) => [f.id, f.geometry.coordinates, f.properties?.type, f.properties?.sectorId]),
      [
        [ids.i1, [-72.47, 7.87], "smuggling_fuel", ids.s1],
        [ids.i4, [-72.49, 7.88], "smuggling_fuel", ids.s1],
      ],
    );
  });

  it("filters by type, side and sector", async () => {
    const drugs = await run(mapIncidents, query({ types: ["smuggling_drugs"] }));
    assert.deepEqual(
      drugs.features.map((f) => f.id),
      [ids.i2],
    );
    assert.equal((await run(mapIncidents, query({ side: "ve" }))).features.length, 0);
    assert.deepEqual(
      (await run(mapIncidents, query({ sector: ids.s2 }))).features.map((f) => f.id),
      [ids.i2],
    );
  });

  it("clusters by grid cell with counts, dominant type and centroid", async () => {
    const fc = await run(mapIncidents, query({ pointsMax: 0 }));
    assert.equal(fc.mode, "clusters");
    assert.equal(fc.band, 5);
    const byCount = [...fc.features].sort((a, b) => Number(b.properties?.count) - Number(a.properties?.count));
    // I1, I2 and I4 share one 2.8° cell; I3 (Maicao) is alone.
    assert.deepEqual(
      byCount.map((f) => [f.properties?.count, f.properties?.dominantType]),
      [
        [3, "smuggling_fuel"],
        [1, "irregular_crossing"],
      ],
    );
    assert.deepEqual(byCount[0]?.geometry.coordinates, [-71.91, 7.61]);
    const drugs = await run(mapIncidents, query({ pointsMax: 0, types: ["smuggling_drugs"] }));
    assert.deepEqual(
      drugs.features.map((f) => [f.properties?.count, f.properties?.dominantType]),
      [[1, "smuggling_drugs"]],
    );
  });

  it("adds partial days from the incidents themselves", async () => {
    const a = await run(mapIncidents, query({ pointsMax: 0, fromMs: ms("2025-03-14T12:00:00Z"), toMs: ms("2025-03-16T00:00:00Z") }));
    assert.deepEqual(
      a.features.map((f) => f.properties?.count),
      [2],
    );
    const b = await run(mapIncidents, query({ pointsMax: 0, fromMs: ms("2025-03-14T11:00:00Z"), toMs: ms("2025-03-15T01:00:00Z") }));
    assert.deepEqual(
      b.features.map((f) => f.properties?.count),
      [1],
    );
  });

  it("clusters add up to the points for any window", async () => {
    const edges = [
      "2025-01-01T00:00:00Z",
      "2025-02-10T11:59:59Z",
      "2025-02-10T12:00:00Z",
      "2025-03-14T10:00:00Z",
      "2025-03-14T23:30:01Z",
      "2025-03-15T02:00:00Z",
      "2025-03-16T00:00:00Z",
    ];
    for (const from of edges) {
      for (const to of edges) {
        if (!(from < to)) continue;
        for (const zoom of [3, 7, 11, 13]) {
          const q = query({ fromMs: ms(from), toMs: ms(to), zoom });
          const points = await run(mapIncidents, { ...q, pointsMax: 1000 });
          const clusters = await run(mapIncidents, { ...q, pointsMax: -1 });
          const sum = clusters.features.reduce((s, f) => s + Number(f.properties?.count), 0);
          assert.equal(sum, points.features.length, `${from} → ${to} at zoom ${zoom}`);
        }
      }
    }
  });
});

describe("map heat", () => {
  it("weights cells by their share of the busiest, one band finer than the clusters", async () => {
    const fc = await run(mapHeat, query({ zoom: 3 }));
    assert.equal(fc.band, 5);
    assert.deepEqual(fc.features.map((f) => [f.properties?.count, f.properties?.weight]).sort(), [
      [1, 0.3333],
      [3, 1],
    ]);
    const res = await apiOf(t.app)(token, "GET", "/map/heat?from=2025-01-01&to=2025-03-31&zoom=9");
    assert.equal(res.statusCode, 200);
    check(res.body);
    assert.equal(res.json<MapCollection>().total, 4);
  });
});
