import type { DailyIncident, DailyReportView, Quantity } from "../../core/border/read-views";
import { FIRST_REPORT_DUE_MS } from "../../core/border/schema";
import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";
import { coverage } from "./coverage";
import { runSpan, tidy } from "./dashboard-query";
import { splitSpan } from "./dashboard-span";

/**
 * The daily report: what happened on one calendar day, 00:00–24:00 at a fixed UTC offset
 * (UTC unless asked: Colombia's consoles ask for −05:00, Venezuela's for −04:00; neither
 * country keeps daylight saving, so a day is always 24 h). Incidents by type, side, sector
 * and impact, goods seized, late first reports, closures, follow-ups, coverage at the end
 * of the day (or now, for today), and the day's incidents. Counts and goods come from the
 * hourly and daily aggregates, like the dashboards.
 */
const DAY = 86_400_000;

export function dayWindow(date: string, tz: string): { fromMs: number; toMs: number } {
  const fromMs = Date.parse(`${date}T00:00:00${tz === "Z" || tz === "+00:00" ? "Z" : tz}`);
  return { fromMs, toMs: fromMs + DAY };
}

interface Row {
  type: string;
  side: string;
  sector: string;
  n: number;
  seized: number;
}

export async function dailyReport(sql: Sql, q: { date: string; tz: string; nowMs: number; listMax: number }): Promise<DailyReportView> {
  const { fromMs, toMs } = dayWindow(q.date, q.tz);
  const window = [fromMs, toMs];
  const span = splitSpan(fromMs, toMs);
  const rows = await runSpan<Row>(sql, span, {
    aggregate: (g, w) =>
      `SELECT type, side, sector, SUM(n) AS n, SUM(seized) AS seized FROM border_stats_counts WHERE grain = '${g}' AND ${w} GROUP BY type, side, sector`,
    raw: (w) =>
      `SELECT type, side, sector_id AS sector, COUNT(*) AS n, SUM(CASE WHEN goods_n > 0 THEN 1 ELSE 0 END) AS seized
       FROM border_stats_incidents WHERE ${w} AND dup = 0 GROUP BY type, side, sector_id`,
  });
  // Impact and lateness are not aggregated: the covering index on (ms, dup, impact, reported_ms) answers them.
  const impacts = await sql.all<{ impact: string; n: number; late: number }>(
    `SELECT impact, COUNT(*) AS n, SUM(CASE WHEN reported_ms - ms > ? THEN 1 ELSE 0 END) AS late
     FROM border_stats_incidents WHERE ms >= ? AND ms < ? AND dup = 0 GROUP BY impact`,
    [FIRST_REPORT_DUE_MS, ...window],
  );
  const tally = <R extends { n: number }>(list: readonly R[], key: (r: R) => string) => {
    const m = new Map<string, number>();
    for (const r of list) m.set(key(r), (m.get(key(r)) ?? 0) + Number(r.n));
    return [...m.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const goods = await runSpan<{ category: string; unit: string; q: number; n: number }>(sql, span, {
    aggregate: (g, w) =>
      `SELECT category, unit, SUM(quantity) AS q, SUM(n) AS n FROM border_stats_seizures WHERE grain = '${g}' AND ${w} AND unit <> '' GROUP BY category, unit`,
    raw: (w) =>
      `SELECT g.category AS category, g.unit AS unit, SUM(g.quantity) AS q, COUNT(*) AS n
       FROM border_stats_goods g JOIN border_stats_incidents i ON i.id = g.incident_id WHERE ${w} AND i.dup = 0 GROUP BY g.category, g.unit`,
    rawColumn: "i.ms",
  });
  const seizures = new Map<string, Quantity>();
  for (const g of goods) {
    const key = `${g.category}\u0000${g.unit}`;
    const held = seizures.get(key) ?? { category: g.category, unit: g.unit, quantity: 0, incidents: 0 };
    held.quantity += Number(g.q);
    held.incidents += Number(g.n);
    seizures.set(key, held);
  }
  const count = async (text: string) => Number((await sql.all<{ n: number }>(text, window))[0]?.n ?? 0);
  const closed = await count("SELECT COUNT(*) AS n FROM border_stats_incidents WHERE closed_ms >= ? AND closed_ms < ? AND dup = 0");
  const followups = await count("SELECT COUNT(*) AS n FROM border_stats_followups WHERE ms >= ? AND ms < ?");
  const sectors = new Map(
    (await sql.all<{ id: string; code: string; name: string }>("SELECT id, code, name FROM border_stats_sectors")).map((s) => [s.id, s]),
  );
  const list = await dayIncidents(sql, fromMs, toMs, q.listMax);
  return {
    date: q.date,
    tz: q.tz === "Z" ? "+00:00" : q.tz,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    incidents: rows.reduce((s, r) => s + Number(r.n), 0),
    withSeizures: rows.reduce((s, r) => s + Number(r.seized), 0),
    lateReports: impacts.reduce((s, r) => s + Number(r.late), 0),
    closed,
    followups,
    byType: tally(rows, (r) => r.type).map(([type, incidents]) => ({ type, incidents })),
    bySide: tally(rows, (r) => r.side).map(([side, incidents]) => ({ side, incidents })),
    bySector: tally(rows, (r) => r.sector).map(([id, incidents]) => ({
      sectorId: id || null,
      code: sectors.get(id)?.code ?? null,
      name: sectors.get(id)?.name ?? null,
      incidents,
    })),
    byImpact: tally(impacts, (r) => r.impact).map(([impact, incidents]) => ({ impact, incidents })),
    seizures: [...seizures.values()]
      .filter((s) => s.incidents > 0)
      .map((s) => ({ ...s, quantity: tidy(s.quantity) }))
      .sort((a, b) => a.category.localeCompare(b.category) || a.unit.localeCompare(b.unit)),
    coverage: await coverage(sql, Math.min(toMs, q.nowMs)),
    list,
    listed: list.length,
  };
}

/** The incidents of [fromMs, toMs), earliest first, at most `limit`, with their goods. */
export async function dayIncidents(sql: Sql, fromMs: number, toMs: number, limit: number): Promise<DailyIncident[]> {
  const rows = await sql.all<{
    id: string;
    type: string;
    ms: number;
    reported_ms: number;
    side: string;
    sector_id: string;
    crossing_id: string;
    lat: number;
    lon: number;
    impact: string;
    status: string;
    summary: string;
    originator: string;
  }>(
    `SELECT id, type, ms, reported_ms, side, sector_id, crossing_id, lat, lon, impact, status, summary, originator
     FROM border_stats_incidents WHERE ms >= ? AND ms < ? AND dup = 0 ORDER BY ms, id LIMIT ?`,
    [fromMs, toMs, limit],
  );
  const goods = await allIn<{ incident_id: string; category: string; unit: string; quantity: number }>(
    sql,
    rows.map((r) => r.id),
    (list) => `SELECT incident_id, category, unit, quantity FROM border_stats_goods WHERE incident_id IN (${list}) ORDER BY category, unit`,
  );
  const byIncident = new Map<string, DailyIncident["goods"]>();
  for (const g of goods) {
    byIncident.set(g.incident_id, [
      ...(byIncident.get(g.incident_id) ?? []),
      { category: g.category, unit: g.unit, quantity: tidy(g.quantity) },
    ]);
  }
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    occurredAt: new Date(Number(r.ms)).toISOString(),
    reportedAt: new Date(Number(r.reported_ms)).toISOString(),
    side: r.side,
    sectorId: r.sector_id || null,
    crossingId: r.crossing_id || null,
    lat: Number(r.lat),
    lon: Number(r.lon),
    impact: r.impact,
    status: r.status,
    lateReport: Number(r.reported_ms) - Number(r.ms) > FIRST_REPORT_DUE_MS,
    summary: r.summary,
    originator: r.originator,
    goods: byIncident.get(r.id) ?? [],
  }));
}
