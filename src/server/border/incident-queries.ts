import type { Bbox } from "../../core/border/bbox";
import type { IncidentState } from "../../core/border/decide-incidents";
import type { Goods } from "../../core/border/schema";
import type { IncidentDetailView, IncidentPageView, IncidentView } from "../../core/border/views";
import { DomainError } from "../../core/errors";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import type { Sql } from "../db/database";
import type { StoredEvent } from "../db/projections";
import { conditions } from "./conditions";
import { reportedIncidentRow } from "./projection-incidents";
import { utc } from "./projection-presence";

/**
 * Incident reads. Lists are keyset-paged on (occurred_at DESC, id DESC): the cursor is the
 * last row's pair, so page N costs what page 1 costs at any table size, and rows reported
 * while someone pages do not shift the pages.
 */
export interface IncidentRow {
  id: string;
  space: string;
  owner: string;
  lat: number;
  lon: number;
  mgrs: string;
  type: string;
  occurred_at: string;
  reported_at: string;
  crossing_id: string | null;
  sector_id: string | null;
  impact: string;
  reliability: string;
  credibility: number;
  goods: string;
  summary: string;
  originator: string;
  status: string;
  closed_at: string | null;
  closed_reason: string | null;
  late_report: number;
  followup_count: number;
  derived_space: string | null;
  derived_id: string | null;
}

/** The columns a view needs: everything but the grid cells and bookkeeping. */
const COLUMNS = `id, space, owner, lat, lon, mgrs, type, occurred_at, reported_at, crossing_id, sector_id, impact, reliability,
  credibility, goods, summary, originator, status, closed_at, closed_reason, late_report, followup_count, derived_space, derived_id`;

export function incidentView(r: IncidentRow, releasedAs: { space: string; id: string }[] = []): IncidentView {
  return {
    id: r.id,
    type: r.type as IncidentView["type"],
    occurredAt: r.occurred_at,
    reportedAt: r.reported_at,
    location: { lat: Number(r.lat), lon: Number(r.lon), mgrs: r.mgrs },
    crossingId: r.crossing_id,
    sectorId: r.sector_id,
    impact: r.impact as IncidentView["impact"],
    confidence: { reliability: r.reliability as IncidentView["confidence"]["reliability"], credibility: Number(r.credibility) },
    goods: JSON.parse(r.goods) as Goods[],
    summary: r.summary,
    originator: r.originator,
    space: r.space,
    ownerNode: r.owner,
    status: r.status as IncidentView["status"],
    closedAt: r.closed_at,
    closedReason: r.closed_reason,
    lateReport: Number(r.late_report) === 1,
    followupCount: Number(r.followup_count),
    derivedFrom: r.derived_id && r.derived_space ? { space: r.derived_space, id: r.derived_id } : null,
    releasedAs,
  };
}

async function releasesOf(sql: Sql, rows: readonly IncidentRow[]): Promise<Map<string, { space: string; id: string }[]>> {
  const national = rows.filter((r) => r.space === NATIONAL_SPACE).map((r) => r.id);
  const out = new Map<string, { space: string; id: string }[]>();
  if (national.length === 0) return out;
  const releases = await sql.all<{ incident_id: string; space: string; copy_id: string }>(
    `SELECT incident_id, space, copy_id FROM border_releases WHERE incident_id IN (${national.map(() => "?").join(", ")}) ORDER BY released_at`,
    national,
  );
  for (const r of releases) out.set(r.incident_id, [...(out.get(r.incident_id) ?? []), { space: r.space, id: r.copy_id }]);
  return out;
}

export interface IncidentFilter {
  /** ISO instants (any offset); `from` inclusive, `to` exclusive, on the time it happened. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly sector?: string | undefined;
  readonly type?: string | undefined;
  readonly status?: string | undefined;
  readonly owner?: string | undefined;
  readonly space?: string | undefined;
  readonly bbox?: Bbox | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export const MAX_INCIDENT_PAGE = 1000;

const encodeCursor = (r: Pick<IncidentRow, "occurred_at" | "id">) => Buffer.from(`${r.occurred_at}|${r.id}`).toString("base64url");

function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new DomainError("validation.failed", "not a cursor this list gave out", "query.cursor");
  }
  return [at, id];
}

/** One page of incidents matching the filter, newest first. */
export async function listIncidents(sql: Sql, f: IncidentFilter = {}): Promise<IncidentPageView> {
  const limit = Math.min(Math.max(1, f.limit ?? 100), MAX_INCIDENT_PAGE);
  const c = conditions();
  if (f.from) c.add("occurred_at >= ?", utc(f.from));
  if (f.to) c.add("occurred_at < ?", utc(f.to));
  if (f.sector) c.add("sector_id = ?", f.sector);
  if (f.type) c.add("type = ?", f.type);
  // A literal, not a parameter: only then may SQLite use the partial index of open incidents.
  if (f.status === "open" || f.status === "closed") c.add(`status = '${f.status}'`);
  else if (f.status) c.add("status = ?", f.status);
  if (f.owner) c.add("owner = ?", f.owner);
  if (f.space) c.add("space = ?", f.space);
  if (f.bbox) c.add("lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?", f.bbox.minLon, f.bbox.maxLon, f.bbox.minLat, f.bbox.maxLat);
  if (f.cursor) {
    const [at, id] = decodeCursor(f.cursor);
    // The plain range on occurred_at is what an index seeks on; the OR settles ties.
    c.add("occurred_at <= ? AND (occurred_at < ? OR id < ?)", at, at, id);
  }
  const rows = await sql.all<IncidentRow>(`SELECT ${COLUMNS} FROM border_incidents ${c.sql()} ORDER BY occurred_at DESC, id DESC LIMIT ?`, [
    ...c.params,
    limit + 1,
  ]);
  const page = rows.slice(0, limit);
  const releases = await releasesOf(sql, page);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => incidentView(r, releases.get(r.id))),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

async function incidentRow(sql: Sql, id: string): Promise<IncidentRow | undefined> {
  return (await sql.all<IncidentRow>(`SELECT ${COLUMNS} FROM border_incidents WHERE id = ?`, [id]))[0];
}

interface FollowupRow {
  id: string;
  text: string;
  goods: string;
  impact: string | null;
  reliability: string | null;
  credibility: number | null;
  author_node: string;
  actor: string;
  posted_at: string;
}

/** An incident with its follow-ups in the order they were written (by HLC). */
export async function incidentDetail(sql: Sql, id: string): Promise<IncidentDetailView | undefined> {
  const row = await incidentRow(sql, id);
  if (!row) return undefined;
  const followups = await sql.all<FollowupRow>(
    "SELECT id, text, goods, impact, reliability, credibility, author_node, actor, posted_at FROM border_followups WHERE incident_id = ? ORDER BY hlc, id",
    [id],
  );
  return {
    ...incidentView(row, (await releasesOf(sql, [row])).get(row.id)),
    followups: followups.map((f) => ({
      id: f.id,
      text: f.text,
      goods: JSON.parse(f.goods) as Goods[],
      impact: f.impact as IncidentView["impact"] | null,
      confidence:
        f.reliability === null
          ? null
          : { reliability: f.reliability as IncidentView["confidence"]["reliability"], credibility: Number(f.credibility) },
      authorNode: f.author_node,
      actor: f.actor,
      postedAt: f.posted_at,
    })),
  };
}

/**
 * The detail of an incident its `incident.reported` event has just created, without a read:
 * nothing can have followed it up or released it yet (its id was not given out), so it is
 * what `incidentDetail` reads back once the event is committed.
 */
export function reportedIncidentDetail(e: StoredEvent): IncidentDetailView {
  return { ...incidentView(reportedIncidentRow(e)), followups: [] };
}

/** An incident as the decisions need it. */
export async function incidentState(sql: Sql, id: string): Promise<IncidentState | undefined> {
  const row = await incidentRow(sql, id);
  if (!row) return undefined;
  const v = incidentView(row, (await releasesOf(sql, [row])).get(row.id));
  return {
    id: v.id,
    space: v.space,
    ownerNode: v.ownerNode,
    status: v.status,
    type: v.type,
    occurredAt: v.occurredAt,
    reportedAt: v.reportedAt,
    position: { lat: v.location.lat, lon: v.location.lon },
    crossingId: v.crossingId,
    sectorId: v.sectorId,
    impact: v.impact,
    confidence: v.confidence,
    goods: v.goods,
    releasedTo: v.releasedAs.map((r) => r.space),
  };
}
