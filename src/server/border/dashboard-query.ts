import type { Sql } from "../db/database";
import type { Span } from "./dashboard-span";

/**
 * Runs one aggregate question over a span: against the monthly, daily and hourly rows and
 * the incidents of the partial hours, and returns all rows
 * tagged with where they came from, for the caller to merge. `aggregate` and `raw` build
 * the SQL for a range condition they are given.
 */
export type Source = "m" | "d" | "h" | "raw";

export interface SpanQuery {
  /** SQL over an aggregate table for one grain; `where` is the period condition. */
  readonly aggregate: (grain: "h" | "d" | "m", where: string) => string;
  /** SQL over the incidents; `where` is the `ms` condition. */
  readonly raw: (where: string) => string;
  /** The incidents' time column in `raw` (`ms`, or `i.ms` when the query joins). */
  readonly rawColumn?: string;
  /** Parameters after the range ones (filters), the same for all three. */
  readonly params?: readonly unknown[];
}

export function rangesWhere(column: string, ranges: readonly (readonly [number, number])[]): { where: string; params: number[] } {
  return {
    where: `(${ranges.map(() => `(${column} >= ? AND ${column} < ?)`).join(" OR ")})`,
    params: ranges.flat(),
  };
}

export async function runSpan<T>(sql: Sql, span: Span, q: SpanQuery): Promise<(T & { source: Source })[]> {
  const parts: string[] = [];
  const params: unknown[] = [];
  // One branch per range (an OR of ranges would make SQLite scan the whole grain), all in
  // one statement, so PostgreSQL pays one round trip.
  const add = (source: Source, text: (where: string) => string, column: string, range: readonly [number, number]) => {
    const r = rangesWhere(column, [range]);
    parts.push(`SELECT '${source}' AS source, x.* FROM (${text(r.where)}) x`);
    params.push(...r.params, ...(q.params ?? []));
  };
  if (span.months) add("m", (w) => q.aggregate("m", w), "period", span.months);
  for (const range of span.days) add("d", (w) => q.aggregate("d", w), "period", range);
  for (const range of span.hours) add("h", (w) => q.aggregate("h", w), "period", range);
  for (const range of span.partial) add("raw", q.raw, q.rawColumn ?? "ms", range);
  if (parts.length === 0) return [];
  return sql.all<T & { source: Source }>(parts.join(" UNION ALL "), params);
}

/** Equality filters as SQL (`AND col = ?`…) with their parameters, skipping those not given. */
export function filtersWhere(filters: readonly [string, string | undefined][]): { where: string; params: string[] } {
  const given = filters.filter((f): f is [string, string] => f[1] !== undefined);
  return { where: given.map(([col]) => ` AND ${col} = ?`).join(""), params: given.map(([, v]) => v) };
}

/**
 * The UTC day a row's period falls on, for rows grouped by period: a month row has none
 * (undefined), a daily row is its day, an hourly row its hour's day, and the incidents' own
 * rows carry their `day` column.
 */
export function dayOfRow(period: number, source: Source): number | undefined {
  if (source === "m") return undefined;
  return source === "h" ? Math.floor(period / 24) : period;
}

/** Rounds away the float noise sums of ± deltas leave (quantities are given to at most 6 places). */
export const tidy = (n: number): number => Math.round(Number(n) * 1e6) / 1e6;
