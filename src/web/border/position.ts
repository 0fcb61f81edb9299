import { mgrsOf, fromMgrs as parseMgrs } from "../../core/border/mgrs";

/** A WGS 84 position as the console handles it. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** The MGRS reference of a position ("18N YP 75649 74069"); empty where MGRS is undefined. */
export function toMgrs(p: LatLon): string {
  return mgrsOf(p);
}

/** The position an MGRS reference points at (the centre of its square), or null when it is not one. */
export function fromMgrs(ref: string): LatLon | null {
  try {
    return parseMgrs(ref);
  } catch {
    return null;
  }
}

/** Six decimals: about 0.1 m, more than any report needs, fewer than float noise. */
export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** "7.90000° N, 72.50000° W", the way positions are written in reports. */
export function formatLatLon({ lat, lon }: LatLon): string {
  const ns = lat >= 0 ? "N" : "S";
  const ew = lon >= 0 ? "E" : "W";
  return `${Math.abs(lat).toFixed(5)}° ${ns}, ${Math.abs(lon).toFixed(5)}° ${ew}`;
}

/** Great-circle distance in kilometres (haversine; plenty for "which crossing is nearest"). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
