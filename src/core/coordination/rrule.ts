import { z } from "zod";
import { addLocal, zonedToUtc } from "./time";

/**
 * The subset of RFC 5545 recurrence rules a meeting series uses: FREQ=WEEKLY or MONTHLY,
 * INTERVAL, and an end by COUNT or UNTIL. A series is finite and its meetings are planned
 * at once (each occurrence is a meeting of its own), so both ends are bounded.
 */
export const MAX_OCCURRENCES = 200;
const MAX_YEARS = 5;

export interface RecurrenceRule {
  readonly freq: "WEEKLY" | "MONTHLY";
  readonly interval: number;
  readonly count: number | null;
  /** `YYYYMMDD` (a last local date) or `YYYYMMDDTHHMMSSZ` (a last UTC instant). */
  readonly until: string | null;
}

type Parsed = { ok: true; rule: RecurrenceRule } | { ok: false; message: string };

const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/;

/** Reads `FREQ=…;INTERVAL=…;COUNT=…|UNTIL=…` (an `RRULE:` prefix is allowed). */
export function parseRrule(text: string): Parsed {
  const body = text.trim().replace(/^RRULE:/i, "");
  const parts = new Map<string, string>();
  for (const part of body.split(";")) {
    const m = /^([A-Za-z]+)=([A-Za-z0-9]+)$/.exec(part);
    if (!m?.[1] || m[2] === undefined) return { ok: false, message: `'${part}' is not NAME=VALUE` };
    const name = m[1].toUpperCase();
    if (parts.has(name)) return { ok: false, message: `${name} is given twice` };
    if (!["FREQ", "INTERVAL", "COUNT", "UNTIL"].includes(name)) {
      return { ok: false, message: `${name} is not supported (FREQ, INTERVAL, COUNT and UNTIL are)` };
    }
    parts.set(name, m[2].toUpperCase());
  }
  const freq = parts.get("FREQ");
  if (freq !== "WEEKLY" && freq !== "MONTHLY") return { ok: false, message: "FREQ must be WEEKLY or MONTHLY" };
  const interval = Number(parts.get("INTERVAL") ?? "1");
  if (!Number.isInteger(interval) || interval < 1 || interval > 52)
    return { ok: false, message: "INTERVAL is a whole number from 1 to 52" };
  const countText = parts.get("COUNT");
  const until = parts.get("UNTIL") ?? null;
  if ((countText === undefined) === (until === null)) return { ok: false, message: "a series ends by COUNT or by UNTIL (one of them)" };
  const count = countText === undefined ? null : Number(countText);
  if (count !== null && (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES)) {
    return { ok: false, message: `COUNT is a whole number from 1 to ${MAX_OCCURRENCES}` };
  }
  if (until !== null) {
    const m = UNTIL.exec(until);
    const [y, mo, d] = (m?.slice(1, 4) ?? []).map(Number) as [number, number, number];
    const date = m ? new Date(Date.UTC(y, mo - 1, d)) : undefined;
    if (!date || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      return { ok: false, message: "UNTIL is YYYYMMDD or YYYYMMDDTHHMMSSZ" };
    }
  }
  return { ok: true, rule: { freq, interval, count, until } };
}

export const rruleSchema = z
  .string()
  .max(200)
  .superRefine((text, ctx) => {
    const p = parseRrule(text);
    if (!p.ok) ctx.addIssue({ code: "custom", message: p.message });
  });

const untilInstant = (u: string) => {
  const m = UNTIL.exec(u);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return m[4] === undefined ? undefined : Date.UTC(y, mo - 1, d, h, mi, s);
};

/**
 * The local start of every occurrence, the first being `start` itself. Invalid dates
 * (31 April) are skipped and not counted, as RFC 5545 says; undefined when the series
 * would hold more than MAX_OCCURRENCES meetings or run past MAX_YEARS.
 */
export function expandRule(rule: RecurrenceRule, start: string, tz: string): string[] | undefined {
  const out: string[] = [];
  const untilDate =
    rule.until && rule.until.length === 8 ? `${rule.until.slice(0, 4)}-${rule.until.slice(4, 6)}-${rule.until.slice(6)}` : null;
  const untilUtc = rule.until ? untilInstant(rule.until) : undefined;
  const limit = addLocal(start, "month", 12 * MAX_YEARS) ?? `${Number(start.slice(0, 4)) + MAX_YEARS}${start.slice(4)}`;
  for (let k = 0; ; k++) {
    const next = rule.freq === "WEEKLY" ? addLocal(start, "day", 7 * rule.interval * k) : addLocal(start, "month", rule.interval * k);
    if (rule.freq === "WEEKLY" && next === undefined) return undefined;
    if (next === undefined) {
      if (k > 12 * MAX_YEARS) return undefined;
      continue;
    }
    if (rule.count !== null && out.length >= rule.count) return out;
    if (untilDate !== null && next.slice(0, 10) > untilDate) return out;
    if (untilUtc !== undefined && (zonedToUtc(next, tz, false) ?? 0) > untilUtc) return out;
    if (next > limit || out.length >= MAX_OCCURRENCES) return undefined;
    out.push(next);
  }
}

/** The rule as RFC 5545 text; a date UNTIL becomes the UTC start of the last occurrence. */
export function formatRule(rule: RecurrenceRule, lastStartUtc: number | undefined): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  else if (lastStartUtc !== undefined) parts.push(`UNTIL=${new Date(lastStartUtc).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
  return parts.join(";");
}
