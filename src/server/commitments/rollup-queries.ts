import { emptyCounts, percentOf, type StatusCounts } from "../../core/commitments/rollup";
import { ACTIVITY_STATUSES } from "../../core/commitments/schema";
import type { Sql } from "../db/database";
import { existsFrom } from "./projection-levels";
import { allIn } from "./queries";

/**
 * The reads behind roll-ups: per-operation totals summed by SQL, percentages at past dates
 * from the projection's `level_steps`, and what changed since a date. None of them loads
 * every activity, so a roll-up costs what it returns, not the size of the node.
 */
/** What a roll-up sums, for one operation: Σ weight × level, Σ weight, and the status counts. */
export interface Totals {
  weighted: number;
  weights: number;
  counts: StatusCounts;
  total: number;
}

/**
 * Each operation's totals today, summed by SQL in one row per operation, for the given
 * operations or all of them. An activity belongs to one operation, so the totals of several
 * operations add up without counting an activity twice. The status sums spell out
 * `statusWhere` status by status (on_track is the rest).
 */
export async function operationTotals(sql: Sql, today: string, operations?: readonly string[]): Promise<Map<string, Totals>> {
  const select = `SELECT operation_id, COUNT(*) AS n,
      SUM(CASE WHEN level >= 3 AND completed_on > due_date THEN 1 ELSE 0 END) AS complete_late,
      SUM(CASE WHEN level >= 3 THEN 1 ELSE 0 END) AS done,
      SUM(CASE WHEN level < 3 AND ? > due_date THEN 1 ELSE 0 END) AS late,
      SUM(CASE WHEN level < 3 AND ? <= due_date AND ? >= risk_from THEN 1 ELSE 0 END) AS at_risk,
      SUM(weight * (CASE WHEN level > 3 THEN 3 WHEN level < 0 THEN 0 ELSE level END)) AS weighted, SUM(weight) AS weights
    FROM activities`;
  type Row = {
    operation_id: string;
    n: number;
    complete_late: number;
    done: number;
    late: number;
    at_risk: number;
    weighted: number;
    weights: number;
  };
  const dates = [today, today, today];
  const rows =
    operations === undefined
      ? await sql.all<Row>(`${select} GROUP BY operation_id`, dates)
      : await allIn<Row>(
          sql,
          operations,
          (list) => `${select} WHERE operation_id IN (${list}) GROUP BY operation_id`,
          (chunk) => [...dates, ...chunk],
        );
  const out = new Map<string, Totals>();
  for (const r of rows) {
    const [n, done, completeLate, late, atRisk] = [r.n, r.done, r.complete_late, r.late, r.at_risk].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    out.set(r.operation_id, {
      weighted: Number(r.weighted),
      weights: Number(r.weights),
      counts: { on_track: n - done - late - atRisk, at_risk: atRisk, late, complete: done - completeLate, complete_late: completeLate },
      total: n,
    });
  }
  return out;
}

/** The roll-up of some operations (each counted once) from their totals. */
export function combine(
  totals: Map<string, Totals>,
  operations: readonly string[],
): { percent: number; counts: StatusCounts; total: number } {
  const counts = emptyCounts();
  let weighted = 0;
  let weights = 0;
  let total = 0;
  for (const op of new Set(operations)) {
    const t = totals.get(op);
    if (!t) continue;
    weighted += t.weighted;
    weights += t.weights;
    total += t.total;
    for (const s of ACTIVITY_STATUSES) counts[s] += t.counts[s];
  }
  return { percent: percentOf(weighted, weights), counts, total };
}

/**
 * The percent of some operations as their activities stood on each of `dates`: an activity
 * counts from the day it exists (`existsFrom`), at the last level its history gives on or
 * before the date. The projection keeps, per operation and day, how Σ weight × level and Σ weight moved
 * that day (`level_steps`), so each date's figure is a running sum of those moves.
 */
export async function percentsAt(sql: Sql, operations: readonly string[], dates: readonly string[]): Promise<number[]> {
  const last = [...dates].sort().at(-1) ?? "";
  // One date needs one sum; several need the moves by day up to the last of them.
  const byDay = dates.length > 1 ? "on_date" : "MAX(on_date) AS on_date";
  const steps = await allIn<{ on_date: string | null; weighted: number | null; weights: number | null }>(
    sql,
    operations,
    (list) =>
      `SELECT ${byDay}, SUM(weighted) AS weighted, SUM(weight) AS weights FROM level_steps
       WHERE operation_id IN (${list}) AND on_date <= ?${dates.length > 1 ? " GROUP BY on_date" : ""}`,
    (chunk) => [...chunk, last],
  );
  return dates.map((date) => {
    let weighted = 0;
    let weights = 0;
    for (const s of steps) {
      if (s.on_date === null || s.on_date > date) continue;
      weighted += Number(s.weighted);
      weights += Number(s.weights);
    }
    return percentOf(weighted, weights);
  });
}

/** The first day any activity of these operations existed (`existsFrom`), if any does. */
export async function firstDay(sql: Sql, operations: readonly string[]): Promise<string | undefined> {
  const rows = await allIn<{ first: string | null }>(
    sql,
    operations,
    (list) => `SELECT MIN(on_date) AS first FROM level_steps WHERE operation_id IN (${list})`,
  );
  return rows
    .flatMap((r) => (r.first === null ? [] : [r.first]))
    .sort()
    .at(0);
}

export interface LevelChange {
  id: string;
  title: string;
  owner: string;
  operation_id: string;
  from: number;
  to: number;
}

/** A level entry `l` that is its activity's first after a date (by day, then time); binds the date twice. */
const FIRST_AFTER = `l.on_date > ? AND NOT EXISTS (SELECT 1 FROM activity_levels e WHERE e.activity_id = l.activity_id
  AND e.on_date > ? AND (e.on_date < l.on_date OR (e.on_date = l.on_date AND e.at < l.at)))`;

/**
 * The level on `date` of each activity of these operations whose level may differ from its
 * level now, by id; every other one had then the level it has now. Only an activity with a
 * level entry after the date can differ — its first such entry's `from_level` is its level on
 * the date — or one whose latest entry by date is not its level now (entries that arrived out
 * of date order, which the projection marks). An activity that did not exist yet on the date
 * (`existsFrom`) had level 0; that rule is the caller's (`levelOn`), which holds the rows.
 */
export async function levelsOn(sql: Sql, operations: readonly string[], date: string): Promise<Map<string, number>> {
  // The first entry of each activity is picked here: as an SQL anti-join, PostgreSQL would
  // scan every entry after the date, of all operations.
  const entries = await allIn<{ activity_id: string; from_level: number; on_date: string; at: string }>(
    sql,
    operations,
    (list) => `SELECT activity_id, from_level, on_date, at FROM activity_levels WHERE operation_id IN (${list}) AND on_date > ?`,
    (chunk) => [...chunk, date],
  );
  const first = new Map<string, (typeof entries)[number]>();
  for (const e of entries) {
    const f = first.get(e.activity_id);
    if (!f || e.on_date < f.on_date || (e.on_date === f.on_date && e.at < f.at)) first.set(e.activity_id, e);
  }
  const then = new Map([...first.values()].map((e) => [e.activity_id, Number(e.from_level)]));
  const skewed = await allIn<{ id: string }>(
    sql,
    operations,
    (list) => `SELECT id FROM activities WHERE history_out_of_order = 1 AND operation_id IN (${list})`,
  );
  const others = skewed.map((r) => r.id).filter((id) => !then.has(id));
  for (const [id, level] of await lastLevelsOn(sql, others, date)) then.set(id, level);
  return then;
}

/** An activity's level on `date` from `levelsOn`: 0 before it existed (its start or recording day). */
export function levelOn(
  then: Map<string, number>,
  a: { id: string; level: number; start_date: string | null; created_at: string },
  date: string,
): number {
  if (existsFrom(a.start_date, a.created_at) > date) return 0;
  return then.get(a.id) ?? Number(a.level);
}

/**
 * The activities of some operations whose level now differs from their level on `date`, by
 * operation and id: `levelsOn`'s rule, with each first entry after the date read together
 * with its activity, so a report a year after its baseline reads each activity once.
 */
export async function changedSince(sql: Sql, operations: readonly string[], date: string): Promise<LevelChange[]> {
  type Row = {
    id: string;
    title: string;
    owner: string;
    operation_id: string;
    level: number;
    start_date: string | null;
    created_at: string;
  };
  const moved = await allIn<Row & { from_level: number }>(
    sql,
    operations,
    (list) => `SELECT a.id, a.title, a.owner, a.operation_id, a.level, a.start_date, a.created_at, l.from_level
      FROM activity_levels l JOIN activities a ON a.id = l.activity_id WHERE l.operation_id IN (${list}) AND ${FIRST_AFTER}`,
    (chunk) => [...chunk, date, date],
  );
  const then = new Map(moved.map((m) => [m.id, Number(m.from_level)]));
  const skewed = (
    await allIn<Row>(
      sql,
      operations,
      (list) =>
        `SELECT id, title, owner, operation_id, level, start_date, created_at FROM activities WHERE history_out_of_order = 1 AND operation_id IN (${list})`,
    )
  ).filter((r) => !then.has(r.id));
  for (const [id, level] of await lastLevelsOn(
    sql,
    skewed.map((r) => r.id),
    date,
  ))
    then.set(id, level);
  const rows = [...new Map([...moved, ...skewed].map((r) => [r.id, r])).values()];
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      owner: r.owner,
      operation_id: r.operation_id,
      from: levelOn(then, r, date),
      to: Number(r.level),
    }))
    .filter((c) => c.from !== c.to)
    .sort(byOperationAndId);
}

/** The level of the last entry on or before `date` of each of these activities (0 if none). */
async function lastLevelsOn(sql: Sql, ids: readonly string[], date: string): Promise<Map<string, number>> {
  const out = new Map(ids.map((id) => [id, 0]));
  const history = await allIn<{ activity_id: string; level: number }>(
    sql,
    ids,
    (list) => `SELECT activity_id, level FROM activity_levels WHERE activity_id IN (${list}) AND on_date <= ? ORDER BY on_date, at`,
    (chunk) => [...chunk, date],
  );
  for (const h of history) out.set(h.activity_id, Number(h.level));
  return out;
}

export const byOperationAndId = (a: { operation_id: string; id: string }, b: { operation_id: string; id: string }) =>
  a.operation_id < b.operation_id ? -1 : a.operation_id > b.operation_id ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
