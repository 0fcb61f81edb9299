import type { BusiestView, TrendSeries, TrendsView } from "../../core/border/read-views";
import { INCIDENT_TYPES } from "../../core/border/schema";
import type { Sql } from "../db/database";
import { dayOfRow, filtersWhere, runSpan } from "./dashboard-query";
import { monthLabel, monthOfDay, monthStartDay, splitSpan } from "./dashboard-span";
import { DAY_MS, dayOf } from "./map-grid";

/**
 * Trends: incidents per type per month for the 12 months ending with the month of `at`
 * (that month counted up to `at`), beside the same months a year earlier, with the change
 * between the two periods. Busiest crossings: the crossings named by most incidents.
 */
export async function trends(sql: Sql, atMs: number, filters: { sector?: string; side?: string } = {}): Promise<TrendsView> {
  const current = monthOfDay(dayOf(atMs - 1));
  const first = current - 23;
  const span = splitSpan(monthStartDay(first) * DAY_MS, atMs);
  const f = filtersWhere([
    ["sector", filters.sector],
    ["side", filters.side],
  ]);
  const fr = filtersWhere([
    ["sector_id", filters.sector],
    ["side", filters.side],
  ]);
  const rows = await runSpan<{ p: number; type: string; n: number }>(sql, span, {
    aggregate: (g, w) =>
      `SELECT period AS p, type, SUM(n) AS n FROM border_stats_counts WHERE grain = '${g}' AND ${w}${f.where} GROUP BY period, type`,
    raw: (w) => `SELECT day AS p, type, COUNT(*) AS n FROM border_stats_incidents WHERE ${w} AND dup = 0${fr.where} GROUP BY day, type`,
    params: f.params,
  });
  const grid = new Map<string, number[]>(INCIDENT_TYPES.map((t) => [t, Array.from({ length: 24 }, () => 0)]));
  for (const r of rows) {
    const day = dayOfRow(Number(r.p), r.source);
    const month = day === undefined ? Number(r.p) : monthOfDay(day);
    const series = grid.get(r.type);
    if (series && month >= first && month <= current) series[month - first] = (series[month - first] ?? 0) + Number(r.n);
  }
  const series = (all: number[]): TrendSeries => {
    const previousCounts = all.slice(0, 12);
    const counts = all.slice(12);
    const total = counts.reduce((a, b) => a + b, 0);
    const previousTotal = previousCounts.reduce((a, b) => a + b, 0);
    const change = total - previousTotal;
    return { counts, previousCounts, total, previousTotal, change, changeRatio: previousTotal === 0 ? null : change / previousTotal };
  };
  const sum = Array.from({ length: 24 }, (_, i) => [...grid.values()].reduce((s, v) => s + (v[i] ?? 0), 0));
  const label = (offset: number) => Array.from({ length: 12 }, (_, i) => monthLabel(first + offset + i));
  return {
    at: new Date(atMs).toISOString(),
    months: label(12),
    previousMonths: label(0),
    types: [...grid.entries()].map(([type, all]) => ({ type, ...series(all) })),
    totals: series(sum),
  };
}

export interface BusiestQuery {
  readonly fromMs: number;
  readonly toMs: number;
  readonly limit: number;
  readonly side?: string;
  readonly category?: string;
}

export async function busiestCrossings(sql: Sql, q: BusiestQuery): Promise<BusiestView> {
  const f = filtersWhere([["side", q.side]]);
  const rows = await runSpan<{ c: string; n: number }>(sql, splitSpan(q.fromMs, q.toMs), {
    aggregate: (g, w) =>
      `SELECT crossing_id AS c, SUM(n) AS n FROM border_stats_crossing_counts WHERE grain = '${g}' AND ${w}${f.where} GROUP BY crossing_id`,
    raw: (w) =>
      `SELECT crossing_id AS c, COUNT(*) AS n FROM border_stats_incidents WHERE ${w} AND dup = 0 AND crossing_id <> ''${f.where} GROUP BY crossing_id`,
    params: f.params,
  });
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.c, (totals.get(r.c) ?? 0) + Number(r.n));
  const known = new Map(
    (
      await sql.all<{ id: string; name: string; category: string; side: string; sector_id: string; lat: number; lon: number }>(
        "SELECT id, name, category, side, sector_id, lat, lon FROM border_stats_crossings",
      )
    ).map((c) => [c.id, c]),
  );
  const crossings = [...totals.entries()]
    .filter(([id, n]) => n > 0 && (!q.category || known.get(id)?.category === q.category))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, q.limit)
    .map(([id, n]) => {
      const c = known.get(id);
      return {
        crossingId: id,
        name: c?.name ?? null,
        category: c?.category ?? null,
        side: c?.side ?? null,
        sectorId: c?.sector_id || null,
        lat: c ? Number(c.lat) : null,
        lon: c ? Number(c.lon) : null,
        incidents: n,
      };
    });
  return { from: new Date(q.fromMs).toISOString(), to: new Date(q.toMs).toISOString(), crossings };
}
