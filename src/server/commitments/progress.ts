import { deriveStatus, projectedCompletion } from "../../core/commitments/status";
import type { Sql } from "../db/database";
import { type ActivityRow, type AgreementRow, allIn, operationsByAgreement, type StatementRow, statusInput, statusWhere } from "./queries";
import { byOperationAndId, changedSince, combine, firstDay, operationTotals, percentsAt } from "./rollup-queries";

/**
 * The progress report for the next ministerial meeting: a statement's roll-up per
 * agreement, the status counts, a monthly timeline, what will miss its date, and what
 * changed since the baseline (by default the latest ministerial meeting before today).
 */
const monthEnds = (from: string, to: string): string[] => {
  const out: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  // Every month end up to `to` (the last 23 are kept); the bound only guards a bad date.
  for (let i = 0; i < 1200; i++) {
    const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1 + i, 0)).toISOString().slice(0, 10);
    if (end >= to) break;
    out.push(end);
  }
  return [...out.slice(-23), to];
};

export async function progressReport(sql: Sql, statementId: string, today: string, baseline?: string) {
  const statement = (await sql.all<StatementRow>("SELECT * FROM statements WHERE id = ?", [statementId]))[0];
  if (!statement) return undefined;
  const agreements = await sql.all<AgreementRow>("SELECT * FROM agreements WHERE statement_id = ? ORDER BY number", [statementId]);
  const ops = await operationsByAgreement(sql);
  const opIds = [...new Set(agreements.flatMap((a) => ops.get(a.id) ?? []))];
  const totals = await operationTotals(sql, today, opIds);
  const meeting = await sql.all<{ date: string }>("SELECT date FROM ministerial_meetings WHERE date < ? ORDER BY date DESC LIMIT 1", [
    today,
  ]);
  const since = baseline ?? meeting[0]?.date ?? statement.date;
  const overall = combine(totals, opIds);
  const first = await firstDay(sql, opIds);
  const start = first !== undefined && first < statement.date ? first : statement.date;
  const dates = monthEnds(start, today);
  const [then = 0, ...timeline] = await percentsAt(sql, opIds, [since, ...dates]);
  // Only what will miss its date is read row by row; SQL picks it by its derived status.
  const [late, atRisk] = [statusWhere("late", today), statusWhere("at_risk", today)];
  const missing = await allIn<AtRiskRow>(
    sql,
    opIds,
    (list) => `SELECT id, operation_id, title, owner, due_date, start_date, created_at, level, completed_on, flagged_at_risk
      FROM activities WHERE operation_id IN (${list}) AND (${late.sql} OR ${atRisk.sql})`,
    (chunk) => [...chunk, ...late.params, ...atRisk.params],
  );
  const changed = await changedSince(sql, opIds, since);
  return {
    statement: { id: statement.id, date: statement.date, title: statement.title, language: statement.language },
    generatedAt: new Date().toISOString(),
    today,
    percent: overall.percent,
    counts: overall.counts,
    agreements: agreements.map((a) => {
      const r = combine(totals, ops.get(a.id) ?? []);
      return { id: a.id, number: Number(a.number), text: a.text, percent: r.percent, counts: r.counts };
    }),
    timeline: dates.map((date, i) => ({ date, percent: timeline[i] ?? 0 })),
    atRisk: missing.sort(byOperationAndId).map((r) => {
      const input = statusInput(r);
      return {
        id: r.id,
        title: r.title,
        ownerNode: r.owner,
        dueDate: r.due_date,
        projectedCompletion: projectedCompletion(input, today),
        status: deriveStatus(input, today),
      };
    }),
    baseline: { date: since, percent: then },
    changedSinceBaseline: changed.map((c) => ({ id: c.id, title: c.title, ownerNode: c.owner, from: c.from, to: c.to })),
  };
}

type AtRiskRow = Pick<
  ActivityRow,
  "id" | "operation_id" | "title" | "owner" | "due_date" | "start_date" | "created_at" | "level" | "completed_on" | "flagged_at_risk"
>;

export type ProgressReport = NonNullable<Awaited<ReturnType<typeof progressReport>>>;
