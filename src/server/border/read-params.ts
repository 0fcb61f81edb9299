import { z } from "zod";
import { INCIDENT_TYPES, instantSchema } from "../../core/border/schema";
import { DomainError } from "../../core/errors";

/**
 * Query parameters shared by the read endpoints. A time is an ISO 8601 instant with an
 * offset, or a date (YYYY-MM-DD, UTC); as the end of a window a date means the end of that
 * day, so `from=2025-03-01&to=2025-03-31` is all of March. Windows are [from, to).
 */
export const whenSchema = z.union([instantSchema, z.iso.date()]);
export const offsetSchema = z.string().regex(/^(Z|[+-](0\d|1[0-4]):[0-5]\d)$/, "an offset from UTC: Z, -05:00, +01:00…");
export const langSchema = z.enum(["es", "en"]);

const DAY = 86_400_000;
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function instantMs(value: string, endOfDay: boolean): number {
  if (isDate(value)) return Date.parse(`${value}T00:00:00Z`) + (endOfDay ? DAY : 0);
  return Date.parse(value);
}

/** [from, to) in ms, `to` defaulting to now and `from` to `defaultSpanMs` before it. */
export function windowOf(q: { from?: string | undefined; to?: string | undefined }, nowMs: number, defaultSpanMs: number) {
  const toMs = q.to === undefined ? nowMs : instantMs(q.to, true);
  const fromMs = q.from === undefined ? toMs - defaultSpanMs : instantMs(q.from, false);
  if (!(fromMs < toMs)) throw new DomainError("validation.failed", "from must be before to", "query.from");
  if (toMs - fromMs > 20 * 366 * DAY) throw new DomainError("validation.failed", "a window spans at most 20 years", "query.from");
  return { fromMs, toMs };
}

/** `type=a,b` as a list of incident types, each checked. */
export function typesOf(value: string | undefined): string[] | undefined {
  if (value === undefined || value === "") return undefined;
  const types = [...new Set(value.split(","))];
  const bad = types.find((t) => !(INCIDENT_TYPES as readonly string[]).includes(t));
  if (bad !== undefined) throw new DomainError("validation.failed", `unknown incident type "${bad}"`, "query.type");
  return types;
}

/** CSV choices: `delimiter=semicolon` for spreadsheets in Spanish locales; `bom=false` for scripts. */
export const csvOptionsSchema = {
  delimiter: z.enum(["comma", "semicolon"]).default("comma"),
  bom: z.enum(["true", "false"]).default("true"),
};

export const csvOptionsOf = (q: { delimiter: "comma" | "semicolon"; bom: "true" | "false" }) => ({
  delimiter: q.delimiter === "semicolon" ? (";" as const) : ("," as const),
  bom: q.bom === "true",
});
