import { rollup } from "../../core/commitments/rollup";
import { deriveStatus, projectedCompletion } from "../../core/commitments/status";
import type { Sql } from "../db/database";
import { type ActivityRow, type AgreementRow, type OperationRow, operationsByAgreement, type StatementRow, statusInput } from "./queries";
import { combine, levelOn, levelsOn, operationTotals, percentsAt } from "./rollup-queries";

/**
 * What the API answers about statements, agreements and operations: each with its roll-up,
 * summed from the totals of the operations that serve it (SQL does the summing, so a list
 * never loads every activity).
 */
export async function listStatements(sql: Sql, today: string, only?: string) {
  const statements = only
    ? await sql.all<StatementRow>("SELECT * FROM statements WHERE id = ?", [only])
    : await sql.all<StatementRow>("SELECT * FROM statements ORDER BY date DESC, id");
  const agreements = await sql.all<AgreementRow>("SELECT * FROM agreements ORDER BY statement_id, number");
  const ops = await operationsByAgreement(sql);
  const totals = await operationTotals(sql, today);
  return statements.map((s) => {
    const own = agreements.filter((a) => a.statement_id === s.id);
    return {
      id: s.id,
      space: s.space,
      ownerNode: s.owner,
      date: s.date,
      title: s.title,
      text: s.text,
      language: s.language,
      meetingId: s.meeting_id,
      percent: combine(
        totals,
        own.flatMap((a) => ops.get(a.id) ?? []),
      ).percent,
      agreements: own.map((a) => ({
        id: a.id,
        number: Number(a.number),
        text: a.text,
        percent: combine(totals, ops.get(a.id) ?? []).percent,
      })),
    };
  });
}

export async function listAgreements(sql: Sql, today: string) {
  const agreements = await sql.all<AgreementRow>("SELECT * FROM agreements ORDER BY statement_id, number");
  const ops = await operationsByAgreement(sql);
  const totals = await operationTotals(sql, today);
  return agreements.map((a) => ({
    id: a.id,
    statementId: a.statement_id,
    number: Number(a.number),
    text: a.text,
    space: a.space,
    percent: combine(totals, ops.get(a.id) ?? []).percent,
  }));
}

export async function listOperations(sql: Sql, today: string) {
  const operations = await sql.all<OperationRow>("SELECT * FROM operations ORDER BY created_at, id");
  const links = await sql.all<{ operation_id: string; agreement_id: string }>(
    "SELECT operation_id, agreement_id FROM operation_agreements",
  );
  const totals = await operationTotals(sql, today);
  return operations.map((o) => {
    const r = combine(totals, [o.id]);
    return {
      id: o.id,
      space: o.space,
      ownerNode: o.owner,
      name: o.name,
      description: o.description,
      agreementIds: links.filter((l) => l.operation_id === o.id).map((l) => l.agreement_id),
      percent: r.percent,
      counts: r.counts,
      total: r.total,
    };
  });
}

type RollupRow = Pick<
  ActivityRow,
  "id" | "owner" | "number" | "title" | "due_date" | "start_date" | "created_at" | "level" | "completed_on" | "flagged_at_risk" | "weight"
>;

/** An operation's roll-up now, what will miss its date, and what changed since `baseline`. */
export async function operationRollup(sql: Sql, id: string, today: string, baseline?: string) {
  const rows = await sql.all<RollupRow>(
    `SELECT id, owner, number, title, due_date, start_date, created_at, level, completed_on, flagged_at_risk, weight
     FROM activities WHERE operation_id = ?`,
    [id],
  );
  if (rows.length === 0 && (await sql.all("SELECT 1 AS one FROM operations WHERE id = ?", [id])).length === 0) return undefined;
  const views = rows
    .map((r) => {
      const input = statusInput(r);
      return {
        id: r.id,
        number: r.number === null ? null : Number(r.number),
        title: r.title,
        level: input.level,
        weight: Number(r.weight),
        status: deriveStatus(input, today),
        dueDate: r.due_date,
        projectedCompletion: projectedCompletion(input, today),
        ownerNode: r.owner,
        start_date: r.start_date,
        created_at: r.created_at,
      };
    })
    .sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || a.id.localeCompare(b.id));
  const now = rollup(views);
  let base = null;
  if (baseline) {
    const [percent = 0] = await percentsAt(sql, [id], [baseline]);
    const then = await levelsOn(sql, [id], baseline);
    const changed = views.flatMap((v) => {
      const from = levelOn(then, v, baseline);
      return from === v.level ? [] : [{ id: v.id, title: v.title, from, to: v.level }];
    });
    base = { date: baseline, percent, changed };
  }
  return {
    operationId: id,
    percent: now.percent,
    counts: now.counts,
    activities: views.map(({ id, title, level, status, dueDate, projectedCompletion, ownerNode }) => ({
      id,
      title,
      level,
      status,
      dueDate,
      projectedCompletion,
      ownerNode,
    })),
    atRisk: views
      .filter((v) => v.status === "at_risk" || v.status === "late")
      .map(({ id, title, dueDate, projectedCompletion, status }) => ({ id, title, dueDate, projectedCompletion, status })),
    baseline: base,
  };
}
