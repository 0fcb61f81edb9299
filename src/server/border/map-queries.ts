import type { Feature, FeatureCollection, Point } from "geojson";
import type { Bbox } from "../../core/border/bbox";
import { INCIDENT_TYPES } from "../../core/border/schema";
import type { Sql } from "../db/database";
import { filtersWhere } from "./dashboard-query";
import { splitSpan } from "./dashboard-span";
import { BANDS, type Band, bandForZoom, cellDegrees, cellOf, cellRange, dayOf, HOUR_MS, HOURLY_BANDS } from "./map-grid";
import { marks } from "./stats-sql";
import { TYPE_COLUMNS } from "./stats-tables";

/**
 * The incidents layer of the map as GeoJSON: the incidents themselves when at most
 * POINTS_MAX match, otherwise one point per grid cell (at the cell's centroid, with its
 * count and dominant type). Cells come from the per-day (and, for wide views, per-hour) cell
 * aggregates of the band that suits the zoom; the rest of the window from the incidents. The
 * heat layer is the same cells one band finer, each weighted by its share of the busiest.
 */
export const POINTS_MAX = 500;
/** The most cells a query may span; a wider box is answered one band coarser. */
const MAX_CELLS = 40_000;
/** Up to this many days (or hours), each is its own index seek; beyond, one range. */
const LIST_MAX = 120;

export interface MapQuery {
  readonly bbox: Bbox;
  readonly fromMs: number;
  readonly toMs: number;
  readonly zoom: number;
  readonly types?: readonly string[];
  readonly sector?: string;
  readonly side?: string;
  /** At most this many incidents come as points (POINTS_MAX unless a caller sets it). */
  readonly pointsMax?: number;
}

interface Cell {
  cx: number;
  cy: number;
  n: number;
  sumLon: number;
  sumLat: number;
  byType: number[];
}

const box = (b: Bbox) => [b.minLon, b.minLat, b.maxLon, b.maxLat] as const;

function bandFor(zoom: number, bbox: Bbox): Band {
  let band = bandForZoom(zoom);
  for (;;) {
    const r = cellRange(band, box(bbox));
    if ((r.cx1 - r.cx0 + 1) * (r.cy1 - r.cy0 + 1) <= MAX_CELLS || band === BANDS[0]) return band;
    band = BANDS[BANDS.indexOf(band) - 1] as Band;
  }
}

/** Periods [p0, p1) of `column` as one index seek each (`IN (…)`) when few, else one range. */
const periodCondition = (p0: number, p1: number, column = "period") =>
  p1 - p0 <= LIST_MAX
    ? { where: `${column} IN (${marks(p1 - p0)})`, params: Array.from({ length: p1 - p0 }, (_, i) => p0 + i) }
    : { where: `${column} >= ? AND ${column} < ?`, params: [p0, p1] };

/** Counts per cell of `band` over the window, matching the filters. */
async function cells(sql: Sql, q: MapQuery, band: Band): Promise<Cell[]> {
  const span = splitSpan(q.fromMs, q.toMs, false);
  const r = cellRange(band, box(q.bbox));
  const f = filtersWhere([
    ["side", q.side],
    ["sector", q.sector],
  ]);
  const out = new Map<string, Cell>();
  const cell = (cx: number, cy: number) => {
    const key = `${cx}:${cy}`;
    let c = out.get(key);
    if (!c) {
      c = { cx, cy, n: 0, sumLon: 0, sumLat: 0, byType: INCIDENT_TYPES.map(() => 0) };
      out.set(key, c);
    }
    return c;
  };
  // Days, and for the wide bands hours too, from the cell rows; the rest from the incidents.
  const periods: ["d" | "h", number, number][] = span.days.map(([a, b]) => ["d", a, b]);
  const raw: (readonly [number, number])[] = [...span.partial];
  for (const [a, b] of span.hours) {
    if (HOURLY_BANDS.includes(band)) periods.push(["h", a, b]);
    else raw.push([a * HOUR_MS, b * HOUR_MS]);
  }
  for (const [grain, p0, p1] of periods) {
    const within = periodCondition(p0, p1);
    const rows = await sql.all<Record<string, number>>(
      `SELECT cx, cy, SUM(n) AS n, SUM(sum_lon) AS sum_lon, SUM(sum_lat) AS sum_lat, ${TYPE_COLUMNS.map((t) => `SUM(${t}) AS ${t}`).join(", ")}
       FROM border_map_cells WHERE band = ? AND grain = '${grain}' AND ${within.where} AND cx >= ? AND cx <= ? AND cy >= ? AND cy <= ?${f.where}
       GROUP BY cx, cy`,
      [band, ...within.params, r.cx0, r.cx1, r.cy0, r.cy1, ...f.params],
    );
    for (const row of rows) {
      const c = cell(Number(row.cx), Number(row.cy));
      c.n += Number(row.n);
      c.sumLon += Number(row.sum_lon);
      c.sumLat += Number(row.sum_lat);
      TYPE_COLUMNS.forEach((t, i) => {
        c.byType[i] = (c.byType[i] ?? 0) + Number(row[t]);
      });
    }
  }
  for (const [a, b] of raw) {
    for (const p of await rawPoints(sql, q, a, b, ["lon", "lat", "type"])) {
      const { cx, cy } = cellOf(band, Number(p.lon), Number(p.lat));
      if (cx < r.cx0 || cx > r.cx1 || cy < r.cy0 || cy > r.cy1) continue;
      const c = cell(cx, cy);
      c.n += 1;
      c.sumLon += Number(p.lon);
      c.sumLat += Number(p.lat);
      const i = INCIDENT_TYPES.indexOf(p.type as (typeof INCIDENT_TYPES)[number]);
      c.byType[i] = (c.byType[i] ?? 0) + 1;
    }
  }
  return [...out.values()];
}

interface RawPoint {
  id: string;
  type: string;
  ms: number;
  lon: number;
  lat: number;
  side: string;
  sector_id: string;
  crossing_id: string;
  impact: string;
  status: string;
}

/** Incidents in the box in [a, b), the filters applied (types included). */
async function rawPoints(sql: Sql, q: MapQuery, a: number, b: number, columns: readonly (keyof RawPoint)[]): Promise<RawPoint[]> {
  // A short range is best found by time (the `ms` index), a long one by day and longitude;
  // `type || ''` keeps a short one off the type index, which would read a year of that type.
  const short = b - a <= 2 * HOUR_MS;
  const days = short ? { where: "1 = 1", params: [] } : periodCondition(dayOf(a), dayOf(b - 1) + 1, "day");
  const f = filtersWhere([
    ["side", q.side],
    ["sector_id", q.sector],
  ]);
  const typed = short ? "(type || '')" : "type";
  const types = q.types?.length ? { where: ` AND ${typed} IN (${marks(q.types.length)})`, params: q.types } : { where: "", params: [] };
  return sql.all<RawPoint>(
    `SELECT ${columns.join(", ")} FROM border_stats_incidents
     WHERE ${days.where} AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ? AND ms >= ? AND ms < ? AND dup = 0${f.where}${types.where}`,
    [...days.params, q.bbox.minLon, q.bbox.maxLon, q.bbox.minLat, q.bbox.maxLat, a, b, ...f.params, ...types.params],
  );
}

/** A cell's count under the type filter. */
const countOf = (c: Cell, q: MapQuery) =>
  q.types?.length ? q.types.reduce((s, t) => s + (c.byType[INCIDENT_TYPES.indexOf(t as (typeof INCIDENT_TYPES)[number])] ?? 0), 0) : c.n;

const dominant = (c: Cell, q: MapQuery) => {
  let best = -1;
  INCIDENT_TYPES.forEach((t, i) => {
    if (q.types?.length && !q.types.includes(t)) return;
    if (best < 0 || (c.byType[i] ?? 0) > (c.byType[best] ?? 0)) best = i;
  });
  return INCIDENT_TYPES[best] ?? null;
};

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export type MapCollection = FeatureCollection<Point> & { mode: "points" | "clusters" | "heat"; total: number; band: number | null };

export async function mapIncidents(sql: Sql, q: MapQuery): Promise<MapCollection> {
  const band = bandFor(q.zoom, q.bbox);
  const counted = (await cells(sql, q, band)).map((c) => ({ c, count: countOf(c, q) })).filter((x) => x.count > 0);
  const total = counted.reduce((s, x) => s + x.count, 0);
  if (total <= (q.pointsMax ?? POINTS_MAX)) {
    const rows = await rawPoints(sql, q, q.fromMs, q.toMs, [
      "id",
      "type",
      "ms",
      "lon",
      "lat",
      "side",
      "sector_id",
      "crossing_id",
      "impact",
      "status",
    ]);
    rows.sort((a, b) => Number(a.ms) - Number(b.ms) || a.id.localeCompare(b.id));
    const features: Feature<Point>[] = rows.map((r) => ({
      type: "Feature",
      id: r.id,
      geometry: { type: "Point", coordinates: [Number(r.lon), Number(r.lat)] },
      properties: {
        id: r.id,
        type: r.type,
        occurredAt: new Date(Number(r.ms)).toISOString(),
        impact: r.impact,
        status: r.status,
        side: r.side,
        sectorId: r.sector_id || null,
        crossingId: r.crossing_id || null,
      },
    }));
    return { type: "FeatureCollection", mode: "points", total: rows.length, band: null, features };
  }
  const size = cellDegrees(band);
  const features: Feature<Point>[] = counted.map(({ c, count }) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [round6(c.sumLon / c.n), round6(c.sumLat / c.n)] },
    properties: {
      cluster: true,
      count,
      dominantType: dominant(c, q),
      cell: `${band}/${c.cx}/${c.cy}`,
      cellBbox: [c.cx * size - 180, c.cy * size - 90, (c.cx + 1) * size - 180, (c.cy + 1) * size - 90].map(round6),
    },
  }));
  return { type: "FeatureCollection", mode: "clusters", total, band, features };
}

export async function mapHeat(sql: Sql, q: MapQuery): Promise<MapCollection> {
  const band = bandFor(q.zoom + 2, q.bbox);
  const counted = (await cells(sql, q, band)).map((c) => ({ c, count: countOf(c, q) })).filter((x) => x.count > 0);
  const max = counted.reduce((m, x) => Math.max(m, x.count), 0);
  const features: Feature<Point>[] = counted.map(({ c, count }) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [round6(c.sumLon / c.n), round6(c.sumLat / c.n)] },
    properties: { count, weight: Math.round((count / max) * 10_000) / 10_000 },
  }));
  return { type: "FeatureCollection", mode: "heat", total: counted.reduce((s, x) => s + x.count, 0), band, features };
}
