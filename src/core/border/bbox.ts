import { DomainError } from "../errors";
import { fromMgrs } from "./mgrs";
import type { Position } from "./schema";

/**
 * Coordinates as they arrive in query strings (`bbox=-73,6,-71,9`, `lat=7.8&lon=-72.4`):
 * text, checked here so a malformed or out-of-range value is a `border.bad_coordinates`
 * naming the parameter, never a NaN in a query.
 */
export interface Bbox {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function number(textValue: string, field: string, min: number, max: number): number {
  const v = textValue.trim();
  const n = NUMBER.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) throw new DomainError("border.bad_coordinates", `"${textValue}" is not a number`, field);
  if (n < min || n > max) throw new DomainError("border.bad_coordinates", `${n} is not between ${min} and ${max}`, field);
  return n;
}

/** `minLon,minLat,maxLon,maxLat` (RFC 7946 order). A box may not cross the antimeridian. */
export function parseBbox(value: string, field = "query.bbox"): Bbox {
  const parts = value.split(",");
  if (parts.length !== 4) throw new DomainError("border.bad_coordinates", "bbox is minLon,minLat,maxLon,maxLat", field);
  const [minLon, minLat, maxLon, maxLat] = parts.map((p, i) => (i % 2 === 0 ? number(p, field, -180, 180) : number(p, field, -90, 90))) as [
    number,
    number,
    number,
    number,
  ];
  if (minLon > maxLon || minLat > maxLat) {
    throw new DomainError("border.bad_coordinates", "bbox minimums must not exceed its maximums", field);
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** A position from `lat`/`lon` query parameters, or from `mgrs`. */
export function parseQueryPosition(q: { lat?: string | undefined; lon?: string | undefined; mgrs?: string | undefined }): Position {
  if (q.mgrs !== undefined && q.mgrs !== "") return fromMgrs(q.mgrs, "query.mgrs");
  if (q.lat === undefined) throw new DomainError("border.bad_coordinates", "give lat and lon, or mgrs", "query.lat");
  if (q.lon === undefined) throw new DomainError("border.bad_coordinates", "give lat and lon, or mgrs", "query.lon");
  return { lat: number(q.lat, "query.lat", -90, 90), lon: number(q.lon, "query.lon", -180, 180) };
}
