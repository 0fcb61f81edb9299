import { DAY_MS, HOUR_MS } from "./map-grid";

/**
 * A time window [from, to) cut into the pieces the aggregates can answer: whole UTC months
 * (monthly rows), whole UTC days (daily rows), whole hours (hourly rows) and, at either
 * end, the part of an hour that is not whole (read from the incidents themselves). The
 * pieces never overlap and cover the window exactly, so a sum over them equals a sum over
 * every incident in the window, and no query reads more than two partial hours of incidents.
 */
export interface Span {
  /** Month numbers (year·12 + month − 1), [first, end). */
  readonly months: readonly [number, number] | null;
  /** Day numbers, [first, end) each. */
  readonly days: readonly (readonly [number, number])[];
  /** Hour numbers (hours since 1970), [first, end) each. */
  readonly hours: readonly (readonly [number, number])[];
  /** Instants in ms, [from, to) each. */
  readonly partial: readonly (readonly [number, number])[];
}

export const monthOfDay = (day: number): number => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

export const monthStartDay = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;

/** "2025-03" for a month number. */
export const monthLabel = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;

const EMPTY: Span = { months: null, days: [], hours: [], partial: [] };

/** [a, b) cut at multiples of `unit` (in a's units): the inner whole units and the ragged ends. */
function cut(a: number, b: number, unit: number): { inner: [number, number] | null; ends: [number, number][] } {
  const i0 = Math.ceil(a / unit);
  const i1 = Math.floor(b / unit);
  if (i0 >= i1) return { inner: null, ends: [[a, b]] };
  const ends: [number, number][] = [];
  if (a < i0 * unit) ends.push([a, i0 * unit]);
  if (i1 * unit < b) ends.push([i1 * unit, b]);
  return { inner: [i0, i1], ends };
}

export function splitSpan(fromMs: number, toMs: number, useMonths = true): Span {
  if (!(fromMs < toMs)) return EMPTY;
  const byHour = cut(fromMs, toMs, HOUR_MS);
  if (!byHour.inner) return { ...EMPTY, partial: byHour.ends };
  const byDay = cut(byHour.inner[0], byHour.inner[1], 24);
  const hours = byDay.ends;
  if (!byDay.inner) return { ...EMPTY, hours, partial: byHour.ends };
  const [d0, d1] = byDay.inner;
  if (!useMonths) return { months: null, days: [[d0, d1]], hours, partial: byHour.ends };
  // The first month starting on or after d0, and the last month start on or before d1.
  let m0 = monthOfDay(d0);
  if (monthStartDay(m0) < d0) m0++;
  const m1 = monthOfDay(d1);
  if (m0 >= m1) return { months: null, days: [[d0, d1]], hours, partial: byHour.ends };
  const days: [number, number][] = [];
  if (d0 < monthStartDay(m0)) days.push([d0, monthStartDay(m0)]);
  if (monthStartDay(m1) < d1) days.push([monthStartDay(m1), d1]);
  return { months: [m0, m1], days, hours, partial: byHour.ends };
}
