import type { RfiState } from "../../core/coordination/decide-rfi";
import type { RfiDetailView, RfiView } from "../../core/coordination/views";
import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";
import { decodeCursor, pageOf, parseList } from "./paging";

/** Reads of requests for information and their replies. */
export interface RfiRow {
  id: string;
  space: string;
  owner: string;
  question: string;
  context: string;
  precedence: RfiView["precedence"];
  due_date: string | null;
  addressed_to: string;
  sector_ids: string;
  threat_actor_ids: string;
  status: "open" | "closed";
  close_reason: string | null;
  created_at: string;
  updated_at: string;
}

export async function rfiRow(sql: Sql, id: string): Promise<RfiRow | undefined> {
  return (await sql.all<RfiRow>("SELECT * FROM coord_rfis WHERE id = ?", [id]))[0];
}

export const toRfiState = (r: RfiRow): RfiState => ({ id: r.id, space: r.space, ownerNode: r.owner, closed: r.status === "closed" });

async function toRfiViews(sql: Sql, rows: readonly RfiRow[]): Promise<RfiView[]> {
  const counts = await allIn<{ rfi_id: string; n: number }>(
    sql,
    rows.map((r) => r.id),
    (list) => `SELECT rfi_id, COUNT(*) AS n FROM coord_rfi_replies WHERE rfi_id IN (${list}) GROUP BY rfi_id`,
  );
  return rows.map((r) => ({
    id: r.id,
    space: r.space,
    ownerNode: r.owner,
    question: r.question,
    context: r.context,
    precedence: r.precedence,
    dueDate: r.due_date,
    addressedTo: parseList(r.addressed_to),
    sectorIds: parseList(r.sector_ids),
    threatActorIds: parseList(r.threat_actor_ids),
    status: r.status,
    closeReason: r.close_reason,
    replyCount: Number(counts.find((c) => c.rfi_id === r.id)?.n ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function rfiDetail(sql: Sql, id: string): Promise<RfiDetailView | undefined> {
  const row = await rfiRow(sql, id);
  if (!row) return undefined;
  const [view] = await toRfiViews(sql, [row]);
  const replies = await sql.all<{ id: string; node: string; actor: string; text: string; report_ids: string; at: string }>(
    "SELECT * FROM coord_rfi_replies WHERE rfi_id = ? ORDER BY hlc, id",
    [id],
  );
  const reportIds = [...new Set(replies.flatMap((r) => parseList(r.report_ids)))];
  const reports = await allIn<{ id: string; summary: string }>(
    sql,
    reportIds,
    (list) => `SELECT id, summary FROM coord_intel_reports WHERE id IN (${list})`,
  );
  return (
    view && {
      ...view,
      replies: replies.map((r) => ({
        id: r.id,
        node: r.node,
        actor: r.actor,
        text: r.text,
        reports: parseList(r.report_ids).map((rid) => ({ id: rid, summary: reports.find((x) => x.id === rid)?.summary ?? null })),
        at: r.at,
      })),
    }
  );
}

/** Requests newest first, optionally only open ones. */
export async function listRfis(sql: Sql, f: { status?: "open" | "closed"; limit: number; cursor?: string }) {
  const where: string[] = [];
  const params: unknown[] = [];
  const after = decodeCursor(f.cursor, 1);
  if (after) {
    where.push("id < ?");
    params.push(after[0]);
  }
  if (f.status) {
    where.push("status = ?");
    params.push(f.status);
  }
  const rows = await sql.all<RfiRow>(
    `SELECT * FROM coord_rfis ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
    [...params, f.limit + 1],
  );
  const page = pageOf(rows, f.limit, (r) => [r.id]);
  return { items: await toRfiViews(sql, page.rows), next: page.next };
}
