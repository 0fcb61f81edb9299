/**
 * The little geometry the STIX mapping needs: a sector (a stretch of border, [lon, lat]
 * pairs) becomes one STIX location, a point with a precision radius; and an imported
 * location is matched to the sector whose line passes near it. Distances are on a sphere
 * (haversine) or, for point-to-segment, on a local equirectangular plane, which is exact
 * enough at the scale of a border sector.
 */
export type LonLat = readonly [number, number];

const EARTH_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineM(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = rad(bLat - aLat);
  const dLon = rad(bLon - aLon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(aLat)) * Math.cos(rad(bLat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A path's centre (mean of its vertices) and the radius that holds every vertex. */
export function pathCentre(path: readonly LonLat[]): { lat: number; lon: number; precision: number } {
  if (path.length === 0) throw new RangeError("an empty path has no centre");
  const lon = path.reduce((s, p) => s + p[0], 0) / path.length;
  const lat = path.reduce((s, p) => s + p[1], 0) / path.length;
  const precision = Math.max(...path.map((p) => haversineM(lat, lon, p[1], p[0])));
  return { lat: round(lat), lon: round(lon), precision };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Metres from a point to the nearest point of a path. */
export function distanceToPathM(lat: number, lon: number, path: readonly LonLat[]): number {
  const kx = EARTH_M * Math.cos(rad(lat)) * (Math.PI / 180);
  const ky = EARTH_M * (Math.PI / 180);
  const xy = (p: LonLat) => [(p[0] - lon) * kx, (p[1] - lat) * ky] as const;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < path.length; i++) {
    const a = xy(path[i] as LonLat);
    const b = xy((path[i + 1] ?? path[i]) as LonLat);
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / len));
    best = Math.min(best, Math.hypot(a[0] + t * dx, a[1] + t * dy));
  }
  return best;
}

/** ISO 3166-1 alpha-2 codes of South America (UN M49), for STIX `region`. */
const SOUTH_AMERICA = new Set(["AR", "BO", "BR", "CL", "CO", "EC", "FK", "GF", "GY", "PE", "PY", "SR", "UY", "VE"]);

/** The STIX region-ov value of a country, when every country given shares one we know. */
export function regionOf(countries: readonly string[]): string | null {
  if (countries.length === 0) return null;
  return countries.every((c) => SOUTH_AMERICA.has(c.toUpperCase())) ? "south-america" : null;
}
