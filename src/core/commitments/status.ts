import type { ActivityStatus } from "./schema";

/**
 * The derived status of an activity (TAK ExCheck's vocabulary). Complete means level 3;
 * late means past its due date and not complete; at risk means the owner flagged it or, at
 * the pace it has kept since it started, it would finish after its due date.
 */
export interface StatusInput {
  readonly level: number;
  readonly dueDate: string;
  /** When the activity started: its start date, or when it was recorded. */
  readonly startDate: string;
  /** The day it reached level 3, if it did. */
  readonly completedOn: string | null;
  readonly flaggedAtRisk: boolean;
}

/**
 * Days since 1970-01-01 of the date part of a YYYY-MM-DD… text, and back: H. Hinnant's
 * `days_from_civil` / `civil_from_days` for the proleptic Gregorian calendar, exact for
 * years 0001–9999 (the same days as Date.parse and toISOString give). Plain integer
 * arithmetic: a roll-up derives thousands of statuses, and the Date round trip was most of it.
 */
function toDay(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + Number(iso.slice(8, 10)) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function fromDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The day the activity would reach level 3 at its pace so far; null when it has not moved. */
export function projectedCompletion(a: StatusInput, today: string): string | null {
  if (a.level >= 3) return a.completedOn;
  if (a.level <= 0) return null;
  const start = toDay(a.startDate);
  const elapsed = Math.max(1, toDay(today) - start);
  return fromDay(start + Math.ceil((elapsed * 3) / a.level));
}

export function deriveStatus(a: StatusInput, today: string): ActivityStatus {
  if (a.level >= 3) return a.completedOn && a.completedOn > a.dueDate ? "complete_late" : "complete";
  if (today > a.dueDate) return "late";
  if (a.flaggedAtRisk) return "at_risk";
  const projected = projectedCompletion(a, today);
  if (projected !== null) return projected > a.dueDate ? "at_risk" : "on_track";
  // Nothing done yet: at risk once more than half of its time is gone.
  const start = toDay(a.startDate);
  const span = Math.max(1, toDay(a.dueDate) - start);
  return toDay(today) - start > span / 2 ? "at_risk" : "on_track";
}

/** `atRiskFrom` for an activity that is at risk on every day up to its due date. */
export const AT_RISK_ALWAYS = "0000-01-01";
/** `atRiskFrom` for an activity that stays on track up to its due date (or is complete). */
export const AT_RISK_NEVER = "9999-12-31";

/**
 * The first day on which an activity that is not complete counts as at risk. Up to its due
 * date the status can only move from on_track to at_risk, never back (a flag holds every
 * day; the projected completion and the time gone only grow with today), so this one day
 * gives the status of every day: at_risk from it to the due date, late after, on_track
 * before. Stored beside each activity, it lets lists filter and count statuses in SQL. It is
 * found by bisecting `deriveStatus` itself, so the two cannot disagree.
 */
export function atRiskFrom(a: StatusInput): string {
  if (a.level >= 3) return AT_RISK_NEVER;
  const risky = (day: number) => deriveStatus(a, fromDay(day)) === "at_risk";
  let hi = toDay(a.dueDate);
  if (!risky(hi)) return AT_RISK_NEVER;
  // Two days before both start and due date nothing grows any more (the pace counts at least
  // one day; the time gone is negative): at risk there means at risk on every earlier day.
  let lo = Math.min(toDay(a.startDate), hi) - 2;
  if (risky(lo)) return AT_RISK_ALWAYS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (risky(mid)) hi = mid;
    else lo = mid;
  }
  return fromDay(hi);
}
