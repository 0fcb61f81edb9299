import type { incidentFollowupPosted, incidentReported } from "../../core/border/events";
import { hlcIso } from "../../core/log/hlc";
import type { EventData } from "../../core/log/registry";
import type { Sql } from "../db/database";
import type { StoredEvent } from "../db/projections";
import { dayOf, hourOf } from "./map-grid";
import {
  addSeizures,
  type Counted,
  cellsWrite,
  countsWrite,
  crossingWrite,
  markSeized,
  mergeGoods,
  seizuresWrite,
} from "./stats-aggregates";
import { counted, goodsOf, incidentRow } from "./stats-rows";
import { nearestSector } from "./stats-sector-claim";
import { addInto, aggregate, upsert } from "./stats-sql";
import { runWrites, type Write } from "./writes";

/** Each incident's goods summed per (category, unit). */
const GOODS = aggregate("border_stats_goods", ["incident_id", "category", "unit"], ["quantity"]);

/**
 * Incidents in the read model: one row each (with the sector it counts under), its goods
 * summed per (category, unit), its follow-ups, and its share of every aggregate. A released
 * copy whose national source this node holds is kept but not counted (the source is), and
 * follow-ups posted on such a copy count on the source.
 */
export async function onIncidentReported(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof incidentReported>;
  const { lon, lat } = d.position;
  const ms = Date.parse(d.occurredAt);
  const sector = d.sectorId ? { id: d.sectorId, dist: 0 } : await nearestSector(sql, lon, lat);
  const source = d.derivedFrom ? await incidentRow(sql, d.derivedFrom.id) : undefined;
  const dup = source !== undefined && source.dup === 0;
  const goods = dup ? [] : mergeGoods(d.goods);
  const row: Write = {
    text: `INSERT INTO border_stats_incidents (id, space, side, type, ms, day, reported_ms, lon, lat, sector_id, sector_explicit, sector_dist,
       crossing_id, impact, status, closed_ms, dup, source_id, goods_n, followups, summary, originator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, ?, ?, ?, 0, ?, ?)`,
    params: [
      e.subject,
      e.space,
      e.origin,
      d.type,
      ms,
      dayOf(ms),
      Date.parse(hlcIso(e.hlc)),
      lon,
      lat,
      sector?.id ?? "",
      d.sectorId ? 1 : 0,
      sector?.dist ?? Number.MAX_VALUE,
      d.crossingId ?? "",
      d.impact,
      dup ? 1 : 0,
      dup ? (source?.id ?? "") : "",
      goods.length,
      d.summary,
      d.originator,
    ],
  };
  if (dup) return runWrites(sql, [row]);
  const c: Counted = {
    id: e.subject,
    side: e.origin,
    type: d.type,
    day: dayOf(ms),
    hour: hourOf(ms),
    lon,
    lat,
    sector: sector?.id ?? "",
    crossing: d.crossingId ?? "",
  };
  // Six tables, each written once: one round trip on PostgreSQL (see runWrites).
  await runWrites(sql, [
    row,
    upsert(
      GOODS,
      goods.map((g) => [e.subject, g.category, g.unit, g.quantity]),
    ),
    countsWrite(c, goods.length > 0, 1),
    seizuresWrite(c, goods, 1),
    crossingWrite(c, 1),
    cellsWrite(c, 1),
  ]);
}

export async function onFollowup(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof incidentFollowupPosted>;
  const first = await incidentRow(sql, e.subject);
  if (!first) return;
  const row = first.dup === 1 ? await incidentRow(sql, first.source_id) : first;
  if (!row) return;
  await sql.run("INSERT INTO border_stats_followups (id, incident_id, side, ms) VALUES (?, ?, ?, ?)", [
    e.id,
    row.id,
    e.origin,
    Date.parse(hlcIso(e.hlc)),
  ]);
  await sql.run("UPDATE border_stats_incidents SET followups = followups + 1, impact = COALESCE(?, impact) WHERE id = ?", [
    d.impact,
    row.id,
  ]);
  if (d.goods.length === 0) return;
  const before = await goodsOf(sql, row.id);
  const after = mergeGoods([...before, ...d.goods]);
  const c = counted(row);
  // Out with the incident's old goods, in with the merged ones: quantities grow by what the
  // follow-up adds, and the "incidents with this category" counts move only for new ones.
  await addSeizures(sql, c, before, -1);
  await addSeizures(sql, c, after, 1);
  await addInto(
    sql,
    GOODS,
    mergeGoods(d.goods).map((g) => [row.id, g.category, g.unit, g.quantity]),
  );
  await sql.run("UPDATE border_stats_incidents SET goods_n = ? WHERE id = ?", [after.length, row.id]);
  if (before.length === 0) await markSeized(sql, c, 1);
}

export async function onClosed(sql: Sql, e: StoredEvent): Promise<void> {
  await sql.run("UPDATE border_stats_incidents SET status = 'closed', closed_ms = ? WHERE id = ?", [Date.parse(hlcIso(e.hlc)), e.subject]);
}
