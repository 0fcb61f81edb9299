import type { Sql } from "../db/database";
import { monthOfDay } from "./dashboard-span";
import { BANDS, cellOf, HOURLY_BANDS } from "./map-grid";
import { type Aggregate, addInto, aggregate, upsert } from "./stats-sql";
import { runWrites, type Write } from "./writes";

/**
 * What one incident adds to the aggregate tables (per hour, day and month), applied with a sign: +1 when it is
 * counted, −1 before a change (a sector it moves to, goods a follow-up adds) and +1 again
 * after, so each aggregate always equals the sum over the incidents it covers.
 */
export interface Counted {
  readonly id: string;
  readonly side: string;
  readonly type: string;
  readonly day: number;
  readonly hour: number;
  readonly lon: number;
  readonly lat: number;
  readonly sector: string;
  readonly crossing: string;
}

export interface GoodsLine {
  readonly category: string;
  readonly unit: string;
  readonly quantity: number;
}

/** Goods summed per (category, unit), the shape the per-incident goods table keeps. */
export function mergeGoods(goods: readonly GoodsLine[]): GoodsLine[] {
  const by = new Map<string, GoodsLine>();
  for (const g of goods) {
    const key = `${g.category}\u0000${g.unit}`;
    const held = by.get(key);
    by.set(key, { category: g.category, unit: g.unit, quantity: (held?.quantity ?? 0) + g.quantity });
  }
  return [...by.values()];
}

const COUNTS = aggregate("border_stats_counts", ["grain", "period", "sector", "side", "type"], ["n", "seized"]);
const SEIZURES = aggregate("border_stats_seizures", ["grain", "period", "sector", "side", "category", "unit"], ["quantity", "n"]);
const CROSSING_COUNTS = aggregate("border_stats_crossing_counts", ["grain", "period", "crossing_id", "side"], ["n"]);
const CELL_KEYS = ["band", "grain", "period", "cx", "cy", "side", "sector"];
/** Map cells by incident type: each type counts in its own column. */
const cellsByType = new Map<string, Aggregate>();
const cellsOf = (type: string) => {
  let cells = cellsByType.get(type);
  if (!cells) {
    cells = aggregate("border_map_cells", CELL_KEYS, ["n", "sum_lon", "sum_lat", `t_${type}`]);
    cellsByType.set(type, cells);
  }
  return cells;
};

const grains = (c: Counted) => [
  ["h", c.hour],
  ["d", c.day],
  ["m", monthOfDay(c.day)],
];

/** The count rows of an incident, per grain; `seized` says whether it has goods. */
export function countsWrite(c: Counted, seized: boolean, sign: 1 | -1): Write | undefined {
  return upsert(
    COUNTS,
    grains(c).map(([g, p]) => [g, p, c.sector, c.side, c.type, sign, seized ? sign : 0]),
  );
}

/** Moves an incident between "with seizures" and "without" in the counts. */
export async function markSeized(sql: Sql, c: Counted, sign: 1 | -1): Promise<void> {
  const rows = grains(c).map(([g, p]) => [g, p, c.sector, c.side, c.type, 0, sign]);
  await addInto(sql, COUNTS, rows);
}

/** Quantities per (category, unit) and incidents per category, per grain; none without goods. */
export function seizuresWrite(c: Counted, goods: readonly GoodsLine[], sign: 1 | -1): Write | undefined {
  if (goods.length === 0) return undefined;
  const rows: unknown[][] = [];
  for (const [g, p] of grains(c)) {
    for (const line of goods) rows.push([g, p, c.sector, c.side, line.category, line.unit, sign * line.quantity, sign]);
    for (const category of new Set(goods.map((line) => line.category))) rows.push([g, p, c.sector, c.side, category, "", 0, sign]);
  }
  return upsert(SEIZURES, rows);
}

export async function addSeizures(sql: Sql, c: Counted, goods: readonly GoodsLine[], sign: 1 | -1): Promise<void> {
  await runWrites(sql, [seizuresWrite(c, goods, sign)]);
}

/** The crossing's counts, per grain; none when the incident names no crossing. */
export function crossingWrite(c: Counted, sign: 1 | -1): Write | undefined {
  if (!c.crossing) return undefined;
  return upsert(
    CROSSING_COUNTS,
    grains(c).map(([g, p]) => [g, p, c.crossing, c.side, sign]),
  );
}

/** The incident's map cell in every band, per day (and per hour in the wide bands). */
export function cellsWrite(c: Counted, sign: 1 | -1): Write | undefined {
  const rows: unknown[][] = [];
  for (const band of BANDS) {
    const { cx, cy } = cellOf(band, c.lon, c.lat);
    const values = [cx, cy, c.side, c.sector, sign, sign * c.lon, sign * c.lat, sign];
    rows.push([band, "d", c.day, ...values]);
    if (HOURLY_BANDS.includes(band)) rows.push([band, "h", c.hour, ...values]);
  }
  return upsert(cellsOf(c.type), rows);
}
