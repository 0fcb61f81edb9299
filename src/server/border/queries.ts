import type { Bbox } from "../../core/border/bbox";
import type { CrossingState, DeploymentState, Owned, ProposalState, SectorState } from "../../core/border/decide";
import { distanceM } from "../../core/border/geo";
import type { Position } from "../../core/border/schema";
import type { CrossingView, DeploymentView, PatrolView, SectorDetailView, SectorView } from "../../core/border/views";
import type { Sql } from "../db/database";
import { conditions } from "./conditions";
import { utc } from "./projection-presence";

export { incidentDetail, incidentState, listIncidents, reportedIncidentDetail } from "./incident-queries";

/**
 * Reads of the border projection (sectors, crossings, presence), shared by routes,
 * commands, the CLI and the demo. Incident reads live in incident-queries.ts and are
 * re-exported here.
 */
interface SectorRow {
  id: string;
  space: string;
  owner: string;
  code: string;
  name: string;
  description: string;
  path: string;
  units: string;
  level: string | null;
  created_at: string;
  updated_at: string;
}

interface ProposalRow {
  id: string;
  sector_id: string;
  level: string;
  reason: string;
  citations: string;
  proposed_by: string;
  proposer: string;
  proposed_at: string;
  state: string;
  answered_by: string | null;
  answered_at: string | null;
  comment: string | null;
}

const proposalView = (r: ProposalRow) => ({
  id: r.id,
  level: r.level as SectorView["level"] & string,
  reason: r.reason,
  citations: JSON.parse(r.citations) as string[],
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at,
  state: r.state as "pending" | "accepted" | "rejected",
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
  comment: r.comment,
});

const sectorView = (r: SectorRow, pending: ProposalRow | undefined): SectorView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  description: r.description,
  path: JSON.parse(r.path),
  units: JSON.parse(r.units),
  level: r.level as SectorView["level"],
  pendingProposal: pending ? proposalView(pending) : null,
  space: r.space,
  ownerNode: r.owner,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every sector, by code, with its pending proposal (the latest, should two cross in the post). */
export async function listSectors(sql: Sql): Promise<SectorView[]> {
  const rows = await sql.all<SectorRow>("SELECT * FROM border_sectors ORDER BY code, id");
  const pending = await sql.all<ProposalRow>("SELECT * FROM border_level_proposals WHERE state = 'pending' ORDER BY hlc");
  const bySector = new Map(pending.map((p) => [p.sector_id, p]));
  return rows.map((r) => sectorView(r, bySector.get(r.id)));
}

export async function sectorDetail(sql: Sql, id: string): Promise<SectorDetailView | undefined> {
  const [row] = await sql.all<SectorRow>("SELECT * FROM border_sectors WHERE id = ?", [id]);
  if (!row) return undefined;
  const proposals = await sql.all<ProposalRow>("SELECT * FROM border_level_proposals WHERE sector_id = ? ORDER BY hlc DESC, id DESC", [id]);
  return {
    ...sectorView(
      row,
      proposals.find((p) => p.state === "pending"),
    ),
    proposals: proposals.map(proposalView),
  };
}

export async function sectorState(sql: Sql, id: string): Promise<SectorState | undefined> {
  const [r] = await sql.all<SectorRow>("SELECT * FROM border_sectors WHERE id = ?", [id]);
  return r && { id: r.id, space: r.space, ownerNode: r.owner, name: r.name, description: r.description, units: JSON.parse(r.units) };
}

export async function sectorCodeTaken(sql: Sql, space: string, code: string): Promise<boolean> {
  return (await sql.all("SELECT 1 AS one FROM border_sectors WHERE space = ? AND code = ?", [space, code])).length > 0;
}

/** The proposal awaiting an answer for a sector, if any (the latest, should two have crossed). */
export async function pendingProposal(sql: Sql, sectorId: string): Promise<ProposalState | undefined> {
  const [r] = await sql.all<{ id: string; proposed_by: string }>(
    "SELECT id, proposed_by FROM border_level_proposals WHERE sector_id = ? AND state = 'pending' ORDER BY hlc DESC LIMIT 1",
    [sectorId],
  );
  return r && { id: r.id, proposedBy: r.proposed_by };
}

interface CrossingRow {
  id: string;
  space: string;
  owner: string;
  lat: number;
  lon: number;
  mgrs: string;
  name: string;
  category: string;
  modes: string;
  sector_id: string | null;
  status: string;
  risk: string;
  approximate: number;
  note: string;
  created_at: string;
  updated_at: string;
}

const crossingView = (r: CrossingRow): CrossingView => ({
  id: r.id,
  name: r.name,
  category: r.category as CrossingView["category"],
  modes: JSON.parse(r.modes),
  location: { lat: Number(r.lat), lon: Number(r.lon), mgrs: r.mgrs },
  sectorId: r.sector_id,
  status: r.status as CrossingView["status"],
  risk: r.risk as CrossingView["risk"],
  approximate: Number(r.approximate) === 1,
  note: r.note,
  space: r.space,
  ownerNode: r.owner,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface CrossingFilter {
  readonly sector?: string | undefined;
  readonly status?: string | undefined;
  readonly category?: string | undefined;
  readonly bbox?: Bbox | undefined;
}

export async function listCrossings(sql: Sql, f: CrossingFilter = {}): Promise<CrossingView[]> {
  const c = conditions();
  if (f.sector) c.add("sector_id = ?", f.sector);
  if (f.status) c.add("status = ?", f.status);
  if (f.category) c.add("category = ?", f.category);
  if (f.bbox) c.add("lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?", f.bbox.minLon, f.bbox.maxLon, f.bbox.minLat, f.bbox.maxLat);
  const rows = await sql.all<CrossingRow>(`SELECT * FROM border_crossings ${c.sql()} ORDER BY name, id`, c.params);
  return rows.map(crossingView);
}

export async function crossingById(sql: Sql, id: string): Promise<CrossingView | undefined> {
  const [r] = await sql.all<CrossingRow>("SELECT * FROM border_crossings WHERE id = ?", [id]);
  return r && crossingView(r);
}

export async function crossingState(sql: Sql, id: string): Promise<CrossingState | undefined> {
  const [r] = await sql.all<CrossingRow>("SELECT * FROM border_crossings WHERE id = ?", [id]);
  return (
    r && {
      id: r.id,
      space: r.space,
      ownerNode: r.owner,
      name: r.name,
      modes: JSON.parse(r.modes),
      status: r.status,
      risk: r.risk,
      note: r.note,
      position: { lat: Number(r.lat), lon: Number(r.lon) },
    }
  );
}

/** Space and owner of several crossings at once (a patrol names many). */
export async function crossingOwners(sql: Sql, ids: readonly string[]): Promise<Map<string, Owned>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.all<{ id: string; space: string; owner: string }>(
    `SELECT id, space, owner FROM border_crossings WHERE id IN (${ids.map(() => "?").join(", ")})`,
    [...ids],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, space: r.space, ownerNode: r.owner }]));
}

/** The crossing nearest a position within `maxM` metres (a box of that size is searched first). */
export async function nearestCrossing(
  sql: Sql,
  p: Position,
  maxM = 50_000,
): Promise<{ crossing: CrossingView; distanceM: number } | undefined> {
  const dLat = maxM / 110_574;
  const dLon = maxM / (111_320 * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)));
  const rows = await sql.all<CrossingRow>("SELECT * FROM border_crossings WHERE lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?", [
    p.lon - dLon,
    p.lon + dLon,
    p.lat - dLat,
    p.lat + dLat,
  ]);
  let best: { crossing: CrossingView; distanceM: number } | undefined;
  for (const r of rows) {
    const d = distanceM(p, { lat: Number(r.lat), lon: Number(r.lon) });
    if (d <= maxM && (!best || d < best.distanceM)) best = { crossing: crossingView(r), distanceM: Math.round(d) };
  }
  return best;
}

interface DeploymentRow {
  id: string;
  space: string;
  owner: string;
  lat: number;
  lon: number;
  mgrs: string;
  unit: string;
  crossing_id: string | null;
  sector_id: string | null;
  from_at: string;
  to_at: string | null;
  strength: number;
}

const deploymentView = (r: DeploymentRow): DeploymentView => ({
  id: r.id,
  unit: r.unit,
  crossingId: r.crossing_id,
  sectorId: r.sector_id,
  location: { lat: Number(r.lat), lon: Number(r.lon), mgrs: r.mgrs },
  from: r.from_at,
  to: r.to_at,
  strength: Number(r.strength),
  space: r.space,
  ownerNode: r.owner,
});

export interface DeploymentFilter {
  /** true: standing at `now`; false: over (or not begun). */
  readonly active?: boolean | undefined;
  readonly sector?: string | undefined;
  readonly crossing?: string | undefined;
}

export async function listDeployments(sql: Sql, f: DeploymentFilter, now: string): Promise<DeploymentView[]> {
  const c = conditions();
  if (f.sector) c.add("sector_id = ?", f.sector);
  if (f.crossing) c.add("crossing_id = ?", f.crossing);
  if (f.active === true) c.add("from_at <= ? AND (to_at IS NULL OR to_at > ?)", now, now);
  if (f.active === false) c.add("(from_at > ? OR to_at <= ?)", now, now);
  const rows = await sql.all<DeploymentRow>(`SELECT * FROM border_deployments ${c.sql()} ORDER BY from_at DESC, id DESC`, c.params);
  return rows.map(deploymentView);
}

export async function deploymentById(sql: Sql, id: string): Promise<DeploymentView | undefined> {
  const [r] = await sql.all<DeploymentRow>("SELECT * FROM border_deployments WHERE id = ?", [id]);
  return r && deploymentView(r);
}

export async function deploymentState(sql: Sql, id: string): Promise<DeploymentState | undefined> {
  const [r] = await sql.all<DeploymentRow>("SELECT * FROM border_deployments WHERE id = ?", [id]);
  return r && { id: r.id, space: r.space, ownerNode: r.owner, from: r.from_at, to: r.to_at };
}

interface PatrolRow {
  id: string;
  space: string;
  owner: string;
  unit: string;
  sector_id: string | null;
  route: string;
  started_at: string;
  ended_at: string;
  crossing_ids: string;
  findings: string;
}

export interface PatrolFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly sector?: string | undefined;
  readonly limit?: number | undefined;
}

const patrolView = (r: PatrolRow): PatrolView => ({
  id: r.id,
  unit: r.unit,
  sectorId: r.sector_id,
  route: JSON.parse(r.route),
  startedAt: r.started_at,
  endedAt: r.ended_at,
  crossingIds: JSON.parse(r.crossing_ids),
  findings: r.findings,
  space: r.space,
  ownerNode: r.owner,
});

/** Patrols that overlap [from, to), newest first. */
export async function listPatrols(sql: Sql, f: PatrolFilter = {}): Promise<PatrolView[]> {
  const c = conditions();
  if (f.from) c.add("ended_at >= ?", utc(f.from));
  if (f.to) c.add("started_at < ?", utc(f.to));
  if (f.sector) c.add("sector_id = ?", f.sector);
  const rows = await sql.all<PatrolRow>(`SELECT * FROM border_patrols ${c.sql()} ORDER BY started_at DESC, id DESC LIMIT ?`, [
    ...c.params,
    f.limit ?? 200,
  ]);
  return rows.map(patrolView);
}

export async function patrolById(sql: Sql, id: string): Promise<PatrolView | undefined> {
  const [r] = await sql.all<PatrolRow>("SELECT * FROM border_patrols WHERE id = ?", [id]);
  return r && patrolView(r);
}
