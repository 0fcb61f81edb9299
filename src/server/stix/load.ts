import type { Confidence } from "../../core/border/schema";
import { EMPTY_LINKS, type Links, type Tlp } from "../../core/coordination/schema";
import { pathCentre, regionOf } from "../../core/stix/geo";
import type { GroupSource, IncidentSource, PlaceSource, ReportSource, SideSource } from "../../core/stix/sources";
import { type IncidentRow, incidentView } from "../border/incident-queries";
import { listCrossings, listSectors } from "../border/queries";
import { allIn } from "../commitments/queries";
import { type IntelRow, toReportState } from "../coordination/intel-queries";
import { type ThreatActorRow, toActorState } from "../coordination/threat-queries";
import type { Sql } from "../db/database";
import { type SourceKind, type Stamp, stampsOf } from "./stamps";

/**
 * Reading Enlace objects as STIX sources, many at a time: rows of the coordination and
 * border projections (through their own row mappers where they export one), stamped with
 * the times of their events. An object without stamps (no event of its kind in its space)
 * is skipped.
 */
export interface ReportRecord {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly tlp: Tlp;
  readonly withdrawn: boolean;
  readonly links: Links;
  readonly source: Omit<ReportSource, "created" | "modified" | "published">;
}

/** Intelligence reports by id, with their links. */
export async function loadReports(sql: Sql, ids: readonly string[]): Promise<ReportRecord[]> {
  const rows = await allIn<IntelRow>(sql, [...new Set(ids)], (list) => `SELECT * FROM coord_intel_reports WHERE id IN (${list})`);
  return rows.map((r) => {
    const links: Links = { ...EMPTY_LINKS, ...(JSON.parse(r.links) as Partial<Links>) };
    const state = toReportState(r);
    return {
      id: r.id,
      space: r.space,
      ownerNode: r.owner,
      tlp: r.tlp,
      withdrawn: state.withdrawn,
      links,
      source: {
        id: r.id,
        ownerNode: r.owner,
        summary: r.summary,
        body: r.body,
        originator: r.originator,
        tlp: r.tlp,
        confidence: state.confidence,
        groupIds: links.threatActorIds,
        sectorIds: links.sectorIds,
        crossingIds: links.crossingIds,
        incidentIds: links.incidentIds,
      },
    };
  });
}

/** Stamps a report record: published when written (a copy: when released); withdrawn is `revoked`. */
export function stampReport(r: ReportRecord, s: Stamp): ReportSource & { revoked: boolean } {
  return { ...r.source, created: s.created, modified: s.modified, published: s.created, revoked: r.withdrawn };
}

/** Stamps already read (a TAXII page has them from its index), else read now. */
export type Known = ReadonlyMap<string, Stamp> | undefined;
const stamped = async (sql: Sql, kind: SourceKind, rows: readonly { id: string; space: string }[], known: Known) =>
  known && rows.every((r) => known.has(r.id)) ? known : stampsOf(sql, kind, rows);

/** Groups of the threat register by id, with their space. */
export async function loadGroups(sql: Sql, ids: readonly string[], known?: Known): Promise<(GroupSource & { space: string })[]> {
  const rows = await allIn<ThreatActorRow>(sql, [...new Set(ids)], (list) => `SELECT * FROM coord_threat_actors WHERE id IN (${list})`);
  const stamps = await stamped(sql, "group", rows, known);
  return rows.flatMap((r) => {
    const s = stamps.get(r.id);
    if (!s) return [];
    const f = toActorState(r).fields;
    return [
      {
        id: r.id,
        space: r.space,
        ownerNode: r.owner,
        created: s.created,
        modified: s.modified,
        name: f.name,
        aliases: f.aliases,
        description: f.description,
        activities: f.activities,
        firstSeen: f.firstSeen,
        lastSeen: f.lastSeen,
        sectorIds: f.areas,
        tlp: f.tlp,
        confidence: null,
      },
    ];
  });
}

const countryOf = (sides: readonly SideSource[], node: string) => sides.find((s) => s.node === node)?.country || null;

/** Sectors and crossings by id, as located places. */
export async function loadPlaces(
  sql: Sql,
  ids: { sectors: readonly string[]; crossings: readonly string[] },
  sides: readonly SideSource[],
  known?: Known,
): Promise<(PlaceSource & { space: string })[]> {
  const wantSectors = new Set(ids.sectors);
  const wantCrossings = new Set(ids.crossings);
  const sectors = wantSectors.size ? (await listSectors(sql)).filter((s) => wantSectors.has(s.id)) : [];
  const crossings = wantCrossings.size ? (await listCrossings(sql)).filter((c) => wantCrossings.has(c.id)) : [];
  const sectorStamps = await stamped(sql, "sector", sectors, known);
  const crossingStamps = await stamped(sql, "crossing", crossings, known);
  const region = regionOf(sides.map((s) => s.country).filter(Boolean));
  const out: (PlaceSource & { space: string })[] = [];
  for (const s of sectors) {
    const st = sectorStamps.get(s.id);
    if (!st) continue;
    const c = pathCentre(s.path);
    out.push({
      id: s.id,
      space: s.space,
      ownerNode: s.ownerNode,
      created: st.created,
      modified: st.modified,
      kind: "sector",
      name: s.name,
      code: s.code,
      description: s.description,
      lat: c.lat,
      lon: c.lon,
      precision: c.precision,
      country: null,
      region,
    });
  }
  for (const x of crossings) {
    const st = crossingStamps.get(x.id);
    if (!st) continue;
    const country = countryOf(sides, x.ownerNode);
    out.push({
      id: x.id,
      space: x.space,
      ownerNode: x.ownerNode,
      created: st.created,
      modified: st.modified,
      kind: "crossing",
      name: x.name,
      code: null,
      description: x.note,
      lat: x.location.lat,
      lon: x.location.lon,
      precision: null,
      country,
      region: country ? regionOf([country]) : region,
    });
  }
  return out;
}

/** Incidents by id, at their latest impact and confidence. */
export async function loadIncidents(
  sql: Sql,
  ids: readonly string[],
  sides: readonly SideSource[],
  known?: Known,
): Promise<(IncidentSource & { space: string })[]> {
  const rows = await allIn<IncidentRow>(sql, [...new Set(ids)], (list) => `SELECT * FROM border_incidents WHERE id IN (${list})`);
  const stamps = await stamped(sql, "incident", rows, known);
  return rows.flatMap((r) => {
    const s = stamps.get(r.id);
    if (!s) return [];
    const v = incidentView(r);
    const confidence: Confidence = v.confidence;
    return [
      {
        id: v.id,
        space: v.space,
        ownerNode: v.ownerNode,
        created: s.created,
        modified: s.modified,
        type: v.type,
        summary: v.summary,
        occurredAt: v.occurredAt,
        lat: v.location.lat,
        lon: v.location.lon,
        country: countryOf(sides, v.ownerNode),
        impact: v.impact,
        confidence,
      },
    ];
  });
}
