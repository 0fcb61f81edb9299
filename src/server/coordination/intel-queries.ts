import type { Confidence } from "../../core/border/schema";
import type { ConsentFact, ReportState } from "../../core/coordination/decide-intel";
import type { Links } from "../../core/coordination/schema";
import type { ConsentRequestView, IntelReportDetailView, IntelReportView } from "../../core/coordination/views";
import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";
import { decodeCursor, pageOf } from "./paging";
import { sectorRefs } from "./refs";

/** Reads of intelligence reports: state for decisions, views with releases and consent requests. */
export interface IntelRow {
  id: string;
  space: string;
  owner: string;
  originator_node: string;
  originator: string;
  summary: string;
  body: string;
  tlp: IntelReportView["tlp"];
  reliability: Confidence["reliability"];
  credibility: number;
  links: string;
  derived_space: string | null;
  derived_id: string | null;
  status: "active" | "withdrawn";
  withdrawn_reason: string | null;
  created_at: string;
  updated_at: string;
}

export async function reportRow(sql: Sql, id: string): Promise<IntelRow | undefined> {
  return (await sql.all<IntelRow>("SELECT * FROM coord_intel_reports WHERE id = ?", [id]))[0];
}

export const toReportState = (r: IntelRow): ReportState => ({
  id: r.id,
  space: r.space,
  ownerNode: r.owner,
  originatorNode: r.originator_node,
  originator: r.originator,
  tlp: r.tlp,
  confidence: { reliability: r.reliability, credibility: Number(r.credibility) },
  withdrawn: r.status === "withdrawn",
});

export async function toReportViews(sql: Sql, rows: readonly IntelRow[]): Promise<IntelReportView[]> {
  const links = new Map(rows.map((r) => [r.id, JSON.parse(r.links) as Links]));
  const all = [...links.values()];
  const sector = await sectorRefs(
    sql,
    all.flatMap((l) => l.sectorIds),
  );
  const actors = await allIn<{ id: string; name: string }>(
    sql,
    [...new Set(all.flatMap((l) => l.threatActorIds))],
    (list) => `SELECT id, name FROM coord_threat_actors WHERE id IN (${list})`,
  );
  const releases = await allIn<{
    source_id: string;
    copy_space: string;
    copy_id: string;
    kind: "release" | "rerelease";
    node: string;
    at: string;
  }>(
    sql,
    rows.map((r) => r.id),
    (list) => `SELECT * FROM coord_intel_releases WHERE source_id IN (${list}) ORDER BY at, copy_id`,
  );
  return rows.map((r) => {
    const l = links.get(r.id) as Links;
    return {
      id: r.id,
      space: r.space,
      ownerNode: r.owner,
      originatorNode: r.originator_node,
      originator: r.originator,
      summary: r.summary,
      body: r.body,
      tlp: r.tlp,
      confidence: { reliability: r.reliability, credibility: Number(r.credibility) },
      links: l,
      threatActors: l.threatActorIds.map((id) => ({ id, name: actors.find((a) => a.id === id)?.name ?? null })),
      sectors: l.sectorIds.map(sector),
      status: r.status,
      withdrawnReason: r.withdrawn_reason,
      derivedFrom: r.derived_space && r.derived_id ? { space: r.derived_space, id: r.derived_id } : null,
      releasedAs: releases
        .filter((x) => x.source_id === r.id)
        .map((x) => ({ space: x.copy_space, id: x.copy_id, kind: x.kind, node: x.node, at: x.at })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

interface ConsentRow {
  id: string;
  report_id: string;
  requester_node: string;
  target_space: string;
  purpose: string;
  requested_by: string;
  requested_at: string;
  state: ConsentRequestView["state"];
  answered_by: string | null;
  answered_at: string | null;
  note: string | null;
  copy_id: string | null;
}

const toConsentView = (c: ConsentRow): ConsentRequestView => ({
  id: c.id,
  reportId: c.report_id,
  requesterNode: c.requester_node,
  targetSpace: c.target_space,
  purpose: c.purpose,
  state: c.state,
  requestedBy: c.requested_by,
  requestedAt: c.requested_at,
  answeredBy: c.answered_by,
  answeredAt: c.answered_at,
  note: c.note,
  copyId: c.copy_id,
});

export async function reportDetail(sql: Sql, id: string): Promise<IntelReportDetailView | undefined> {
  const row = await reportRow(sql, id);
  if (!row) return undefined;
  const [view] = await toReportViews(sql, [row]);
  const consents = await sql.all<ConsentRow>("SELECT * FROM coord_consents WHERE report_id = ? ORDER BY requested_at, id", [id]);
  return view && { ...view, consentRequests: consents.map(toConsentView) };
}

export async function consentRequest(sql: Sql, id: string): Promise<(ConsentFact & { reportId: string }) | undefined> {
  const c = (await sql.all<ConsentRow>("SELECT * FROM coord_consents WHERE id = ?", [id]))[0];
  return c && { id: c.id, state: c.state, reportId: c.report_id };
}

/** This node's consent request that decides a release of a report into a space. */
export async function consentFor(sql: Sql, reportId: string, node: string, targetSpace: string): Promise<ConsentFact | undefined> {
  const rows = await sql.all<ConsentRow>(
    "SELECT * FROM coord_consents WHERE report_id = ? AND requester_node = ? AND target_space = ? ORDER BY requested_at DESC, id DESC",
    [reportId, node, targetSpace],
  );
  // A live grant, else a request awaiting its answer, else the latest answer (newest first already).
  const best = rows.find((r) => r.state === "granted") ?? rows.find((r) => r.state === "pending") ?? rows[0];
  return best && { id: best.id, state: best.state };
}

export interface IntelFilter {
  space?: string;
  sectorId?: string;
  threatActorId?: string;
  includeWithdrawn: boolean;
  limit: number;
  cursor?: string;
}

/** Reports newest first. */
export async function listReports(sql: Sql, f: IntelFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    where.push(cond);
    params.push(value);
  };
  const after = decodeCursor(f.cursor, 1);
  if (after) add("id < ?", after[0]);
  if (f.space) add("space = ?", f.space);
  if (f.sectorId) add("id IN (SELECT report_id FROM coord_intel_links WHERE kind = 'sectorIds' AND target_id = ?)", f.sectorId);
  if (f.threatActorId)
    add("id IN (SELECT report_id FROM coord_intel_links WHERE kind = 'threatActorIds' AND target_id = ?)", f.threatActorId);
  if (!f.includeWithdrawn) where.push("status = 'active'");
  const rows = await sql.all<IntelRow>(
    `SELECT * FROM coord_intel_reports ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
    [...params, f.limit + 1],
  );
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  return { items: await toReportViews(sql, page.rows), next: page.next };
}
