import type { CrossingView, IncidentView, SectorView } from "../views";
import type { CsvColumn } from "./csv";

/**
 * The flat columns of each exported object, for CSV (and the names KML's ExtendedData
 * uses). Positions come as lat, lon and MGRS; lists are joined into one cell.
 */
const col = <T>(name: string, get: (row: T) => string | number | boolean | null): CsvColumn<T> => ({ name, get });

export const SECTOR_COLUMNS: readonly CsvColumn<SectorView>[] = [
  col("id", (s) => s.id),
  col("code", (s) => s.code),
  col("name", (s) => s.name),
  col("description", (s) => s.description),
  col("level", (s) => s.level),
  col("units", (s) => s.units.map((u) => `${u.node}: ${u.name}`).join(" | ")),
  col("path_wkt", (s) => `LINESTRING (${s.path.map(([lon, lat]) => `${lon} ${lat}`).join(", ")})`),
  col("space", (s) => s.space),
  col("owner_node", (s) => s.ownerNode),
  col("created_at", (s) => s.createdAt),
  col("updated_at", (s) => s.updatedAt),
];

export const CROSSING_COLUMNS: readonly CsvColumn<CrossingView>[] = [
  col("id", (c) => c.id),
  col("name", (c) => c.name),
  col("category", (c) => c.category),
  col("modes", (c) => c.modes.join(" | ")),
  col("lat", (c) => c.location.lat),
  col("lon", (c) => c.location.lon),
  col("mgrs", (c) => c.location.mgrs),
  col("approximate", (c) => c.approximate),
  col("sector_id", (c) => c.sectorId),
  col("status", (c) => c.status),
  col("risk", (c) => c.risk),
  col("note", (c) => c.note),
  col("space", (c) => c.space),
  col("owner_node", (c) => c.ownerNode),
  col("created_at", (c) => c.createdAt),
  col("updated_at", (c) => c.updatedAt),
];

export const INCIDENT_COLUMNS: readonly CsvColumn<IncidentView>[] = [
  col("id", (i) => i.id),
  col("type", (i) => i.type),
  col("occurred_at", (i) => i.occurredAt),
  col("reported_at", (i) => i.reportedAt),
  col("lat", (i) => i.location.lat),
  col("lon", (i) => i.location.lon),
  col("mgrs", (i) => i.location.mgrs),
  col("crossing_id", (i) => i.crossingId),
  col("sector_id", (i) => i.sectorId),
  col("impact", (i) => i.impact),
  col("reliability", (i) => i.confidence.reliability),
  col("credibility", (i) => i.confidence.credibility),
  col("goods", (i) => i.goods.map((g) => `${g.category} ${g.quantity} ${g.unit}${g.description ? ` (${g.description})` : ""}`).join(" | ")),
  col("summary", (i) => i.summary),
  col("originator", (i) => i.originator),
  col("space", (i) => i.space),
  col("owner_node", (i) => i.ownerNode),
  col("status", (i) => i.status),
  col("closed_at", (i) => i.closedAt),
  col("closed_reason", (i) => i.closedReason),
  col("late_report", (i) => i.lateReport),
  col("followups", (i) => i.followupCount),
  col("derived_from", (i) => (i.derivedFrom ? `${i.derivedFrom.space}/${i.derivedFrom.id}` : null)),
];
