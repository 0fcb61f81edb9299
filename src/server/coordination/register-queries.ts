import type { Confidence } from "../../core/border/schema";
import type { CitationView, SectorRiskView } from "../../core/coordination/views";
import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";
import { sectorRefs } from "./refs";
import { type AssessmentRow, highest, type RiskFactorRow, toAssessmentViews, toRiskViews } from "./threat-queries";

/**
 * The register seen from a sector, and citations resolved. A sector impact-level proposal
 * (`sector.level_proposed`) cites ids; `resolveCitations` says what each one is: an
 * assessment, a risk factor or an intelligence report this node holds, or not found (it may
 * be an incident, which the border picture resolves).
 */
const notFound = (id: string): CitationView => ({
  id,
  found: false,
  kind: null,
  title: null,
  level: null,
  confidence: null,
  sectorId: null,
  threatActorId: null,
  ownerNode: null,
  space: null,
  status: null,
  href: null,
});

export async function resolveCitations(sql: Sql, ids: readonly string[]): Promise<CitationView[]> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, CitationView>();
  const assessments = await allIn<AssessmentRow>(sql, wanted, (list) => `SELECT * FROM coord_assessments WHERE id IN (${list})`);
  for (const a of assessments) {
    found.set(a.id, {
      id: a.id,
      found: true,
      kind: "threat_assessment",
      title: a.summary,
      level: a.level,
      confidence: { reliability: a.reliability, credibility: Number(a.credibility) },
      sectorId: a.sector_id,
      threatActorId: a.threat_actor_id,
      ownerNode: a.owner,
      space: a.space,
      status: a.status,
      href: `/api/v1/threat-assessments/${a.id}`,
    });
  }
  const risks = await allIn<RiskFactorRow>(sql, wanted, (list) => `SELECT * FROM coord_risk_factors WHERE id IN (${list})`);
  for (const r of risks) {
    found.set(r.id, {
      ...notFound(r.id),
      found: true,
      kind: "risk_factor",
      title: r.title,
      level: r.level,
      sectorId: r.sector_id,
      ownerNode: r.owner,
      space: r.space,
      status: r.status,
      href: `/api/v1/risk-factors/${r.id}`,
    });
  }
  const reports = await allIn<{
    id: string;
    summary: string;
    owner: string;
    space: string;
    status: string;
    reliability: Confidence["reliability"];
    credibility: number;
  }>(
    sql,
    wanted,
    (list) => `SELECT id, summary, owner, space, status, reliability, credibility FROM coord_intel_reports WHERE id IN (${list})`,
  );
  for (const r of reports) {
    found.set(r.id, {
      ...notFound(r.id),
      found: true,
      kind: "intel_report",
      title: r.summary,
      confidence: { reliability: r.reliability, credibility: Number(r.credibility) },
      ownerNode: r.owner,
      space: r.space,
      status: r.status,
      href: `/api/v1/intel-reports/${r.id}`,
    });
  }
  return ids.map((id) => found.get(id) ?? notFound(id));
}

/** One sector's register: active risk factors, current assessments, the groups active there. */
export async function sectorRisks(sql: Sql, sectorId: string): Promise<SectorRiskView> {
  const risks = await sql.all<RiskFactorRow>("SELECT * FROM coord_risk_factors WHERE sector_id = ? AND status = 'active' ORDER BY id", [
    sectorId,
  ]);
  const assessments = await sql.all<AssessmentRow>(
    `SELECT * FROM coord_assessments WHERE status = 'current'
       AND (sector_id = ? OR threat_actor_id IN (SELECT actor_id FROM coord_actor_sectors WHERE sector_id = ?)) ORDER BY id`,
    [sectorId, sectorId],
  );
  const actors = await sql.all<{ id: string; name: string }>(
    "SELECT a.id, a.name FROM coord_threat_actors a JOIN coord_actor_sectors s ON s.actor_id = a.id WHERE s.sector_id = ? ORDER BY a.name",
    [sectorId],
  );
  const sector = await sectorRefs(sql, [sectorId]);
  return {
    sector: sector(sectorId),
    level: highest([...risks.map((r) => r.level), ...assessments.filter((a) => a.sector_id === sectorId).map((a) => a.level)]),
    riskFactors: await toRiskViews(sql, risks),
    assessments: await toAssessmentViews(sql, assessments),
    threatActors: actors,
  };
}
