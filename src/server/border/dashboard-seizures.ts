import type { Quantity, SeizureGroup, SeizuresView } from "../../core/border/read-views";
import { GOODS_CATEGORIES } from "../../core/border/schema";
import type { Sql } from "../db/database";
import { dayOfRow, filtersWhere, runSpan, type Source, tidy } from "./dashboard-query";
import { monthLabel, monthOfDay, splitSpan } from "./dashboard-span";
import { DAY_MS } from "./map-grid";

/**
 * Seizures over a window, grouped by goods category, sector, month (UTC) or side:
 * incidents, incidents with goods seized, and quantities per category and unit. Summed
 * from the monthly and daily aggregates plus the incidents of the window's partial days.
 */
export type SeizureGrouping = SeizuresView["groupBy"];

export interface SeizureQuery {
  readonly fromMs: number;
  readonly toMs: number;
  readonly groupBy: SeizureGrouping;
  readonly sector?: string;
  readonly side?: string;
}

/** The group column in the aggregate tables and in the incident rows, by grouping. */
const COLUMN: Record<Exclude<SeizureGrouping, "category">, [string, string]> = {
  sector: ["sector", "i.sector_id"],
  side: ["side", "i.side"],
  month: ["period", "i.day"],
};

interface CountRow {
  k: string | number | null;
  n: number;
  seized: number;
}
interface QuantityRow {
  k: string | number | null;
  category: string;
  unit: string;
  q: number;
  n: number;
}

export async function seizures(sql: Sql, q: SeizureQuery): Promise<SeizuresView> {
  const span = splitSpan(q.fromMs, q.toMs);
  const agg = filtersWhere([
    ["sector", q.sector],
    ["side", q.side],
  ]);
  const raw = filtersWhere([
    ["i.sector_id", q.sector],
    ["i.side", q.side],
  ]);
  const params = agg.params;
  const byCategory = q.groupBy === "category";
  const [aggCol, rawCol] = byCategory ? ["category", "g.category"] : COLUMN[q.groupBy];
  // Group keys as text; a month key from daily rows or incidents is a day number first.
  const keyOf = (k: string | number | null, source: Source): string | null => {
    if (q.groupBy !== "month") return k === null || k === "" ? null : String(k);
    const day = dayOfRow(Number(k), source);
    return monthLabel(day === undefined ? Number(k) : monthOfDay(day));
  };

  // Category groups overlap (one incident, several categories): incidents are counted once, for the totals.
  const [countCol, rawCountCol] = byCategory ? ["''", "''"] : [aggCol, rawCol];
  const counts = await runSpan<CountRow>(sql, span, {
    aggregate: (g, w) =>
      `SELECT ${countCol} AS k, SUM(n) AS n, SUM(seized) AS seized FROM border_stats_counts WHERE grain = '${g}' AND ${w}${agg.where} GROUP BY ${countCol === "''" ? "grain" : countCol}`,
    raw: (w) =>
      `SELECT ${rawCountCol} AS k, COUNT(*) AS n, SUM(CASE WHEN i.goods_n > 0 THEN 1 ELSE 0 END) AS seized FROM border_stats_incidents i WHERE ${w} AND i.dup = 0${raw.where}${rawCountCol === "''" ? "" : ` GROUP BY ${rawCol}`}`,
    rawColumn: "i.ms",
    params,
  });
  const quantities = await runSpan<QuantityRow>(sql, span, {
    aggregate: (g, w) =>
      `SELECT ${aggCol} AS k, category, unit, SUM(quantity) AS q, SUM(n) AS n FROM border_stats_seizures WHERE grain = '${g}' AND ${w}${agg.where} GROUP BY ${aggCol === "category" ? "category" : `${aggCol}, category`}, unit`,
    raw: (w) =>
      `SELECT ${rawCol} AS k, g.category AS category, g.unit AS unit, SUM(g.quantity) AS q, COUNT(*) AS n
       FROM border_stats_goods g JOIN border_stats_incidents i ON i.id = g.incident_id
       WHERE ${w} AND i.dup = 0${raw.where} GROUP BY ${rawCol === "g.category" ? "g.category" : `${rawCol}, g.category`}, g.unit`,
    rawColumn: "i.ms",
    params,
  });
  // Incidents of the window in every category at once, for `category` groups: their unit '' rows.
  const categoryIncidents = byCategory
    ? await runSpan<{ k: string; n: number }>(sql, span, {
        aggregate: (g, w) =>
          `SELECT category AS k, SUM(n) AS n FROM border_stats_seizures WHERE grain = '${g}' AND unit = '' AND ${w}${agg.where} GROUP BY category`,
        raw: (w) =>
          `SELECT g.category AS k, COUNT(DISTINCT i.id) AS n FROM border_stats_goods g JOIN border_stats_incidents i ON i.id = g.incident_id
           WHERE ${w} AND i.dup = 0${raw.where} GROUP BY g.category`,
        rawColumn: "i.ms",
        params,
      })
    : [];

  const groups = new Map<string, { key: string | null; incidents: number; withSeizures: number; quantities: Map<string, Quantity> }>();
  const group = (key: string | null) => {
    const id = key ?? "\u0000";
    let g = groups.get(id);
    if (!g) {
      g = { key, incidents: 0, withSeizures: 0, quantities: new Map() };
      groups.set(id, g);
    }
    return g;
  };
  const countedOnce = { incidents: 0, withSeizures: 0 };
  for (const r of counts) {
    if (byCategory) {
      countedOnce.incidents += Number(r.n ?? 0);
      countedOnce.withSeizures += Number(r.seized ?? 0);
      continue;
    }
    const g = group(keyOf(r.k, r.source));
    g.incidents += Number(r.n);
    g.withSeizures += Number(r.seized);
  }
  for (const r of categoryIncidents) {
    const g = group(r.k);
    g.incidents += Number(r.n);
    g.withSeizures += Number(r.n);
  }
  for (const r of quantities) {
    if (r.unit === "") continue;
    const g = group(keyOf(r.k, r.source));
    const id = `${r.category}\u0000${r.unit}`;
    const held = g.quantities.get(id) ?? { category: r.category, unit: r.unit, quantity: 0, incidents: 0 };
    held.quantity += Number(r.q);
    held.incidents += Number(r.n);
    g.quantities.set(id, held);
  }
  if (q.groupBy === "month") {
    // Every month of the window, empty ones included, in order.
    for (let m = monthOfDay(Math.floor(q.fromMs / DAY_MS)); m <= monthOfDay(Math.floor((q.toMs - 1) / DAY_MS)); m++) group(monthLabel(m));
  }
  const labels = q.groupBy === "sector" ? await sectorLabels(sql) : new Map<string, string>();
  const categoryOrder = (k: string | null) => GOODS_CATEGORIES.indexOf((k ?? "") as (typeof GOODS_CATEGORIES)[number]);
  const out: SeizureGroup[] = [...groups.values()]
    .map((g) => ({
      key: g.key,
      label: g.key === null ? "—" : (labels.get(g.key) ?? g.key),
      incidents: g.incidents,
      withSeizures: g.withSeizures,
      quantities: sortQuantities([...g.quantities.values()]),
    }))
    .filter((g) => q.groupBy === "month" || g.incidents > 0 || g.quantities.length > 0)
    .sort((a, b) =>
      q.groupBy === "category"
        ? categoryOrder(a.key) - categoryOrder(b.key)
        : q.groupBy === "sector"
          ? b.incidents - a.incidents || a.label.localeCompare(b.label)
          : String(a.key).localeCompare(String(b.key)),
    );
  const totals = byCategory ? { ...sumGroups(out), ...countedOnce } : sumGroups(out);
  return { from: new Date(q.fromMs).toISOString(), to: new Date(q.toMs).toISOString(), groupBy: q.groupBy, groups: out, totals };
}

function sortQuantities(list: Quantity[]): Quantity[] {
  return list
    .map((x) => ({ ...x, quantity: tidy(x.quantity) }))
    .filter((x) => x.incidents > 0)
    .sort((a, b) => a.category.localeCompare(b.category) || a.unit.localeCompare(b.unit));
}

function sumGroups(groups: readonly SeizureGroup[]): SeizuresView["totals"] {
  const quantities = new Map<string, Quantity>();
  for (const g of groups) {
    for (const x of g.quantities) {
      const id = `${x.category}\u0000${x.unit}`;
      const held = quantities.get(id) ?? { category: x.category, unit: x.unit, quantity: 0, incidents: 0 };
      held.quantity += x.quantity;
      held.incidents += x.incidents;
      quantities.set(id, held);
    }
  }
  return {
    incidents: groups.reduce((s, g) => s + g.incidents, 0),
    withSeizures: groups.reduce((s, g) => s + g.withSeizures, 0),
    quantities: sortQuantities([...quantities.values()]),
  };
}

export async function sectorLabels(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.all<{ id: string; code: string; name: string }>("SELECT id, code, name FROM border_stats_sectors");
  return new Map(rows.map((r) => [r.id, `${r.code} · ${r.name}`]));
}
