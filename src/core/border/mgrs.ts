import * as mgrsModule from "mgrs";
import { z } from "zod";
import { DomainError } from "../errors";
import { type Position, positionSchema } from "./schema";

/**
 * Positions in the Military Grid Reference System, both ways, around the `mgrs` package:
 * references are checked before conversion and every failure is a DomainError naming the
 * field. MGRS rests on UTM, which covers 80°S to 84°N; the polar regions use UPS, which this
 * system does not take (the border lies between 1°N and 12°N).
 */
/**
 * `mgrs` ships UMD as `main` (Node sees one CommonJS default export) and ESM as `module`
 * (bundlers see named exports); either way the same two functions are reached.
 */
type MgrsLib = Pick<typeof mgrsModule, "forward" | "toPoint">;
const lib: MgrsLib = "forward" in mgrsModule ? mgrsModule : (mgrsModule as unknown as { default: MgrsLib }).default;

export const MGRS_MIN_LAT = -80;
export const MGRS_MAX_LAT = 84;

/** Zone 1–60, a latitude band (C–X without I and O), a 100 km square, 0–5 digits each way. */
const MGRS_PATTERN = /^(0?[1-9]|[1-5]\d|60)([C-HJ-NP-X])([A-HJ-NP-Z])([A-HJ-NP-V])(\d*)$/;

/**
 * A position as a client may enter it: `{lat, lon}` or `{mgrs}`. One object with optional
 * fields (rather than a union) so a bad latitude is reported as `position.lat`, by name.
 */
export const positionInputSchema = z
  .strictObject({
    lat: positionSchema.shape.lat.optional(),
    lon: positionSchema.shape.lon.optional(),
    mgrs: z.string().trim().min(1).max(40).optional(),
  })
  .superRefine((p, ctx) => {
    const hasLatLon = p.lat !== undefined || p.lon !== undefined;
    if (p.mgrs !== undefined && hasLatLon) ctx.addIssue({ code: "custom", message: "give lat and lon, or mgrs, not both", path: ["mgrs"] });
    if (p.mgrs !== undefined) return;
    if (p.lat === undefined) ctx.addIssue({ code: "custom", message: "latitude is required (or give mgrs)", path: ["lat"] });
    if (p.lon === undefined) ctx.addIssue({ code: "custom", message: "longitude is required (or give mgrs)", path: ["lon"] });
  });
export type PositionInput = z.input<typeof positionInputSchema>;

/** Whether a latitude has an MGRS reference at all. */
export const hasMgrs = (p: Position) => p.lat >= MGRS_MIN_LAT && p.lat <= MGRS_MAX_LAT;

/** "18N YP 81219 65250" (1 m precision), spaced as it is read aloud; "" where MGRS is undefined. */
export function mgrsOf(p: Position): string {
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || !hasMgrs(p) || Math.abs(p.lon) > 180) return "";
  const ref = lib.forward([p.lon, p.lat], 5);
  const m = /^(\d{1,2}[C-X])([A-Z]{2})(\d*)$/.exec(ref);
  if (!m) return ref;
  const digits = m[3] ?? "";
  const half = digits.length / 2;
  return `${m[1]} ${m[2]} ${digits.slice(0, half)} ${digits.slice(half)}`.trim();
}

/** Like mgrsOf, but a position without a reference is an error naming `field`. */
export function toMgrs(p: Position, field = "position"): string {
  const ref = mgrsOf(p);
  if (!ref) {
    throw new DomainError("border.bad_coordinates", `MGRS covers latitudes ${MGRS_MIN_LAT}° to ${MGRS_MAX_LAT}° only`, field);
  }
  return ref;
}

/** The centre of the square an MGRS reference names, rounded to 1e-6° (about 0.1 m). */
export function fromMgrs(text: string, field = "position.mgrs"): Position {
  const compact = text.replace(/\s+/g, "").toUpperCase();
  const m = MGRS_PATTERN.exec(compact);
  if (!m) {
    throw new DomainError(
      "border.bad_mgrs",
      `"${text}" is not an MGRS reference: zone 1–60, latitude band C–X (no I or O), two square letters, then up to five digits each way (e.g. 18N YP 81219 65250)`,
      field,
    );
  }
  if ((m[5] ?? "").length % 2 !== 0 || (m[5] ?? "").length > 10) {
    throw new DomainError("border.bad_mgrs", `"${text}": easting and northing need the same number of digits, at most five each`, field);
  }
  let lonLat: [number, number];
  try {
    lonLat = lib.toPoint(compact);
  } catch (err) {
    throw new DomainError("border.bad_mgrs", `"${text}": ${(err as Error).message.replace(/\s+/g, " ")}`, field);
  }
  const [lon, lat] = lonLat;
  const parsed = positionSchema.safeParse({ lat: round6(lat), lon: round6(lon) });
  if (!parsed.success) throw new DomainError("border.bad_mgrs", `"${text}" does not name a place on Earth`, field);
  return parsed.data;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A position input as a position. Input that skipped the route's schema (the CLI, the demo
 * seeder, a test) is checked here too, so a command never sees NaN or latitude 91.
 */
export function resolvePosition(input: PositionInput, field = "position"): Position {
  if (typeof input !== "object" || input === null) throw new DomainError("border.bad_coordinates", "not a position", field);
  if (input.mgrs !== undefined) {
    if (input.lat !== undefined || input.lon !== undefined) {
      throw new DomainError("border.bad_coordinates", "give lat and lon, or mgrs, not both", `${field}.mgrs`);
    }
    return fromMgrs(String(input.mgrs), `${field}.mgrs`);
  }
  const parsed = positionSchema.safeParse({ lat: input.lat, lon: input.lon });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? `${field}.${issue.path.join(".")}` : field;
    throw new DomainError("border.bad_coordinates", issue?.message ?? "not a position", at);
  }
  return parsed.data;
}
