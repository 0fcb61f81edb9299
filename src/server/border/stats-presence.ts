import type {
  crossingRecorded,
  crossingUpdated,
  deploymentEnded,
  deploymentRecorded,
  patrolReported,
  sectorCreated,
  sectorUpdated,
} from "../../core/border/events";
import type { EventData } from "../../core/log/registry";
import type { Sql } from "../db/database";
import type { StoredEvent } from "../db/projections";
import { reachBox } from "./stats-sector";
import { claimForSector, nearestSector } from "./stats-sector-claim";

/**
 * Sectors, crossings and presence in the read model. Presence is what coverage counts: a
 * deployment recorded at a crossing (from its start until it ends, open-ended meanwhile)
 * and a patrol at each crossing it reports visiting (over the patrol's time). A deployment
 * to a whole sector names no crossing and is not presence at any one of them.
 */
export const OPEN_END_MS = 8_640_000_000_000_000;

export async function onSectorCreated(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof sectorCreated>;
  const box = reachBox(d.path);
  await sql.run(
    "INSERT INTO border_stats_sectors (id, space, owner, code, name, path, min_lon, min_lat, max_lon, max_lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [e.subject, e.space, e.origin, d.code, d.name, JSON.stringify(d.path), box.minLon, box.minLat, box.maxLon, box.maxLat],
  );
  await claimForSector(sql, e.subject, d.path, box);
}

export async function onSectorUpdated(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof sectorUpdated>;
  await sql.run("UPDATE border_stats_sectors SET name = ? WHERE id = ?", [d.name, e.subject]);
}

export async function onCrossingRecorded(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof crossingRecorded>;
  const { lon, lat } = d.position;
  const sector = d.sectorId ? { id: d.sectorId, dist: 0 } : await nearestSector(sql, lon, lat);
  await sql.run(
    `INSERT INTO border_stats_crossings (id, space, side, name, category, status, risk, approximate, lon, lat, sector_id, sector_explicit, sector_dist)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.subject,
      e.space,
      e.origin,
      d.name,
      d.category,
      d.status,
      d.risk,
      d.approximate ? 1 : 0,
      lon,
      lat,
      sector?.id ?? "",
      d.sectorId ? 1 : 0,
      sector?.dist ?? Number.MAX_VALUE,
    ],
  );
}

export async function onCrossingUpdated(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof crossingUpdated>;
  await sql.run("UPDATE border_stats_crossings SET name = ?, status = ?, risk = ? WHERE id = ?", [d.name, d.status, d.risk, e.subject]);
}

export async function onDeploymentRecorded(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof deploymentRecorded>;
  if (!d.crossingId) return;
  await sql.run(
    "INSERT INTO border_stats_presence (id, kind, source_id, crossing_id, side, unit, start_ms, end_ms) VALUES (?, 'deployment', ?, ?, ?, ?, ?, ?)",
    [e.subject, e.subject, d.crossingId, e.origin, d.unit, Date.parse(d.from), d.to ? Date.parse(d.to) : OPEN_END_MS],
  );
}

export async function onDeploymentEnded(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof deploymentEnded>;
  await sql.run("UPDATE border_stats_presence SET end_ms = ? WHERE id = ?", [Date.parse(d.to), e.subject]);
}

export async function onPatrolReported(sql: Sql, e: StoredEvent): Promise<void> {
  const d = e.data as EventData<typeof patrolReported>;
  for (const crossing of new Set(d.crossingIds)) {
    await sql.run(
      "INSERT INTO border_stats_presence (id, kind, source_id, crossing_id, side, unit, start_ms, end_ms) VALUES (?, 'patrol', ?, ?, ?, ?, ?, ?)",
      [`${e.subject}:${crossing}`, e.subject, crossing, e.origin, d.unit, Date.parse(d.startedAt), Date.parse(d.endedAt)],
    );
  }
}
