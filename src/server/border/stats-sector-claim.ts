import { type Sql, statement } from "../db/database";
import { cellsWrite, countsWrite, seizuresWrite } from "./stats-aggregates";
import { counted, goodsOf, type IncidentRow } from "./stats-rows";
import { distanceToPathKm, nearer } from "./stats-sector";
import { runWrites } from "./writes";

/**
 * Sector assignment in the read model. A new incident or crossing that names no sector
 * takes the nearest one known; a sector that arrives later (a peer's, or one recorded after
 * the first reports) claims what lies nearer to it than to its current sector, moving those
 * incidents' share of the aggregates with them. The outcome is the nearest sector among all
 * known, whatever the arrival order.
 */
type Path = [number, number][];

/** Run for every incident and crossing that names no sector: prepared once on PostgreSQL. */
const SECTORS_AROUND = statement(
  "SELECT id, path FROM border_stats_sectors WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?",
);

export async function nearestSector(sql: Sql, lon: number, lat: number): Promise<{ id: string; dist: number } | null> {
  const rows = await sql.all<{ id: string; path: string }>(SECTORS_AROUND, [lon, lon, lat, lat]);
  let best: { id: string; dist: number } | null = null;
  for (const r of rows) {
    const d = distanceToPathKm(lon, lat, JSON.parse(r.path) as Path);
    if (nearer(d, r.id, best)) best = { id: r.id, dist: d };
  }
  return best;
}

interface Placed {
  id: string;
  lon: number;
  lat: number;
  sector_id: string;
  sector_dist: number;
}

const current = (r: Placed) => (r.sector_id ? { id: r.sector_id, dist: Number(r.sector_dist) } : null);

export async function claimForSector(
  sql: Sql,
  sectorId: string,
  path: Path,
  box: { minLon: number; minLat: number; maxLon: number; maxLat: number },
): Promise<void> {
  const inBox = "sector_explicit = 0 AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?";
  const params = [box.minLon, box.maxLon, box.minLat, box.maxLat];
  const crossings = await sql.all<Placed>(`SELECT id, lon, lat, sector_id, sector_dist FROM border_stats_crossings WHERE ${inBox}`, params);
  for (const r of crossings) {
    const d = distanceToPathKm(Number(r.lon), Number(r.lat), path);
    if (!nearer(d, sectorId, current(r))) continue;
    await sql.run("UPDATE border_stats_crossings SET sector_id = ?, sector_dist = ? WHERE id = ?", [sectorId, d, r.id]);
  }
  const incidents = await sql.all<IncidentRow & Placed>(
    `SELECT id, side, type, ms, day, lon, lat, sector_id, sector_dist, crossing_id, dup, source_id, goods_n FROM border_stats_incidents WHERE ${inBox}`,
    params,
  );
  for (const r of incidents) {
    const d = distanceToPathKm(Number(r.lon), Number(r.lat), path);
    if (!nearer(d, sectorId, current(r))) continue;
    await sql.run("UPDATE border_stats_incidents SET sector_id = ?, sector_dist = ? WHERE id = ?", [sectorId, d, r.id]);
    if (Number(r.dup) === 1) continue;
    const goods = await goodsOf(sql, r.id);
    for (const [sector, sign] of [
      [r.sector_id, -1],
      [sectorId, 1],
    ] as const) {
      const c = counted(r, sector);
      await runWrites(sql, [countsWrite(c, goods.length > 0, sign), seizuresWrite(c, goods, sign), cellsWrite(c, sign)]);
    }
  }
}
