import type { ReminderView } from "../../core/coordination/views";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import type { Sql } from "../db/database";
import { EventRejectedError } from "../db/event-store";
import type { NodeRuntime } from "../node";
import { type MeetingRow, toMeetingViews } from "./meeting-queries";
import { parseList } from "./paging";

/**
 * Meeting reminders. A reminder is due from `remindAt` (the start minus its offset) until the
 * meeting starts. Each node reminds its own users of the meetings it hosts or is invited to:
 * it records `reminder.issued` in its national space once per meeting, start and offset, so
 * the reminder reaches the event stream (GET /api/v1/stream, resumable by log position) and
 * is never issued twice, by one process or several. The clock is an argument throughout.
 */
const MAX_OFFSET_MS = 7 * 24 * 60 * 60_000;

export const reminderKey = (meetingId: string, startUtc: string, minutes: number) => `${meetingId}/${startUtc}/${minutes}`;

/** Reminders due at `atMs` for meetings `node` takes part in (optionally one unit's). */
export async function dueReminders(sql: Sql, node: string, atMs: number, unitId?: string): Promise<ReminderView[]> {
  const at = new Date(atMs).toISOString();
  const horizon = new Date(atMs + MAX_OFFSET_MS).toISOString();
  const rows = await sql.all<MeetingRow>(
    `SELECT * FROM coord_meetings m WHERE m.status = 'scheduled' AND m.start_utc > ? AND m.start_utc <= ?
       AND (m.owner = ? OR EXISTS (SELECT 1 FROM coord_meeting_units mu JOIN coord_units u ON u.id = mu.unit_id
                                   WHERE mu.meeting_id = m.id AND u.owner = ?))
       ${unitId ? "AND m.id IN (SELECT meeting_id FROM coord_meeting_units WHERE unit_id = ?)" : ""}
     ORDER BY m.start_utc, m.id`,
    [at, horizon, node, node, ...(unitId ? [unitId] : [])],
  );
  const views = await toMeetingViews(sql, rows);
  const out: ReminderView[] = [];
  for (const [i, r] of rows.entries()) {
    const start = Date.parse(r.start_utc);
    for (const minutes of parseList<number>(r.reminders)) {
      const remindAt = start - minutes * 60_000;
      if (remindAt > atMs) continue;
      const view = views[i];
      out.push({
        key: reminderKey(r.id, r.start_utc, minutes),
        meetingId: r.id,
        title: r.title,
        hostUnit: view?.hostUnit ?? { id: r.host_unit_id, name: null, node: null },
        startUtc: r.start_utc,
        startsAt: r.starts_at,
        timezone: r.timezone,
        minutesBefore: minutes,
        remindAt: new Date(remindAt).toISOString(),
        issued: false,
      });
    }
  }
  if (out.length === 0) return out;
  const issued = new Set(
    (
      await sql.all<{ key: string }>(
        `SELECT key FROM coord_reminders WHERE meeting_id IN (${rows.map(() => "?").join(", ")})`,
        rows.map((r) => r.id),
      )
    ).map((r) => r.key),
  );
  return out.map((r) => ({ ...r, issued: issued.has(r.key) }));
}

/** Issues every due reminder not yet issued; the number issued. */
export async function issueDueReminders(node: NodeRuntime, atMs: number): Promise<number> {
  const self = node.config.node;
  const due = (await node.db.connection((sql) => dueReminders(sql, self, atMs))).filter((r) => !r.issued);
  let issued = 0;
  for (const r of due) {
    try {
      await node.store.append([
        {
          space: NATIONAL_SPACE,
          type: "reminder.issued",
          subject: r.key,
          actor: `system@${self}`,
          data: { meetingId: r.meetingId, minutesBefore: r.minutesBefore, remindAt: r.remindAt, startUtc: r.startUtc, title: r.title },
        },
      ]);
      issued++;
    } catch (err) {
      // Another process issued it first: that is the point of keying it.
      if (!(err instanceof EventRejectedError && err.code === "subject_exists")) throw err;
    }
  }
  return issued;
}

export interface ReminderLoop {
  /** Issues what is due now (the loop calls it; tests call it with their own clock). */
  tick(): Promise<number>;
  /** Stops the loop and waits for a tick in progress, so the database can close after it. */
  stop(): Promise<void>;
}

/** Checks for due reminders every `everyMs` on `now`'s clock; errors go to `onError`. */
export function startReminders(
  node: NodeRuntime,
  opts: { now?: () => number; everyMs?: number; onError?: (err: unknown) => void } = {},
): ReminderLoop {
  const now = opts.now ?? Date.now;
  let running: Promise<number> | undefined;
  const tick = async () => {
    if (running) return running;
    running = issueDueReminders(node, now());
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  const timer = setInterval(() => {
    tick().catch((err) => opts.onError?.(err));
  }, opts.everyMs ?? 30_000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
