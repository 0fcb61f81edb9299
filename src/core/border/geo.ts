import type { Feature, Geometry, Position as LonLat, MultiLineString, MultiPolygon, Polygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Position } from "./schema";

/**
 * The two territories and the border between them, from Natural Earth 1:10m country shapes
 * (the `world-atlas` topology). Pure: the topology comes in as an argument (the server reads
 * it from node_modules; a browser could fetch it), so the same answers hold everywhere.
 */

/** The two sides of the agreement, named as their nodes are. */
export const SIDES = ["co", "ve"] as const;
export type Side = (typeof SIDES)[number];

/** ISO 3166-1 numeric codes, as `world-atlas` names its country geometries. */
export const SIDE_ATLAS_ID: Record<Side, string> = { co: "170", ve: "862" };

/** ISO 3166-1 alpha-2 codes, as node configurations name their country. */
export const SIDE_COUNTRY: Record<Side, string> = { co: "CO", ve: "VE" };

/**
 * How far (metres) past the border line a side may still record a position.
 * The 10m line has one vertex every 3.4 km on average (623 along 2,119 km), its topology is
 * quantised to 0.0036° × 0.0017° (≈ 400 m × 190 m), and the coarser 50m line departs from it
 * by 440 m at the median and up to 3.4 km; the real line follows rivers (Táchira, Arauca,
 * Meta, Orinoco) that meander inside that error. Bridges and fords on the line therefore sit
 * up to about a kilometre from the drawn line on either side: 1,000 m admits them from both
 * sides while a position clearly across (a town a few kilometres in) is still refused.
 */
export const BORDER_TOLERANCE_M = 1000;

/** The side whose country a node declares (ISO alpha-2, any case), or null for any other country. */
export function sideOfCountry(country: string): Side | null {
  const code = country.toUpperCase();
  return SIDES.find((s) => SIDE_COUNTRY[s] === code) ?? null;
}

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: Position, b: Position): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

function boundsOf(points: readonly LonLat[]): Bounds {
  const b = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const [lon = 0, lat = 0] of points) {
    if (lon < b.minLon) b.minLon = lon;
    if (lon > b.maxLon) b.maxLon = lon;
    if (lat < b.minLat) b.minLat = lat;
    if (lat > b.maxLat) b.maxLat = lat;
  }
  return b;
}

const within = (b: Bounds, p: Position) => p.lon >= b.minLon && p.lon <= b.maxLon && p.lat >= b.minLat && p.lat <= b.maxLat;

/** Height of the latitude bands a ring's edges are filed under (degrees): a few edges each. */
const BAND_DEG = 0.05;

/**
 * A ring's edges filed by latitude band. The ray cast from a point crosses only edges that
 * span its latitude, and each of those is filed under the point's band, so walking that
 * band alone gives the answer walking the whole ring (thousands of edges) would.
 */
interface BandedRing {
  readonly minLat: number;
  /** Per band, its edges as [xi, yi, xj, yj, …]. */
  readonly bands: readonly Float64Array[];
}

const bandOf = (ring: { minLat: number }, lat: number) => Math.floor((lat - ring.minLat) / BAND_DEG);

/** Files the edges of a closed ring given as [x0, y0, x1, y1, …] (edge j→i for consecutive vertices). */
function bandRing(ring: Float64Array): BandedRing {
  if (ring.length === 0) return { minLat: 0, bands: [] };
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (let i = 1; i < ring.length; i += 2) {
    const lat = ring[i] as number;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  const filed = { minLat };
  const lists: number[][] = Array.from({ length: bandOf(filed, maxLat) + 1 }, () => []);
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i] as number;
    const yi = ring[i + 1] as number;
    const xj = ring[j] as number;
    const yj = ring[j + 1] as number;
    for (let b = bandOf(filed, Math.min(yi, yj)); b <= bandOf(filed, Math.max(yi, yj)); b++) lists[b]?.push(xi, yi, xj, yj);
  }
  return { minLat, bands: lists.map((l) => Float64Array.from(l)) };
}

/** Even–odd ray casting; a point exactly on an edge may fall either way (the tolerance covers it). */
function inRing(ring: BandedRing, p: Position): boolean {
  const edges = ring.bands[bandOf(ring, p.lat)];
  if (!edges) return false;
  let inside = false;
  for (let k = 0; k < edges.length; k += 4) {
    const xi = edges[k] as number;
    const yi = edges[k + 1] as number;
    const xj = edges[k + 2] as number;
    const yj = edges[k + 3] as number;
    if (yi > p.lat !== yj > p.lat && p.lon < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A polygon with its bounding box (most tests end there) and banded rings (fast to cast across). */
interface IndexedPolygon {
  readonly bounds: Bounds;
  readonly outer: BandedRing;
  readonly holes: readonly BandedRing[];
}

function indexPolygons(geometry: Polygon | MultiPolygon): IndexedPolygon[] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => {
    const [outer, ...holes] = rings.map((r) => bandRing(Float64Array.from(r.flatMap(([x = 0, y = 0]) => [x, y]))));
    return { bounds: boundsOf(rings[0] ?? []), outer: outer ?? bandRing(new Float64Array()), holes };
  });
}

function inPolygons(polygons: readonly IndexedPolygon[], p: Position): boolean {
  return polygons.some((poly) => within(poly.bounds, p) && inRing(poly.outer, p) && !poly.holes.some((hole) => inRing(hole, p)));
}

/**
 * The point of `lines` nearest to `p`. Each segment is measured in a plane tangent at `p`
 * (metres east and north), exact enough to pick the nearest segment at border scales; the
 * returned distance is then the great-circle one.
 */
function nearestOn(lines: readonly (readonly LonLat[])[], p: Position): { position: Position; distanceM: number } {
  const kx = Math.cos(p.lat * RAD) * 111_320;
  const ky = 110_574;
  let best = Infinity;
  let at: Position = p;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [aLon = 0, aLat = 0] = line[i - 1] as LonLat;
      const [bLon = 0, bLat = 0] = line[i] as LonLat;
      const ax = (aLon - p.lon) * kx;
      const ay = (aLat - p.lat) * ky;
      const dx = (bLon - aLon) * kx;
      const dy = (bLat - aLat) * ky;
      const len = dx * dx + dy * dy;
      const u = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
      const ex = ax + u * dx;
      const ey = ay + u * dy;
      const d = ex * ex + ey * ey;
      if (d < best) {
        best = d;
        at = { lat: aLat + u * (bLat - aLat), lon: aLon + u * (bLon - aLon) };
      }
    }
  }
  return { position: at, distanceM: best === Infinity ? Infinity : distanceM(p, at) };
}

/** Whether a side may record something at a position, and why. */
export interface TerritoryCheck {
  readonly ok: boolean;
  /** The territory the position lies in (null: the sea, or a third country). */
  readonly territory: Side | null;
  /** Distance to the Colombia–Venezuela border line, metres; measured only off the side's own land. */
  readonly borderDistanceM: number | null;
}

export interface BorderGeo {
  /** Each side's land, 1:10m. */
  readonly outlines: Readonly<Record<Side, MultiPolygon>>;
  /** The Colombia–Venezuela border: the arcs the two countries share. */
  readonly border: MultiLineString;
  territoryOf(p: Position): Side | null;
  /** Great-circle distance to the border line, metres. */
  borderDistanceM(p: Position): number;
  /** The nearest point of the border line (to snap official crossings onto it, say). */
  nearestOnBorder(p: Position): { position: Position; distanceM: number };
  /** Own-territory rule: inside the side's land, or within BORDER_TOLERANCE_M of the border line. */
  check(side: Side, p: Position): TerritoryCheck;
}

const countryGeometries = (topology: Topology): GeometryCollection => {
  const countries = topology.objects.countries;
  if (countries?.type !== "GeometryCollection") throw new Error("the topology has no `countries` collection");
  return countries as GeometryCollection;
};

/** The land of one atlas country as a MultiPolygon. */
export function countryOutline(topology: Topology, atlasId: string): MultiPolygon {
  const countries = countryGeometries(topology);
  const geometry = countries.geometries.find((g) => String(g.id) === atlasId);
  if (!geometry) throw new Error(`the topology has no country ${atlasId}`);
  const g = (feature(topology, geometry) as Feature<Geometry | null>).geometry;
  if (g?.type === "Polygon") return { type: "MultiPolygon", coordinates: [g.coordinates] };
  if (g?.type === "MultiPolygon") return g;
  throw new Error(`country ${atlasId} has no polygon`);
}

/** The line two atlas countries share, from the arcs both of their outlines use. */
export function sharedBorder(topology: Topology, a: string, b: string): MultiLineString {
  const pair = new Set([a, b]);
  const line = mesh(topology, countryGeometries(topology), (x, y) => x !== y && pair.has(String(x.id)) && pair.has(String(y.id)));
  if (line.coordinates.length === 0) throw new Error(`countries ${a} and ${b} share no border in this topology`);
  return line;
}

/** Builds the border geometry from a `countries` topology (`world-atlas/countries-10m.json`). */
export function createBorderGeo(countries10m: Topology): BorderGeo {
  const outlines = { co: countryOutline(countries10m, SIDE_ATLAS_ID.co), ve: countryOutline(countries10m, SIDE_ATLAS_ID.ve) };
  const indexed = { co: indexPolygons(outlines.co), ve: indexPolygons(outlines.ve) };
  const border = sharedBorder(countries10m, SIDE_ATLAS_ID.co, SIDE_ATLAS_ID.ve);
  const territoryOf = (p: Position): Side | null => SIDES.find((s) => inPolygons(indexed[s], p)) ?? null;
  const nearestOnBorder = (p: Position) => nearestOn(border.coordinates, p);
  const borderDistanceM = (p: Position) => nearestOnBorder(p).distanceM;
  return {
    outlines,
    border,
    territoryOf,
    borderDistanceM,
    nearestOnBorder,
    check(side, p) {
      const territory = territoryOf(p);
      if (territory === side) return { ok: true, territory, borderDistanceM: null };
      const d = borderDistanceM(p);
      return { ok: d <= BORDER_TOLERANCE_M, territory, borderDistanceM: d };
    },
  };
}
