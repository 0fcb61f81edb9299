import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import type { Topology } from "topojson-specification";
import { baseMap, fixAntimeridian } from "./base-map";
import { BORDER_TOLERANCE_M, createBorderGeo, distanceM, sideOfCountry } from "./geo";

/**
 * The border geometry from the real Natural Earth data: territories of known places, the
 * border line from the two countries' shared arcs, the tolerance at the line, and a base
 * map a flat web map can draw (no ring across the antimeridian).
 */
const require = createRequire(import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(require.resolve(`world-atlas/${name}.json`), "utf8")) as Topology;
const geo = createBorderGeo(load("countries-10m"));

const PLACES = {
  bogota: { lat: 4.711, lon: -74.072 },
  cucuta: { lat: 7.8939, lon: -72.5078 },
  riohacha: { lat: 11.544, lon: -72.907 },
  caracas: { lat: 10.4806, lon: -66.9036 },
  sanCristobal: { lat: 7.7669, lon: -72.225 },
  maracaibo: { lat: 10.6545, lon: -71.6406 },
  quito: { lat: -0.1807, lon: -78.4678 },
  caribbean: { lat: 13.5, lon: -70 },
};

describe("territoryOf", () => {
  it("places Colombian and Venezuelan cities on their side, others on none", () => {
    assert.equal(geo.territoryOf(PLACES.bogota), "co");
    assert.equal(geo.territoryOf(PLACES.cucuta), "co");
    assert.equal(geo.territoryOf(PLACES.riohacha), "co");
    assert.equal(geo.territoryOf(PLACES.caracas), "ve");
    assert.equal(geo.territoryOf(PLACES.sanCristobal), "ve");
    assert.equal(geo.territoryOf(PLACES.maracaibo), "ve");
    assert.equal(geo.territoryOf(PLACES.quito), null);
    assert.equal(geo.territoryOf(PLACES.caribbean), null);
  });

  it("agrees with a ray cast over every edge of the outlines, near and on their vertices too", () => {
    const inRing = (ring: readonly number[][], lon: number, lat: number) => {
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi = 0, yi = 0] = ring[i] as number[];
        const [xj = 0, yj = 0] = ring[j] as number[];
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
    const sideAt = (lon: number, lat: number) =>
      (["co", "ve"] as const).find((s) =>
        geo.outlines[s].coordinates.some(([outer = [], ...holes]) => inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat))),
      ) ?? null;
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const points: [number, number][] = Array.from({ length: 2000 }, () => [-82 + 24 * random(), -5 + 21 * random()]);
    for (const s of ["co", "ve"] as const) {
      for (const [outer = []] of geo.outlines[s].coordinates) {
        for (const [lon = 0, lat = 0] of outer.filter((_, i) => i % 7 === 0)) {
          points.push([lon, lat], [lon + (random() - 0.5) * 0.02, lat + (random() - 0.5) * 0.02]);
        }
      }
    }
    const differ = points.filter(([lon, lat]) => geo.territoryOf({ lat, lon }) !== sideAt(lon, lat));
    assert.deepEqual(differ, []);
  });
});

describe("the border line", () => {
  it("is the two countries' shared arcs: about 2,100 km from the Guajira coast to the Brazilian tripoint", () => {
    const points = geo.border.coordinates.flat();
    let km = 0;
    for (const line of geo.border.coordinates) {
      for (let i = 1; i < line.length; i++) {
        const [aLon = 0, aLat = 0] = line[i - 1] ?? [];
        const [bLon = 0, bLat = 0] = line[i] ?? [];
        km += distanceM({ lat: aLat, lon: aLon }, { lat: bLat, lon: bLon }) / 1000;
      }
    }
    // Natural Earth's 1:10m line is generalised: shorter than the 2,219 km surveyed.
    assert.ok(km > 1900 && km < 2300, `${km} km`);
    const lats = points.map((p) => p[1] ?? 0);
    assert.ok(Math.max(...lats) > 11.5 && Math.max(...lats) < 12.5, "north end on the Guajira coast");
    assert.ok(Math.min(...lats) > 0.5 && Math.min(...lats) < 1.5, "south end near the Brazilian tripoint");
    // Every vertex lies on both outlines' edge: each is 0 m from the line and between the two lands.
    for (const [lon = 0, lat = 0] of points.filter((_, i) => i % 25 === 0)) {
      assert.ok(geo.borderDistanceM({ lat, lon }) < 1);
    }
  });

  it("measures distance to the line in metres", () => {
    assert.ok(geo.borderDistanceM(PLACES.cucuta) > 2000 && geo.borderDistanceM(PLACES.cucuta) < 10_000);
    const far = geo.borderDistanceM(PLACES.bogota);
    assert.ok(far > 250_000 && far < 450_000, `${far}`);
    const snap = geo.nearestOnBorder(PLACES.sanCristobal);
    assert.ok(Math.abs(geo.borderDistanceM(snap.position)) < 1);
    assert.ok(Math.abs(snap.distanceM - geo.borderDistanceM(PLACES.sanCristobal)) < 1);
  });
});

describe("the own-territory rule", () => {
  it("admits a side's own land and refuses the other side's", () => {
    assert.equal(geo.check("co", PLACES.cucuta).ok, true);
    assert.equal(geo.check("ve", PLACES.cucuta).ok, false);
    assert.equal(geo.check("ve", PLACES.sanCristobal).ok, true);
    assert.equal(geo.check("co", PLACES.sanCristobal).ok, false);
    assert.equal(geo.check("co", PLACES.quito).ok, false);
    assert.equal(geo.check("co", PLACES.caribbean).ok, false);
  });

  it(`admits both sides within ${BORDER_TOLERANCE_M} m of the line, and neither beyond it on the other side`, () => {
    const line = geo.border.coordinates[0] ?? [];
    const [aLon = 0, aLat = 0] = line[200] ?? [];
    const [bLon = 0, bLat = 0] = line[201] ?? [];
    const mid = { lat: (aLat + bLat) / 2, lon: (aLon + bLon) / 2 };
    // Step off the line perpendicular to the segment, towards each side.
    const kx = Math.cos((mid.lat * Math.PI) / 180) * 111_320;
    const [dx, dy] = [(bLon - aLon) * kx, (bLat - aLat) * 110_574];
    const len = Math.hypot(dx, dy);
    const off = (m: number) => ({ lat: mid.lat + ((dx / len) * m) / 110_574, lon: mid.lon - ((dy / len) * m) / kx });
    for (const side of ["co", "ve"] as const) assert.equal(geo.check(side, mid).ok, true, `${side} on the line`);
    const near = [off(BORDER_TOLERANCE_M / 2), off(-BORDER_TOLERANCE_M / 2)];
    for (const p of near) for (const side of ["co", "ve"] as const) assert.equal(geo.check(side, p).ok, true);
    const [left, right] = [off(BORDER_TOLERANCE_M * 3), off(-BORDER_TOLERANCE_M * 3)];
    const sides = [geo.territoryOf(left), geo.territoryOf(right)].sort();
    assert.deepEqual(sides, ["co", "ve"]);
    assert.equal(geo.check("co", geo.territoryOf(left) === "ve" ? left : right).ok, false);
    assert.equal(geo.check("ve", geo.territoryOf(left) === "co" ? left : right).ok, false);
  });

  it("maps node countries to sides", () => {
    assert.equal(sideOfCountry("CO"), "co");
    assert.equal(sideOfCountry("ve"), "ve");
    assert.equal(sideOfCountry("BR"), null);
  });
});

describe("the base map", () => {
  const doc = baseMap(load("countries-110m"), geo);
  const rings = (f: (typeof doc.features)[number]) =>
    f.geometry.type === "MultiPolygon" ? f.geometry.coordinates.flat() : f.geometry.coordinates;

  it("holds the world at 110m, Colombia and Venezuela at 10m once each, and the border", () => {
    const countries = doc.features.filter((f) => f.properties.kind === "country");
    assert.ok(countries.length > 170);
    const sides = countries.filter((f) => f.properties.kind === "country" && f.properties.side !== null);
    assert.deepEqual(sides.map((f) => [f.properties.name, f.properties.kind === "country" && f.properties.detail]).sort(), [
      ["Colombia", "10m"],
      ["Venezuela", "10m"],
    ]);
    assert.equal(countries.filter((f) => f.properties.name === "Colombia").length, 1);
    const border = doc.features.filter((f) => f.properties.kind === "border");
    assert.equal(border.length, 1);
    assert.equal(border[0]?.geometry.type, "MultiLineString");
  });

  it("has no ring that jumps across the antimeridian, and every longitude in [-180, 180]", () => {
    for (const f of doc.features) {
      for (const ring of rings(f)) {
        for (let i = 0; i < ring.length; i++) {
          const x = ring[i]?.[0] ?? 0;
          assert.ok(x >= -180 && x <= 180, `${f.properties.name}: ${x}`);
          if (i > 0) assert.ok(Math.abs(x - (ring[i - 1]?.[0] ?? 0)) <= 180, `${f.properties.name} jumps at ${i}`);
        }
      }
    }
    // Russia and Fiji reach both edges of the map once cut.
    for (const name of ["Russia", "Fiji"]) {
      const xs = doc.features
        .filter((f) => f.properties.name === name)
        .flatMap((f) =>
          rings(f)
            .flat()
            .map((p) => p[0] ?? 0),
        );
      assert.ok(Math.min(...xs) <= -179 && Math.max(...xs) >= 179, name);
    }
  });

  it("cuts a small square across the antimeridian into two closed squares", () => {
    const square = [
      [179, 0],
      [-179, 0],
      [-179, 1],
      [179, 1],
      [179, 0],
    ];
    const parts = fixAntimeridian([square]);
    assert.equal(parts.length, 2);
    for (const [outer] of parts) {
      assert.ok(outer && outer.length >= 4);
      assert.deepEqual(outer?.[0], outer?.[outer.length - 1]);
      const xs = outer?.map((p) => p[0] ?? 0) ?? [];
      assert.ok(xs.every((x) => Math.abs(x) >= 179 && Math.abs(x) <= 180));
    }
  });
});
