import { rollup, type StatusCounts } from "../../core/commitments/rollup";
import type { ActivityStatus } from "../../core/commitments/schema";
import { deriveStatus, projectedCompletion } from "../../core/commitments/status";
import type { Sql } from "../db/database";

/** Reads of the commitments projection: lists, details and the inputs of roll-ups. */
export interface ActivityRow {
  id: string;
  space: string;
  owner: string;
  operation_id: string;
  number: number | null;
  title: string;
  description: string;
  responsible_unit: string;
  due_date: string;
  start_date: string | null;
  milestones: string;
  weight: number;
  level: number;
  completed_on: string | null;
  flagged_at_risk: number;
  created_at: string;
  updated_at: string;
}

export interface ActivityView {
  id: string;
  operationId: string;
  number: number | null;
  title: string;
  description: string;
  ownerNode: string;
  space: string;
  responsibleUnit: string;
  dueDate: string;
  startDate: string | null;
  level: number;
  status: ActivityStatus;
  flaggedAtRisk: boolean;
  projectedCompletion: string | null;
  milestones: { title: string; dueDate: string; doneOn: string | null }[];
  weight: number;
  createdAt: string;
  updatedAt: string;
}

const statusInput = (r: ActivityRow, level = Number(r.level), completedOn = r.completed_on) => ({
  level,
  dueDate: r.due_date,
  startDate: r.start_date ?? r.created_at.slice(0, 10),
  completedOn,
  flaggedAtRisk: Number(r.flagged_at_risk) === 1,
});

export function toActivityView(r: ActivityRow, today: string): ActivityView {
  const input = statusInput(r);
  return {
    id: r.id,
    operationId: r.operation_id,
    number: r.number === null ? null : Number(r.number),
    title: r.title,
    description: r.description,
    ownerNode: r.owner,
    space: r.space,
    responsibleUnit: r.responsible_unit,
    dueDate: r.due_date,
    startDate: r.start_date,
    level: Number(r.level),
    status: deriveStatus(input, today),
    flaggedAtRisk: input.flaggedAtRisk,
    projectedCompletion: projectedCompletion(input, today),
    milestones: JSON.parse(r.milestones),
    weight: Number(r.weight),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function activityById(sql: Sql, id: string): Promise<ActivityRow | undefined> {
  return (await sql.all<ActivityRow>("SELECT * FROM activities WHERE id = ?", [id]))[0];
}

/** Activities of the given operations (all of them when `operations` is undefined). */
export async function activitiesOf(sql: Sql, operations?: readonly string[]): Promise<ActivityRow[]> {
  if (operations === undefined) return sql.all<ActivityRow>("SELECT * FROM activities");
  const out: ActivityRow[] = [];
  for (let i = 0; i < operations.length; i += 500) {
    const ids = operations.slice(i, i + 500);
    if (ids.length)
      out.push(...(await sql.all<ActivityRow>(`SELECT * FROM activities WHERE operation_id IN (${ids.map(() => "?").join(", ")})`, ids)));
  }
  return out;
}

/** Level history rows of some activities, oldest first. */
export async function levelHistory(sql: Sql, activityIds: readonly string[]): Promise<Map<string, { level: number; on: string }[]>> {
  const out = new Map<string, { level: number; on: string }[]>();
  for (let i = 0; i < activityIds.length; i += 500) {
    const ids = activityIds.slice(i, i + 500);
    if (ids.length === 0) continue;
    const rows = await sql.all<{ activity_id: string; level: number; on_date: string }>(
      `SELECT activity_id, level, on_date FROM activity_levels WHERE activity_id IN (${ids.map(() => "?").join(", ")}) ORDER BY on_date, at`,
      ids,
    );
    for (const r of rows) out.set(r.activity_id, [...(out.get(r.activity_id) ?? []), { level: Number(r.level), on: r.on_date }]);
  }
  return out;
}

/** The roll-up of activities as they stood on `date` (levels from their history). */
export function rollupAt(rows: readonly ActivityRow[], history: Map<string, { level: number; on: string }[]>, date: string) {
  const items = rows
    .filter((r) => r.created_at.slice(0, 10) <= date)
    .map((r) => {
      const past = (history.get(r.id) ?? []).filter((h) => h.on <= date);
      const level = past.at(-1)?.level ?? 0;
      const completedOn = level === 3 ? (past.findLast((h) => h.level === 3)?.on ?? null) : null;
      return { id: r.id, title: r.title, level, weight: Number(r.weight), status: deriveStatus(statusInput(r, level, completedOn), date) };
    });
  return { ...rollup(items), items };
}

export function rollupNow(rows: readonly ActivityRow[], today: string): { percent: number; counts: StatusCounts; total: number } {
  return rollup(rows.map((r) => ({ level: Number(r.level), weight: Number(r.weight), status: deriveStatus(statusInput(r), today) })));
}

export interface StatementRow {
  id: string;
  space: string;
  owner: string;
  date: string;
  title: string;
  text: string;
  language: string;
  meeting_id: string | null;
  created_at: string;
}

export interface AgreementRow {
  id: string;
  space: string;
  owner: string;
  statement_id: string;
  number: number;
  text: string;
}

/** Which operations serve each agreement. */
export async function operationsByAgreement(sql: Sql): Promise<Map<string, string[]>> {
  const rows = await sql.all<{ operation_id: string; agreement_id: string }>("SELECT operation_id, agreement_id FROM operation_agreements");
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.agreement_id, [...(out.get(r.agreement_id) ?? []), r.operation_id]);
  return out;
}

export interface OperationRow {
  id: string;
  space: string;
  owner: string;
  name: string;
  description: string;
  created_at: string;
}
