import { SECTOR_LEVELS } from "../../core/border/schema";
import type { AssessmentFields, Owned } from "../../core/coordination/decide-threats";
import type { AssessmentView, RiskFactorView, ThreatActorView } from "../../core/coordination/views";
import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";
import { decodeCursor, pageOf, parseList } from "./paging";
import { sectorRefs } from "./refs";

/** Reads of the threat and risk register: groups, risk factors and assessments. */
type Level = (typeof SECTOR_LEVELS)[number];
export const highest = (levels: readonly Level[]): Level | null =>
  levels.reduce<Level | null>((top, l) => (top === null || SECTOR_LEVELS.indexOf(l) > SECTOR_LEVELS.indexOf(top) ? l : top), null);

export interface ThreatActorRow {
  id: string;
  space: string;
  owner: string;
  name: string;
  aliases: string;
  activities: string;
  description: string;
  areas: string;
  first_seen: string | null;
  last_seen: string | null;
  tlp: ThreatActorView["tlp"];
  created_at: string;
  updated_at: string;
}

export async function actorRow(sql: Sql, id: string): Promise<ThreatActorRow | undefined> {
  return (await sql.all<ThreatActorRow>("SELECT * FROM coord_threat_actors WHERE id = ?", [id]))[0];
}

export function toActorState(r: ThreatActorRow) {
  return {
    id: r.id,
    space: r.space,
    ownerNode: r.owner,
    fields: {
      name: r.name,
      aliases: parseList(r.aliases),
      activities: parseList<ThreatActorView["activities"][number]>(r.activities),
      description: r.description,
      areas: parseList(r.areas),
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      tlp: r.tlp,
    },
  };
}

export async function toActorViews(sql: Sql, rows: readonly ThreatActorRow[]): Promise<ThreatActorView[]> {
  const sector = await sectorRefs(
    sql,
    rows.flatMap((r) => parseList(r.areas)),
  );
  const levels = await allIn<{ threat_actor_id: string; level: Level }>(
    sql,
    rows.map((r) => r.id),
    (list) => `SELECT threat_actor_id, level FROM coord_assessments WHERE status = 'current' AND threat_actor_id IN (${list})`,
  );
  return rows.map((r) => {
    const s = toActorState(r).fields;
    return {
      id: r.id,
      space: r.space,
      ownerNode: r.owner,
      ...s,
      areas: s.areas.map(sector),
      assessedLevel: highest(levels.filter((l) => l.threat_actor_id === r.id).map((l) => l.level)),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export interface RegisterFilter {
  sectorId?: string;
  threatActorId?: string;
  space?: string;
  limit: number;
  cursor?: string;
}

/** Keyset conditions shared by the register's lists (id order: creation order). */
function filters(f: RegisterFilter, sectorCond?: string, actorCond?: string) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    where.push(cond);
    params.push(value);
  };
  const after = decodeCursor(f.cursor, 1);
  if (after) add("id > ?", after[0]);
  if (f.space) add("space = ?", f.space);
  if (f.sectorId && sectorCond) add(sectorCond, f.sectorId);
  if (f.threatActorId && actorCond) add(actorCond, f.threatActorId);
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function listThreatActors(sql: Sql, f: RegisterFilter) {
  const w = filters(f, "id IN (SELECT actor_id FROM coord_actor_sectors WHERE sector_id = ?)", "id = ?");
  const rows = await sql.all<ThreatActorRow>(`SELECT * FROM coord_threat_actors ${w.sql} ORDER BY id LIMIT ?`, [...w.params, f.limit + 1]);
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  return { items: await toActorViews(sql, page.rows), next: page.next };
}

export interface RiskFactorRow {
  id: string;
  space: string;
  owner: string;
  sector_id: string;
  category: RiskFactorView["category"];
  title: string;
  description: string;
  level: Level;
  status: RiskFactorView["status"];
  created_at: string;
  updated_at: string;
}

export async function riskRow(sql: Sql, id: string): Promise<RiskFactorRow | undefined> {
  return (await sql.all<RiskFactorRow>("SELECT * FROM coord_risk_factors WHERE id = ?", [id]))[0];
}

export const toRiskState = (r: RiskFactorRow) => ({
  id: r.id,
  space: r.space,
  ownerNode: r.owner,
  fields: { category: r.category, title: r.title, description: r.description, level: r.level, status: r.status },
});

export async function toRiskViews(sql: Sql, rows: readonly RiskFactorRow[]): Promise<RiskFactorView[]> {
  const sector = await sectorRefs(
    sql,
    rows.map((r) => r.sector_id),
  );
  return rows.map((r) => ({
    id: r.id,
    space: r.space,
    ownerNode: r.owner,
    sector: sector(r.sector_id),
    ...toRiskState(r).fields,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function listRiskFactors(sql: Sql, f: RegisterFilter) {
  const w = filters(f, "sector_id = ?");
  const rows = await sql.all<RiskFactorRow>(`SELECT * FROM coord_risk_factors ${w.sql} ORDER BY id LIMIT ?`, [...w.params, f.limit + 1]);
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  return { items: await toRiskViews(sql, page.rows), next: page.next };
}

export interface AssessmentRow {
  id: string;
  space: string;
  owner: string;
  threat_actor_id: string | null;
  sector_id: string | null;
  level: Level;
  reliability: AssessmentView["confidence"]["reliability"];
  credibility: number;
  summary: string;
  body: string;
  tlp: AssessmentView["tlp"];
  status: AssessmentView["status"];
  withdrawn_reason: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

export async function assessmentRow(sql: Sql, id: string): Promise<AssessmentRow | undefined> {
  return (await sql.all<AssessmentRow>("SELECT * FROM coord_assessments WHERE id = ?", [id]))[0];
}

export const toAssessmentState = (r: AssessmentRow): Owned<AssessmentFields> => ({
  id: r.id,
  space: r.space,
  ownerNode: r.owner,
  fields: {
    level: r.level,
    confidence: { reliability: r.reliability, credibility: Number(r.credibility) },
    summary: r.summary,
    body: r.body,
    withdrawn: r.status === "withdrawn",
  },
});

export async function toAssessmentViews(sql: Sql, rows: readonly AssessmentRow[]): Promise<AssessmentView[]> {
  const sector = await sectorRefs(
    sql,
    rows.flatMap((r) => (r.sector_id ? [r.sector_id] : [])),
  );
  const actors = await allIn<{ id: string; name: string }>(
    sql,
    rows.flatMap((r) => (r.threat_actor_id ? [r.threat_actor_id] : [])),
    (list) => `SELECT id, name FROM coord_threat_actors WHERE id IN (${list})`,
  );
  return rows.map((r) => ({
    id: r.id,
    space: r.space,
    ownerNode: r.owner,
    threatActor: r.threat_actor_id ? { id: r.threat_actor_id, name: actors.find((a) => a.id === r.threat_actor_id)?.name ?? null } : null,
    sector: r.sector_id ? sector(r.sector_id) : null,
    level: r.level,
    confidence: { reliability: r.reliability, credibility: Number(r.credibility) },
    summary: r.summary,
    body: r.body,
    tlp: r.tlp,
    status: r.status,
    withdrawnReason: r.withdrawn_reason,
    revision: Number(r.revision),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function listAssessments(sql: Sql, f: RegisterFilter) {
  const w = filters(f, "sector_id = ?", "threat_actor_id = ?");
  const rows = await sql.all<AssessmentRow>(`SELECT * FROM coord_assessments ${w.sql} ORDER BY id LIMIT ?`, [...w.params, f.limit + 1]);
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  return { items: await toAssessmentViews(sql, page.rows), next: page.next };
}

export async function assessmentDetail(sql: Sql, id: string) {
  const row = await assessmentRow(sql, id);
  if (!row) return undefined;
  const [view] = await toAssessmentViews(sql, [row]);
  const history = await sql.all<{
    revision: number;
    level: Level;
    reliability: AssessmentView["confidence"]["reliability"];
    credibility: number;
    summary: string;
    body: string;
    note: string;
    actor: string;
    at: string;
  }>("SELECT * FROM coord_assessment_history WHERE assessment_id = ? ORDER BY revision", [id]);
  return (
    view && {
      ...view,
      history: history.map((h) => ({
        revision: Number(h.revision),
        level: h.level,
        confidence: { reliability: h.reliability, credibility: Number(h.credibility) },
        summary: h.summary,
        body: h.body,
        note: h.note,
        by: h.actor,
        at: h.at,
      })),
    }
  );
}
