import type { Position } from "../core/border/schema";

/**
 * Plane geometry near the border for placing demo points: a local equirectangular
 * projection in kilometres is accurate to well under 1 % over the few kilometres a point
 * moves, which is all the demo needs. Points are placed on one side's own territory, as the
 * own-territory rule demands, by asking `TerritoryOf` rather than trusting the arithmetic.
 */
export type LonLat = readonly [number, number];

/** The node whose territory holds a position, or null (sea, a third country). */
export type TerritoryOf = (p: Position) => string | null;

const KM_PER_DEG_LAT = 110.57;
const kmPerDegLon = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

/** Moves `p` by `east` and `north` kilometres. */
export function offsetKm(p: Position, east: number, north: number): Position {
  return round({ lat: p.lat + north / KM_PER_DEG_LAT, lon: p.lon + east / kmPerDegLon(p.lat) });
}

/** Five decimals: about a metre, and stable text in events. */
export function round(p: Position): Position {
  return { lat: Math.round(p.lat * 1e5) / 1e5, lon: Math.round(p.lon * 1e5) / 1e5 };
}

export const toPosition = ([lon, lat]: LonLat): Position => ({ lat, lon });

/** Distance in km between two positions (flat-earth, for short distances). */
export function distanceKm(a: Position, b: Position): number {
  const east = (b.lon - a.lon) * kmPerDegLon((a.lat + b.lat) / 2);
  const north = (b.lat - a.lat) * KM_PER_DEG_LAT;
  return Math.hypot(east, north);
}

/** Distance in km from `p` to the nearest point of `line`. */
export function distanceToLineKm(p: Position, line: readonly LonLat[]): number {
  const kx = kmPerDegLon(p.lat);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1] as LonLat;
    const [bx, by] = line[i] as LonLat;
    const ux = (ax - p.lon) * kx;
    const uy = (ay - p.lat) * KM_PER_DEG_LAT;
    const vx = (bx - ax) * kx;
    const vy = (by - ay) * KM_PER_DEG_LAT;
    const len = vx * vx + vy * vy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ux * vx + uy * vy) / len));
    best = Math.min(best, Math.hypot(ux + t * vx, uy + t * vy));
  }
  return best;
}

/** Length of a path in km. */
export function pathLengthKm(line: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += distanceKm(toPosition(line[i - 1] as LonLat), toPosition(line[i] as LonLat));
  return total;
}

/** The point at `fraction` (0…1) of the path's length, and the unit direction of travel there (east, north). */
export function alongPath(line: readonly LonLat[], fraction: number): { at: Position; dir: readonly [number, number] } {
  let left = Math.max(0, Math.min(1, fraction)) * pathLengthKm(line);
  for (let i = 1; i < line.length; i++) {
    const a = toPosition(line[i - 1] as LonLat);
    const b = toPosition(line[i] as LonLat);
    const d = distanceKm(a, b);
    if (left <= d || i === line.length - 1) {
      const t = d === 0 ? 0 : Math.min(1, left / d);
      const east = (b.lon - a.lon) * kmPerDegLon(a.lat);
      const north = (b.lat - a.lat) * KM_PER_DEG_LAT;
      const n = Math.hypot(east, north) || 1;
      return { at: { lat: a.lat + t * (b.lat - a.lat), lon: a.lon + t * (b.lon - a.lon) }, dir: [east / n, north / n] };
    }
    left -= d;
  }
  const only = toPosition(line[0] as LonLat);
  return { at: only, dir: [1, 0] };
}

/**
 * A point `km` from the border on `side`'s territory, beside the border point at `fraction`
 * of `line`: it steps off the line at right angles towards whichever side is `side`, and
 * falls back to a ring search when the line bends too sharply there. Undefined if neither works.
 * Its distance is measured to `border` (by default `line` alone, a sector's stretch: cheaper,
 * and the territory test settles which side a point is on anyway).
 */
export function besideBorder(
  line: readonly LonLat[],
  fraction: number,
  km: number,
  side: string,
  territoryOf: TerritoryOf,
  border: readonly LonLat[] = line,
): Position | undefined {
  const { at, dir } = alongPath(line, fraction);
  for (const sign of [1, -1]) {
    const p = offsetKm(at, -dir[1] * km * sign, dir[0] * km * sign);
    if (territoryOf(p) === side && distanceToLineKm(p, border) >= Math.min(km, 0.5) * 0.8) return p;
  }
  return insideNear(at, side, territoryOf, border, Math.min(km, 1));
}

/**
 * The nearest point to `p` (searching rings of 0.5 km, 24 bearings) on `side`'s territory
 * and at least `minKm` from the border; `p` itself when it already is. Undefined past 40 km.
 */
export function insideNear(
  p: Position,
  side: string,
  territoryOf: TerritoryOf,
  border: readonly LonLat[],
  minKm: number,
): Position | undefined {
  const fits = (q: Position) => territoryOf(q) === side && distanceToLineKm(q, border) >= minKm;
  if (fits(p)) return round(p);
  for (let r = 0.5; r <= 40; r += 0.5) {
    for (let k = 0; k < 24; k++) {
      const a = (k * Math.PI) / 12;
      const q = offsetKm(p, r * Math.cos(a), r * Math.sin(a));
      if (fits(q)) return q;
    }
  }
  return undefined;
}

/** The slice of `line` between the vertices nearest to `from` and `to` (in the line's order). */
export function sliceBetween(line: readonly LonLat[], from: LonLat, to: LonLat): LonLat[] {
  const nearest = (q: LonLat) => {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    line.forEach((v, i) => {
      const d = distanceKm(toPosition(v), toPosition(q));
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
  const a = nearest(from);
  const b = nearest(to);
  return a <= b ? line.slice(a, b + 1) : line.slice(b, a + 1).reverse();
}

/** Where along `line` (as a fraction of its length) the point nearest to `p` lies. */
export function fractionOf(line: readonly LonLat[], p: Position): number {
  const total = pathLengthKm(line);
  let walked = 0;
  let best = { d: Number.POSITIVE_INFINITY, at: 0 };
  for (let i = 1; i < line.length; i++) {
    const a = toPosition(line[i - 1] as LonLat);
    const b = toPosition(line[i] as LonLat);
    const seg = distanceKm(a, b);
    for (let k = 0; k <= 10; k++) {
      const t = k / 10;
      const d = distanceKm(p, { lat: a.lat + t * (b.lat - a.lat), lon: a.lon + t * (b.lon - a.lon) });
      if (d < best.d) best = { d, at: walked + t * seg };
    }
    walked += seg;
  }
  return total === 0 ? 0 : best.at / total;
}
