import type { ReportGraph, SideSource } from "../../core/stix/sources";
import type { Sql } from "../db/database";
import { loadGroups, loadIncidents, loadPlaces, loadReports, stampReport } from "./load";
import { sidesOf } from "./sides";
import { stampsOf } from "./stamps";

/**
 * One report and everything it links to, read for export: its groups (and the sectors where
 * they operate), sectors, crossings and incidents, wherever this node holds them (a national
 * report may link binational objects), and the sides that own them.
 */
export interface Self {
  readonly node: string;
  readonly name: string;
  readonly country: string;
}

export async function reportGraph(sql: Sql, self: Self, reportId: string): Promise<(ReportGraph & { space: string }) | undefined> {
  const [record] = await loadReports(sql, [reportId]);
  if (!record) return undefined;
  const stamp = (await stampsOf(sql, "report", [record])).get(record.id);
  if (!stamp) return undefined;
  const sides: SideSource[] = await sidesOf(sql, self);
  const groups = await loadGroups(sql, record.links.threatActorIds);
  const places = await loadPlaces(
    sql,
    { sectors: [...record.links.sectorIds, ...groups.flatMap((g) => g.sectorIds)], crossings: record.links.crossingIds },
    sides,
  );
  const incidents = await loadIncidents(sql, record.links.incidentIds, sides);
  return { space: record.space, report: stampReport(record, stamp), sides, groups, places, incidents };
}
