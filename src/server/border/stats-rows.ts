import type { Sql } from "../db/database";
import { hourOf } from "./map-grid";
import type { Counted, GoodsLine } from "./stats-aggregates";

/** Reads of the read model's own incident rows, shared by the projection's handlers. */
export interface IncidentRow {
  id: string;
  side: string;
  type: string;
  ms: number;
  day: number;
  lon: number;
  lat: number;
  sector_id: string;
  crossing_id: string;
  dup: number;
  source_id: string;
  goods_n: number;
}

export const counted = (r: IncidentRow, sector = r.sector_id): Counted => ({
  id: r.id,
  side: r.side,
  type: r.type,
  day: Number(r.day),
  hour: hourOf(Number(r.ms)),
  lon: Number(r.lon),
  lat: Number(r.lat),
  sector,
  crossing: r.crossing_id,
});

const ROW_COLUMNS = "id, side, type, ms, day, lon, lat, sector_id, crossing_id, dup, source_id, goods_n";

export async function incidentRow(sql: Sql, id: string): Promise<IncidentRow | undefined> {
  return (await sql.all<IncidentRow>(`SELECT ${ROW_COLUMNS} FROM border_stats_incidents WHERE id = ?`, [id]))[0];
}

export async function goodsOf(sql: Sql, id: string): Promise<GoodsLine[]> {
  const rows = await sql.all<GoodsLine>("SELECT category, unit, quantity FROM border_stats_goods WHERE incident_id = ?", [id]);
  return rows.map((g) => ({ category: g.category, unit: g.unit, quantity: Number(g.quantity) }));
}
