import type { ActivityStatus } from "../../core/commitments/schema";
import { deriveStatus, projectedCompletion, type StatusInput } from "../../core/commitments/status";
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
  /** The first day it counts as at risk (`atRiskFrom`); kept for SQL status filters. */
  risk_from: string;
  /** 1 when its latest level entry by date is not its level now (entries out of date order). */
  history_out_of_order: number;
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

/** The columns the derived status reads. */
export type StatusColumns = Pick<ActivityRow, "level" | "due_date" | "start_date" | "created_at" | "completed_on" | "flagged_at_risk">;

export const statusInput = (r: StatusColumns): StatusInput => ({
  level: Number(r.level),
  dueDate: r.due_date,
  startDate: r.start_date ?? r.created_at.slice(0, 10),
  completedOn: r.completed_on,
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

/** Runs `query` once per 500 ids (its `(…)` list filled in), so IN lists suit every engine. */
export async function allIn<T>(
  sql: Sql,
  ids: readonly string[],
  query: (list: string) => string,
  params: (chunk: readonly string[]) => unknown[] = (chunk) => [...chunk],
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...(await sql.all<T>(query(chunk.map(() => "?").join(", ")), params(chunk))));
  }
  return out;
}

/**
 * The SQL condition that an activity has a derived status today, equal to `deriveStatus`
 * because the projection keeps `risk_from` = `atRiskFrom` of the row: complete at level 3
 * (late if completed after its due date), else late after its due date, else at risk from
 * `risk_from`, else on track. Plain comparisons on columns, so the planner can estimate them.
 */
export function statusWhere(status: ActivityStatus, today: string): { sql: string; params: string[] } {
  switch (status) {
    case "complete":
      return { sql: "(level >= 3 AND (completed_on IS NULL OR completed_on <= due_date))", params: [] };
    case "complete_late":
      return { sql: "(level >= 3 AND completed_on > due_date)", params: [] };
    case "late":
      return { sql: "(level < 3 AND due_date < ?)", params: [today] };
    case "at_risk":
      return { sql: "(level < 3 AND due_date >= ? AND risk_from <= ?)", params: [today, today] };
    case "on_track":
      return { sql: "(level < 3 AND due_date >= ? AND risk_from > ?)", params: [today, today] };
  }
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
