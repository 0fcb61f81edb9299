import { atRiskFrom } from "../../core/commitments/status";
import type { Sql } from "../db/database";
import { type StatusColumns, statusInput } from "./queries";

/**
 * The parts of the commitments projection that keep roll-ups cheap to read. Only that
 * projection's `apply` calls them, inside the transaction that stores the event.
 */

/** The first day an activity counts in roll-ups: its start date, or its recording day if earlier. */
export function existsFrom(startDate: string | null, createdAt: string): string {
  const recorded = createdAt.slice(0, 10);
  return startDate && startDate < recorded ? startDate : recorded;
}

/** Adds a move of Σ weight × level and Σ weight on one day of an operation (`level_steps`). */
export async function addStep(tx: Sql, operation: string, day: string, weighted: number, weight: number): Promise<void> {
  if (weighted === 0 && weight === 0) return;
  await tx.run(
    `INSERT INTO level_steps (operation_id, on_date, weighted, weight) VALUES (?, ?, ?, ?)
     ON CONFLICT (operation_id, on_date) DO UPDATE SET weighted = level_steps.weighted + excluded.weighted, weight = level_steps.weight + excluded.weight`,
    [operation, day, weighted, weight],
  );
}

/** Recomputes an activity's `risk_from` after a change to what its status reads. */
export async function refreshRisk(tx: Sql, id: string): Promise<void> {
  const row = (
    await tx.all<StatusColumns>(
      "SELECT level, due_date, start_date, created_at, completed_on, flagged_at_risk FROM activities WHERE id = ?",
      [id],
    )
  )[0];
  if (row) await tx.run("UPDATE activities SET risk_from = ? WHERE id = ?", [atRiskFrom(statusInput(row)), id]);
}

/**
 * Records a new level entry's effect on `level_steps`. A roll-up at a date takes each
 * activity's last entry by (day, time) on or before it, from the day the activity was
 * recorded; so an entry moves the sum by weight × (its level − the level of the entry before
 * it), on its day (or the recording day, if earlier), and the entry after it — when it
 * arrived out of order — now moves from the new level instead (its `from_level` too). Run
 * before the entry is inserted; marks the activity when its latest entry by date is not its
 * current level. Returns the new entry's `from_level` (the level of the entry before it) and
 * the activity's operation ("" for a subject that is no activity).
 */
export async function stepLevel(tx: Sql, id: string, level: number, on: string, at: string): Promise<{ from: number; operation: string }> {
  const row = (
    await tx.all<{ operation_id: string; weight: number; created_at: string; start_date: string | null }>(
      "SELECT operation_id, weight, created_at, start_date FROM activities WHERE id = ?",
      [id],
    )
  )[0];
  if (!row) return { from: 0, operation: "" };
  const history = await tx.all<{ level: number; on_date: string; at: string }>(
    "SELECT level, on_date, at FROM activity_levels WHERE activity_id = ? ORDER BY on_date, at",
    [id],
  );
  const after = history.findIndex((h) => h.on_date > on || (h.on_date === on && h.at > at));
  const prev = after === -1 ? history.at(-1) : history[after - 1];
  const next = after === -1 ? undefined : history[after];
  const from = prev ? Number(prev.level) : 0;
  const created = existsFrom(row.start_date, row.created_at);
  const day = (d: string) => (d > created ? d : created);
  const weight = Number(row.weight);
  await addStep(tx, row.operation_id, day(on), weight * (level - from), 0);
  if (next) {
    await addStep(tx, row.operation_id, day(next.on_date), weight * (from - level), 0);
    await tx.run("UPDATE activity_levels SET from_level = ? WHERE activity_id = ? AND on_date = ? AND at = ?", [
      level,
      id,
      next.on_date,
      next.at,
    ]);
  }
  const latest = next ? Number(history.at(-1)?.level) : level;
  await tx.run("UPDATE activities SET history_out_of_order = ? WHERE id = ?", [latest === level ? 0 : 1, id]);
  return { from, operation: row.operation_id };
}
