import { z } from "zod";
import { LOCAL_DATETIME } from "./schema";

/**
 * Wall-clock time in an IANA timezone, computed with the runtime's own zone data (Intl), so
 * the server, the browser and the CLI agree. Meetings are planned in local time ("09:00 in
 * Cúcuta") and stored with their UTC instants, so every node projects the same instants.
 */
const MINUTE = 60_000;

/** Formatters are costly to build and immutable once built: one per zone is kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Whether the runtime knows `tz` as a timezone (IANA names and UTC). */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(tz)) return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, "an IANA timezone such as America/Bogota");

/** Wall-clock fields of an instant in `tz`, as milliseconds of a UTC calendar (for arithmetic). */
function wallMs(ms: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(tz).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The offset of `tz` from UTC at an instant, in minutes (east positive: Bogotá is -300). */
export function offsetMinutes(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallMs(whole, tz) - whole) / MINUTE);
}

const localMs = (local: string): number => {
  const m = LOCAL_DATETIME.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
};

/** A local date-time as `YYYY-MM-DDTHH:mm:ss` from wall-clock milliseconds. */
const formatLocal = (wall: number) => new Date(wall).toISOString().slice(0, 19);

/**
 * The UTC instant of a wall-clock time in `tz`. A time that falls in a gap (clocks moved
 * forward) does not exist: `strict` refuses it with undefined, otherwise it is read with the
 * offset before the gap, as RFC 5545 §3.3.5 asks of recurrence instances. A time that occurs
 * twice (clocks moved back) is the first of the two.
 */
export function zonedToUtc(local: string, tz: string, strict = true): number | undefined {
  const wall = localMs(local);
  const before = offsetMinutes(wall - 36 * 60 * MINUTE, tz);
  const after = offsetMinutes(wall + 36 * 60 * MINUTE, tz);
  // The offset before comes first, so an ambiguous time resolves to its first occurrence.
  for (const off of [before, after]) {
    const utc = wall - off * MINUTE;
    if (wallMs(utc, tz) === wall) return utc;
  }
  if (strict) return undefined;
  return wall - before * MINUTE;
}

/** The wall-clock time of an instant in `tz`, as `YYYY-MM-DDTHH:mm:ss`. */
export function utcToZoned(ms: number, tz: string): string {
  return formatLocal(wallMs(ms, tz));
}

/** `YYYY-MM-DDTHH:mm` and `…:ss` name the same time; events store the long form. */
export function normalLocal(local: string): string {
  return formatLocal(localMs(local));
}

/** Wall-clock arithmetic on a local date-time (days and months, as calendars count them). */
export function addLocal(local: string, unit: "minute" | "day" | "month", n: number): string | undefined {
  const d = new Date(localMs(local));
  if (unit === "minute") return formatLocal(d.getTime() + n * MINUTE);
  if (unit === "day") {
    d.setUTCDate(d.getUTCDate() + n);
    return formatLocal(d.getTime());
  }
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  // A month without that day (31 April) yields no instance at all (RFC 5545 §3.3.10).
  if (day > days) return undefined;
  d.setUTCDate(day);
  return formatLocal(d.getTime());
}

/** Minutes between two local date-times read on the same wall clock. */
export function localMinutes(from: string, to: string): number {
  return Math.round((localMs(to) - localMs(from)) / MINUTE);
}

/**
 * The offset changes of `tz` between two instants: each the instant it happens and the
 * offsets before and after. Found by scanning day by day and bisecting to the minute.
 */
export function transitions(tz: string, fromMs: number, toMs: number): { at: number; from: number; to: number }[] {
  const out: { at: number; from: number; to: number }[] = [];
  const DAY = 24 * 60 * MINUTE;
  let t = fromMs;
  let off = offsetMinutes(t, tz);
  while (t < toMs) {
    const next = Math.min(t + DAY, toMs);
    const nextOff = offsetMinutes(next, tz);
    if (nextOff !== off) {
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetMinutes(mid, tz) === off) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: off, to: nextOff });
      off = nextOff;
    }
    t = next;
  }
  return out;
}
