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

const DAY = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

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
