import { rollup } from "../../core/commitments/rollup";
import type { Sql } from "../db/database";
import {
  type AgreementRow,
  activitiesOf,
  levelHistory,
  operationsByAgreement,
  rollupAt,
  type StatementRow,
  toActivityView,
} from "./queries";

/**
 * The progress report for the next ministerial meeting: a statement's roll-up per
 * agreement, the status counts, a monthly timeline, what will miss its date, and what
 * changed since the baseline (by default the latest ministerial meeting before today).
 */
const monthEnds = (from: string, to: string): string[] => {
  const out: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  for (let i = 0; i < 36; i++) {
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
  const rows = await activitiesOf(sql, opIds);
  const history = await levelHistory(
    sql,
    rows.map((r) => r.id),
  );
  const views = rows.map((r) => toActivityView(r, today));
  const byOp = (op: string) => views.filter((v) => v.operationId === op);
  const meeting = await sql.all<{ date: string }>("SELECT date FROM ministerial_meetings WHERE date < ? ORDER BY date DESC LIMIT 1", [
    today,
  ]);
  const since = baseline ?? meeting[0]?.date ?? statement.date;
  const then = rollupAt(rows, history, since);
  const before = new Map(then.items.map((i) => [i.id, i.level]));
  const overall = rollup(views);
  const start = [statement.date, ...rows.map((r) => r.created_at.slice(0, 10))].sort()[0] ?? statement.date;
  return {
    statement: { id: statement.id, date: statement.date, title: statement.title, language: statement.language },
    generatedAt: new Date().toISOString(),
    today,
    percent: overall.percent,
    counts: overall.counts,
    agreements: agreements.map((a) => {
      const r = rollup(unique((ops.get(a.id) ?? []).flatMap(byOp)));
      return { id: a.id, number: Number(a.number), text: a.text, percent: r.percent, counts: r.counts };
    }),
    timeline: monthEnds(start, today).map((date) => ({ date, percent: rollupAt(rows, history, date).percent })),
    atRisk: views
      .filter((v) => v.status === "at_risk" || v.status === "late")
      .map(({ id, title, ownerNode, dueDate, projectedCompletion, status }) => ({
        id,
        title,
        ownerNode,
        dueDate,
        projectedCompletion,
        status,
      })),
    baseline: { date: since, percent: then.percent },
    changedSinceBaseline: views
      .filter((v) => (before.get(v.id) ?? 0) !== v.level)
      .map((v) => ({ id: v.id, title: v.title, ownerNode: v.ownerNode, from: before.get(v.id) ?? 0, to: v.level })),
  };
}

const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];

export type ProgressReport = NonNullable<Awaited<ReturnType<typeof progressReport>>>;
