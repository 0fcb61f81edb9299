import type { ActivityStatus } from "../../core/commitments/schema";
import { hlcIso } from "../../core/log/hlc";
import type { Sql } from "../db/database";
import { type ActivityRow, type ActivityView, activityById, statusWhere, toActivityView } from "./queries";

/** Lists and details of activities: filters, keyset paging, reports and history. */
export interface ActivityFilter {
  operationId?: string;
  status?: ActivityStatus;
  ownerNode?: string;
  limit: number;
  cursor?: string;
}

/** The cursor is the last id of the previous page, opaque to clients (base64url). */
export const encodeCursor = (id: string) => Buffer.from(id).toString("base64url");
export const decodeCursor = (c: string) => Buffer.from(c, "base64url").toString("utf8");

/** One page in id order; a status filter runs in SQL on the derived status (`statusWhere`). */
export async function listActivities(sql: Sql, f: ActivityFilter, today: string): Promise<{ items: ActivityView[]; next: string | null }> {
  const where: string[] = ["id > ?"];
  const params: unknown[] = [f.cursor ? decodeCursor(f.cursor) : ""];
  if (f.operationId) {
    where.push("operation_id = ?");
    params.push(f.operationId);
  }
  if (f.ownerNode) {
    where.push("owner = ?");
    params.push(f.ownerNode);
  }
  if (f.status) {
    const s = statusWhere(f.status, today);
    where.push(s.sql);
    params.push(...s.params);
  }
  const rows = await sql.all<ActivityRow>(`SELECT * FROM activities WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`, [
    ...params,
    f.limit + 1,
  ]);
  const page = rows.slice(0, f.limit).map((r) => toActivityView(r, today));
  return { items: page, next: rows.length > f.limit && page.length ? encodeCursor(page.at(-1)?.id ?? "") : null };
}

interface ReportRow {
  id: string;
  node: string;
  author: string;
  date: string;
  proposed_level: number;
  narrative: string;
  evidence: string;
  posted_at: string;
}

const SUMMARY: Record<string, (d: Record<string, unknown>) => string> = {
  "activity.created": (d) => `${d.title}`,
  "activity.level_set": (d) => `${d.level}`,
  "activity.flagged": (d) => (d.atRisk ? "at_risk" : "on_track"),
  "activity.updated": (d) =>
    Object.keys(d)
      .filter((k) => k !== "note")
      .join(", "),
  "activity.report_posted": (d) => `${d.proposedLevel}`,
};

export async function activityDetail(sql: Sql, id: string, today: string) {
  const row = await activityById(sql, id);
  if (!row) return undefined;
  const reports = await sql.all<ReportRow>("SELECT * FROM activity_reports WHERE activity_id = ? ORDER BY date DESC, posted_at DESC", [id]);
  const events = await sql.all<{ hlc: string; origin: string; actor: string; type: string; data: string }>(
    "SELECT hlc, origin, actor, type, data FROM events WHERE space = ? AND subject = ? ORDER BY hlc",
    [row.space, id],
  );
  return {
    ...toActivityView(row, today),
    reports: reports.map((r) => ({
      id: r.id,
      node: r.node,
      author: r.author,
      date: r.date,
      proposedLevel: Number(r.proposed_level),
      narrative: r.narrative,
      evidence: JSON.parse(r.evidence) as { name: string; type: string; size: number; sha256: string }[],
      postedAt: r.posted_at,
    })),
    history: events.map((e) => {
      const data = JSON.parse(e.data) as Record<string, unknown>;
      return {
        at: hlcIso(e.hlc),
        node: e.origin,
        actor: e.actor,
        type: e.type,
        summary: SUMMARY[e.type]?.(data) ?? "",
        note: (data.note as string | null | undefined) ?? null,
      };
    }),
  };
}

export async function evidenceFile(sql: Sql, sha256: string) {
  return (
    await sql.all<{ name: string; type: string; size: number; content: string }>(
      "SELECT name, type, size, content FROM evidence WHERE sha256 = ?",
      [sha256],
    )
  )[0];
}
