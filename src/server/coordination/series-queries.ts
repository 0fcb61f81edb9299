import type { MeetingTime } from "../../core/coordination/decide-meetings";
import type { SeriesState } from "../../core/coordination/decide-series";
import type { SeriesView } from "../../core/coordination/views";
import type { Sql } from "../db/database";
import { unitRefs } from "./refs";

/** Reads of meeting series: each with its meetings in start order. */
export interface SeriesRow {
  id: string;
  space: string;
  owner: string;
  title: string;
  rrule: string;
  host_unit_id: string;
  time: string;
  occurrences: number;
  status: "active" | "cancelled";
  cancelled_from: string | null;
  cancel_reason: string | null;
  sequence: number;
  created_at: string;
  updated_at: string;
}

interface SeriesMeeting {
  id: string;
  startUtc: string;
  status: "scheduled" | "cancelled";
}

async function meetingsOf(sql: Sql, seriesId: string): Promise<SeriesMeeting[]> {
  const rows = await sql.all<{ id: string; start_utc: string; status: "scheduled" | "cancelled" }>(
    "SELECT id, start_utc, status FROM coord_meetings WHERE series_id = ? ORDER BY start_utc, id",
    [seriesId],
  );
  return rows.map((r) => ({ id: r.id, startUtc: r.start_utc, status: r.status }));
}

export async function seriesRow(sql: Sql, id: string): Promise<SeriesRow | undefined> {
  return (await sql.all<SeriesRow>("SELECT * FROM coord_series WHERE id = ?", [id]))[0];
}

export async function seriesState(sql: Sql, id: string): Promise<SeriesState | undefined> {
  const r = await seriesRow(sql, id);
  return r && { id: r.id, space: r.space, ownerNode: r.owner, cancelled: r.status === "cancelled", meetings: await meetingsOf(sql, id) };
}

export async function toSeriesView(sql: Sql, r: SeriesRow): Promise<SeriesView> {
  const unit = await unitRefs(sql, [r.host_unit_id]);
  const time = JSON.parse(r.time) as MeetingTime;
  return {
    id: r.id,
    space: r.space,
    ownerNode: r.owner,
    title: r.title,
    rrule: r.rrule,
    hostUnit: unit(r.host_unit_id),
    timezone: time.timezone,
    startsAt: time.startsAt,
    endsAt: time.endsAt,
    status: r.status,
    cancelledFrom: r.cancelled_from,
    meetings: await meetingsOf(sql, r.id),
    sequence: Number(r.sequence),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function seriesView(sql: Sql, id: string): Promise<SeriesView | undefined> {
  const r = await seriesRow(sql, id);
  return r && toSeriesView(sql, r);
}

/** Series newest first, optionally those of one unit (as host). */
export async function listSeries(sql: Sql, unitId?: string): Promise<SeriesView[]> {
  const rows = unitId
    ? await sql.all<SeriesRow>("SELECT * FROM coord_series WHERE host_unit_id = ? ORDER BY created_at DESC, id", [unitId])
    : await sql.all<SeriesRow>("SELECT * FROM coord_series ORDER BY created_at DESC, id");
  const out: SeriesView[] = [];
  for (const r of rows) out.push(await toSeriesView(sql, r));
  return out;
}
