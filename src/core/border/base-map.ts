import type { Feature, FeatureCollection, Geometry, Position as LonLat, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { type BorderGeo, SIDE_ATLAS_ID, SIDES } from "./geo";

/**
 * The offline base map: every country at 1:110m, Colombia and Venezuela at 1:10m, and their
 * border line, as one GeoJSON FeatureCollection a map can draw with no tile server.
 * `world-atlas` shapes are stitched for spherical rendering, so a ring may run across the
 * antimeridian (Russia, Fiji) or around a pole (Antarctica); a flat web map would draw those
 * as bands across the world, so they are cut at ±180° and closed along the map's edge here.
 */
export type BaseMapProperties =
  | { kind: "country"; id: string; name: string; side: string | null; detail: "10m" | "110m" }
  | { kind: "border"; id: string; name: string };

/** Five decimals (about 1 m) is finer than 1:10m data and keeps the document small. */
const round = (v: number) => Math.round(v * 1e5) / 1e5;
const roundRing = (ring: readonly LonLat[]): LonLat[] => ring.map(([x = 0, y = 0]) => [round(x), round(y)]);

/** Longitudes made continuous: each within 180° of the one before (may leave [-180, 180]). */
function unwrap(ring: readonly LonLat[], start?: number): LonLat[] {
  const out: LonLat[] = [];
  let prev = start;
  for (const [x = 0, y = 0] of ring) {
    let lon = x;
    if (prev !== undefined) {
      while (lon - prev > 180) lon -= 360;
      while (lon - prev < -180) lon += 360;
    }
    out.push([lon, y]);
    prev = lon;
  }
  return out;
}

/** Sutherland–Hodgman against one vertical line: keeps the part of the ring where `keep(x)`. */
function clipAt(ring: readonly LonLat[], at: number, keepLeft: boolean): LonLat[] {
  const keep = (x: number) => (keepLeft ? x <= at : x >= at);
  const out: LonLat[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax = 0, ay = 0] = ring[i] as LonLat;
    const [bx = 0, by = 0] = ring[i + 1] as LonLat;
    if (keep(ax)) out.push([ax, ay]);
    if (keep(ax) !== keep(bx)) out.push([at, ay + ((by - ay) * (at - ax)) / (bx - ax)]);
  }
  const first = out[0];
  if (first) out.push([first[0] ?? 0, first[1] ?? 0]);
  return out;
}

const shift = (ring: readonly LonLat[], dx: number): LonLat[] => ring.map(([x = 0, y = 0]) => [x + dx, y]);

/** A ring around a pole: unwrapped, its longitudes end 360° from where they began. */
function closeAroundPole(ring: readonly LonLat[]): LonLat[] {
  const u = unwrap(ring);
  const first = u[0] ?? [0, 0];
  const last = u[u.length - 1] ?? [0, 0];
  // Re-base so the ring runs from -180 to 180 (or back), then close along the map's edge.
  const from = Math.min(first[0] ?? 0, last[0] ?? 0);
  const base = shift(u, -180 - from);
  const meanLat = base.reduce((s, [, y = 0]) => s + y, 0) / base.length;
  const pole = meanLat < 0 ? -85.0511 : 85.0511;
  const a = base[0] ?? [0, 0];
  const z = base[base.length - 1] ?? [0, 0];
  // Along the map's edge in 90° steps, so no edge spans more than half the world.
  const fromX = z[0] ?? 0;
  const toX = a[0] ?? 0;
  const edge = [0.25, 0.5, 0.75].map((f): LonLat => [fromX + (toX - fromX) * f, pole]);
  return [...base, [fromX, pole], ...edge, [toX, pole], [toX, a[1] ?? 0]];
}

/** One polygon as one or two flat polygons with every longitude in [-180, 180]. */
export function fixAntimeridian(rings: readonly (readonly LonLat[])[]): LonLat[][][] {
  const outer = rings[0];
  if (!outer || outer.length < 4) return [];
  const crosses = (r: readonly LonLat[]) => r.some((p, i) => i > 0 && Math.abs((p[0] ?? 0) - ((r[i - 1] as LonLat)[0] ?? 0)) > 180);
  if (!rings.some(crosses)) return [rings.map((r) => [...r])];
  const u = unwrap(outer);
  const span = (u[u.length - 1]?.[0] ?? 0) - (u[0]?.[0] ?? 0);
  if (Math.abs(span) > 180) return [[closeAroundPole(outer)]];
  const start = u[0]?.[0];
  const all = rings.map((r) => unwrap(r, start));
  const xs = all[0]?.map((p) => p[0] ?? 0) ?? [];
  // Cut at whichever edge the unwrapped polygon passes, and move the far part back by 360°.
  const edge = Math.max(...xs) > 180 ? 180 : -180;
  const near = all.map((r) => clipAt(r, edge, edge === 180));
  const far = all.map((r) => shift(clipAt(r, edge, edge !== 180), edge === 180 ? -360 : 360));
  // A part whose outer ring vanished in the cut is dropped with its holes.
  const part = ([o, ...holes]: LonLat[][]) => (o && o.length >= 4 ? [[o, ...holes.filter((h) => h.length >= 4)]] : []);
  return [...part(near), ...part(far)];
}

function flatMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return { type: "MultiPolygon", coordinates: polygons.flatMap(fixAntimeridian).map((p) => p.map(roundRing)) };
}

/** The base map document (see the module comment). */
export function baseMap(world110m: Topology, geo: BorderGeo): FeatureCollection<MultiPolygon | BorderGeo["border"], BaseMapProperties> {
  const countries = world110m.objects.countries;
  if (countries?.type !== "GeometryCollection") throw new Error("the topology has no `countries` collection");
  const detailed = new Set(Object.values(SIDE_ATLAS_ID));
  const world: Feature<MultiPolygon, BaseMapProperties>[] = [];
  for (const g of countries.geometries) {
    if (detailed.has(String(g.id))) continue;
    const f = feature(world110m, g) as Feature<Geometry | null>;
    if (f.geometry?.type !== "Polygon" && f.geometry?.type !== "MultiPolygon") continue;
    const name = String((g.properties as { name?: string } | undefined)?.name ?? "");
    world.push({
      type: "Feature",
      properties: { kind: "country", id: String(g.id ?? name), name, side: null, detail: "110m" },
      geometry: flatMultiPolygon(f.geometry),
    });
  }
  const names = { co: "Colombia", ve: "Venezuela" } as const;
  const sides: Feature<MultiPolygon, BaseMapProperties>[] = SIDES.map((side) => ({
    type: "Feature",
    properties: { kind: "country", id: SIDE_ATLAS_ID[side], name: names[side], side, detail: "10m" },
    geometry: flatMultiPolygon(geo.outlines[side]),
  }));
  const border: Feature<BorderGeo["border"], BaseMapProperties> = {
    type: "Feature",
    properties: { kind: "border", id: "co-ve", name: "Colombia – Venezuela" },
    geometry: { type: "MultiLineString", coordinates: geo.border.coordinates.map(roundRing) },
  };
  return { type: "FeatureCollection", features: [...world, ...sides, border] };
}
