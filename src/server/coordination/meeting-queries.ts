import type { AgendaItem, MeetingState } from "../../core/coordination/decide-meetings";
import type { MeetingDetailView, MeetingView, OutcomeView } from "../../core/coordination/views";
import { activityById, allIn, toActivityView } from "../commitments/queries";
import type { Sql } from "../db/database";
import { decodeCursor, pageOf, parseList } from "./paging";
import { sectorRefs, unitRefs } from "./refs";

/** Reads of meetings: the state decisions need, lists and details with attendance, minutes and outcomes. */
export interface MeetingRow {
  id: string;
  space: string;
  owner: string;
  title: string;
  description: string;
  host_unit_id: string;
  invited: string;
  agenda: string;
  starts_at: string;
  ends_at: string;
  timezone: string;
  start_utc: string;
  end_utc: string;
  place: string;
  sector_id: string | null;
  operation_id: string | null;
  reminders: string;
  series_id: string | null;
  recurrence_id: string | null;
  status: "scheduled" | "cancelled";
  cancel_reason: string | null;
  sequence: number;
  created_at: string;
  updated_at: string;
}

export async function meetingRow(sql: Sql, id: string): Promise<MeetingRow | undefined> {
  return (await sql.all<MeetingRow>("SELECT * FROM coord_meetings WHERE id = ?", [id]))[0];
}

export function toMeetingState(r: MeetingRow): MeetingState {
  return {
    id: r.id,
    space: r.space,
    ownerNode: r.owner,
    status: r.status,
    title: r.title,
    hostUnitId: r.host_unit_id,
    invitedUnitIds: parseList(r.invited),
    agenda: parseList<AgendaItem>(r.agenda),
    time: { startsAt: r.starts_at, endsAt: r.ends_at, timezone: r.timezone, startUtc: r.start_utc, endUtc: r.end_utc },
    operationId: r.operation_id,
    seriesId: r.series_id,
    description: r.description,
    place: r.place,
    sectorId: r.sector_id,
    reminders: parseList<number>(r.reminders),
  };
}

interface AttendanceRow {
  meeting_id: string;
  unit_id: string;
  node: string;
  status: "attending" | "tentative" | "declined";
  delegation: string;
  note: string;
  actor: string;
  at: string;
}

/** List views: units named, each unit's own side's confirmation (another side's is ignored). */
export async function toMeetingViews(sql: Sql, rows: readonly MeetingRow[]): Promise<MeetingView[]> {
  const ids = rows.map((r) => r.id);
  const unitIds = rows.flatMap((r) => [r.host_unit_id, ...parseList(r.invited)]);
  const unit = await unitRefs(sql, unitIds);
  const sector = await sectorRefs(
    sql,
    rows.flatMap((r) => (r.sector_id ? [r.sector_id] : [])),
  );
  const attendance = await allIn<AttendanceRow>(sql, ids, (list) => `SELECT * FROM coord_attendance WHERE meeting_id IN (${list})`);
  const counts = await allIn<{ meeting_id: string; minutes: number; outcomes: number }>(
    sql,
    ids,
    (list) => `SELECT m.id AS meeting_id,
        (SELECT COUNT(*) FROM coord_minutes n WHERE n.meeting_id = m.id) AS minutes,
        (SELECT COUNT(*) FROM coord_outcomes o WHERE o.meeting_id = m.id) AS outcomes
      FROM coord_meetings m WHERE m.id IN (${list})`,
  );
  return rows.map((r) => {
    const invited = parseList(r.invited);
    const c = counts.find((x) => x.meeting_id === r.id);
    return {
      id: r.id,
      space: r.space,
      ownerNode: r.owner,
      title: r.title,
      description: r.description,
      hostUnit: unit(r.host_unit_id),
      invitedUnits: invited.map(unit),
      agenda: parseList<AgendaItem>(r.agenda),
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      timezone: r.timezone,
      startUtc: r.start_utc,
      endUtc: r.end_utc,
      place: r.place,
      sector: r.sector_id ? sector(r.sector_id) : null,
      operationId: r.operation_id,
      reminders: parseList<number>(r.reminders),
      seriesId: r.series_id,
      recurrenceId: r.recurrence_id,
      status: r.status,
      cancelReason: r.cancel_reason,
      sequence: Number(r.sequence),
      attendance: [r.host_unit_id, ...invited].map((id, i) => {
        const u = unit(id);
        const a = attendance.find((x) => x.meeting_id === r.id && x.unit_id === id && x.node === u.node);
        return {
          unit: u,
          role: i === 0 ? ("host" as const) : ("invited" as const),
          status: a?.status ?? ("none" as const),
          delegation: a?.delegation ?? "",
          note: a?.note ?? "",
          confirmedBy: a?.actor ?? null,
          confirmedAt: a?.at ?? null,
        };
      }),
      hasMinutes: Number(c?.minutes ?? 0) > 0,
      outcomeCount: Number(c?.outcomes ?? 0),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

interface OutcomeRow {
  id: string;
  meeting_id: string;
  kind: OutcomeView["kind"];
  text: string;
  agenda_item_id: string | null;
  owner_node: string | null;
  owner_unit_id: string | null;
  due_date: string | null;
  activity_id: string | null;
  operation_id: string | null;
  actor: string;
  at: string;
}

export async function outcomesOf(sql: Sql, meetingId: string, today: string): Promise<OutcomeView[]> {
  const rows = await sql.all<OutcomeRow>("SELECT * FROM coord_outcomes WHERE meeting_id = ? ORDER BY hlc, id", [meetingId]);
  const unit = await unitRefs(
    sql,
    rows.flatMap((r) => (r.owner_unit_id ? [r.owner_unit_id] : [])),
  );
  const out: OutcomeView[] = [];
  for (const r of rows) {
    const activity = r.activity_id ? await activityById(sql, r.activity_id) : undefined;
    const tracked = activity && toActivityView(activity, today);
    out.push({
      id: r.id,
      meetingId: r.meeting_id,
      kind: r.kind,
      text: r.text,
      agendaItemId: r.agenda_item_id,
      action:
        r.activity_id && r.owner_node && r.due_date && r.operation_id
          ? {
              ownerNode: r.owner_node,
              ownerUnit: r.owner_unit_id ? unit(r.owner_unit_id) : null,
              dueDate: r.due_date,
              activityId: r.activity_id,
              operationId: r.operation_id,
              activity: tracked ? { title: tracked.title, level: tracked.level, status: tracked.status } : null,
            }
          : null,
      recordedBy: r.actor,
      recordedAt: r.at,
    });
  }
  return out;
}

export async function meetingDetail(sql: Sql, id: string, today: string): Promise<MeetingDetailView | undefined> {
  const row = await meetingRow(sql, id);
  if (!row) return undefined;
  const [view] = await toMeetingViews(sql, [row]);
  if (!view) return undefined;
  const minutes = await sql.all<{ version: number; text: string; actor: string; at: string }>(
    "SELECT version, text, actor, at FROM coord_minutes WHERE meeting_id = ? ORDER BY version DESC",
    [id],
  );
  const history = minutes.map((m) => ({ version: Number(m.version), text: m.text, recordedBy: m.actor, recordedAt: m.at }));
  return { ...view, minutes: history[0] ?? null, minutesHistory: history.slice(1), outcomes: await outcomesOf(sql, id, today) };
}

export interface MeetingFilter {
  unitId?: string;
  seriesId?: string;
  status?: "scheduled" | "cancelled";
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** Meetings in start order, optionally of one unit, one series, one status or a time window. */
export async function listMeetings(sql: Sql, f: MeetingFilter): Promise<{ items: MeetingView[]; next: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  const after = decodeCursor(f.cursor, 2);
  if (after) add("(start_utc > ? OR (start_utc = ? AND id > ?))", after[0], after[0], after[1]);
  if (f.unitId) add("id IN (SELECT meeting_id FROM coord_meeting_units WHERE unit_id = ?)", f.unitId);
  if (f.seriesId) add("series_id = ?", f.seriesId);
  if (f.status) add("status = ?", f.status);
  if (f.from) add("end_utc >= ?", new Date(f.from).toISOString());
  if (f.to) add("start_utc < ?", new Date(f.to).toISOString());
  const rows = await sql.all<MeetingRow>(
    `SELECT * FROM coord_meetings ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY start_utc, id LIMIT ?`,
    [...params, f.limit + 1],
  );
  const page = pageOf(rows, f.limit, (r) => [r.start_utc, r.id]);
  return { items: await toMeetingViews(sql, page.rows), next: page.next };
}
