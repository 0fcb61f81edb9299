import type { Sql } from "../db/database";
import {
  type ActivityRow,
  type AgreementRow,
  activitiesOf,
  levelHistory,
  type OperationRow,
  operationsByAgreement,
  rollupAt,
  rollupNow,
  type StatementRow,
  toActivityView,
} from "./queries";

/**
 * What the API answers about statements, agreements and operations: each with its roll-up,
 * computed from the activities of the operations that serve it.
 */
async function activitiesByOperation(sql: Sql): Promise<Map<string, ActivityRow[]>> {
  const out = new Map<string, ActivityRow[]>();
  for (const a of await activitiesOf(sql)) out.set(a.operation_id, [...(out.get(a.operation_id) ?? []), a]);
  return out;
}

/** Activities serving an agreement, each counted once. */
function agreementActivities(agreementId: string, ops: Map<string, string[]>, acts: Map<string, ActivityRow[]>): ActivityRow[] {
  return (ops.get(agreementId) ?? []).flatMap((op) => acts.get(op) ?? []);
}

const unique = (rows: ActivityRow[]) => [...new Map(rows.map((r) => [r.id, r])).values()];

export async function listStatements(sql: Sql, today: string, only?: string) {
  const statements = only
    ? await sql.all<StatementRow>("SELECT * FROM statements WHERE id = ?", [only])
    : await sql.all<StatementRow>("SELECT * FROM statements ORDER BY date DESC, id");
  const agreements = await sql.all<AgreementRow>("SELECT * FROM agreements ORDER BY statement_id, number");
  const ops = await operationsByAgreement(sql);
  const acts = await activitiesByOperation(sql);
  return statements.map((s) => {
    const own = agreements.filter((a) => a.statement_id === s.id);
    const all = unique(own.flatMap((a) => agreementActivities(a.id, ops, acts)));
    return {
      id: s.id,
      space: s.space,
      ownerNode: s.owner,
      date: s.date,
      title: s.title,
      text: s.text,
      language: s.language,
      meetingId: s.meeting_id,
      percent: rollupNow(all, today).percent,
      agreements: own.map((a) => ({
        id: a.id,
        number: Number(a.number),
        text: a.text,
        percent: rollupNow(agreementActivities(a.id, ops, acts), today).percent,
      })),
    };
  });
}

export async function listAgreements(sql: Sql, today: string) {
  const agreements = await sql.all<AgreementRow>("SELECT * FROM agreements ORDER BY statement_id, number");
  const ops = await operationsByAgreement(sql);
  const acts = await activitiesByOperation(sql);
  return agreements.map((a) => ({
    id: a.id,
    statementId: a.statement_id,
    number: Number(a.number),
    text: a.text,
    space: a.space,
    percent: rollupNow(agreementActivities(a.id, ops, acts), today).percent,
  }));
}

export async function listOperations(sql: Sql, today: string) {
  const operations = await sql.all<OperationRow>("SELECT * FROM operations ORDER BY created_at, id");
  const links = await sql.all<{ operation_id: string; agreement_id: string }>(
    "SELECT operation_id, agreement_id FROM operation_agreements",
  );
  const acts = await activitiesByOperation(sql);
  return operations.map((o) => {
    const r = rollupNow(acts.get(o.id) ?? [], today);
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

/** An operation's roll-up now, what will miss its date, and what changed since `baseline`. */
export async function operationRollup(sql: Sql, id: string, today: string, baseline?: string) {
  const exists = await sql.all("SELECT 1 AS one FROM operations WHERE id = ?", [id]);
  if (exists.length === 0) return undefined;
  const rows = await activitiesOf(sql, [id]);
  const views = rows.map((r) => toActivityView(r, today)).sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || a.id.localeCompare(b.id));
  const now = rollupNow(rows, today);
  let base = null;
  if (baseline) {
    const then = rollupAt(
      rows,
      await levelHistory(
        sql,
        rows.map((r) => r.id),
      ),
      baseline,
    );
    const before = new Map(then.items.map((i) => [i.id, i.level]));
    const changed = views
      .filter((v) => (before.get(v.id) ?? 0) !== v.level)
      .map((v) => ({ id: v.id, title: v.title, from: before.get(v.id) ?? 0, to: v.level }));
    base = { date: baseline, percent: then.percent, changed };
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
