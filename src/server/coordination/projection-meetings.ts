import type { Kysely } from "kysely";
import { hlcIso } from "../../core/log/hlc";
import type { Sql } from "../db/database";
import type { Projection, StoredEvent } from "../db/projections";

/**
 * Units, meetings, their attendance, minutes and outcomes, meeting series and the reminders
 * this node issued, as plain `coord_` tables. JSON columns hold lists read whole with their
 * row; lists that queries filter by (a unit's sectors, a meeting's units) get their own table.
 */
export const meetingsProjection: Projection = {
  name: "coordination-meetings",
  version: 1,
  tables: [
    "coord_units",
    "coord_unit_sectors",
    "coord_meetings",
    "coord_meeting_units",
    "coord_attendance",
    "coord_minutes",
    "coord_outcomes",
    "coord_series",
    "coord_reminders",
  ],
  types: [
    "unit.created",
    "unit.updated",
    "unit.retired",
    "unit.action_operation_set",
    "meeting.scheduled",
    "meeting.updated",
    "meeting.cancelled",
    "meeting.attendance_confirmed",
    "meeting.minutes_recorded",
    "meeting.outcome_recorded",
    "meeting_series.created",
    "meeting_series.cancelled",
    "reminder.issued",
  ],
  async create(db: Kysely<unknown>) {
    const owned = (name: string) =>
      db.schema
        .createTable(name)
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("space", "text", (c) => c.notNull())
        .addColumn("owner", "text", (c) => c.notNull());
    await owned("coord_units")
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("echelon", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("commander_post", "text", (c) => c.notNull())
      .addColumn("commander_username", "text")
      .addColumn("contacts", "text", (c) => c.notNull())
      .addColumn("jurisdiction", "text", (c) => c.notNull())
      .addColumn("counterparts", "text", (c) => c.notNull())
      .addColumn("action_operation_id", "text")
      .addColumn("retired_at", "text")
      .addColumn("retired_reason", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("coord_units_owner").on("coord_units").columns(["owner", "name"]).execute();
    await db.schema
      .createTable("coord_unit_sectors")
      .addColumn("unit_id", "text", (c) => c.notNull())
      .addColumn("sector_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("coord_unit_sectors_pk", ["sector_id", "unit_id"])
      .execute();
    await owned("coord_meetings")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("host_unit_id", "text", (c) => c.notNull())
      .addColumn("invited", "text", (c) => c.notNull())
      .addColumn("agenda", "text", (c) => c.notNull())
      .addColumn("starts_at", "text", (c) => c.notNull())
      .addColumn("ends_at", "text", (c) => c.notNull())
      .addColumn("timezone", "text", (c) => c.notNull())
      .addColumn("start_utc", "text", (c) => c.notNull())
      .addColumn("end_utc", "text", (c) => c.notNull())
      .addColumn("place", "text", (c) => c.notNull())
      .addColumn("sector_id", "text")
      .addColumn("operation_id", "text")
      .addColumn("reminders", "text", (c) => c.notNull())
      .addColumn("series_id", "text")
      .addColumn("recurrence_id", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("cancel_reason", "text")
      .addColumn("sequence", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("coord_meetings_start").on("coord_meetings").columns(["start_utc", "id"]).execute();
    await db.schema.createIndex("coord_meetings_series").on("coord_meetings").columns(["series_id", "start_utc"]).execute();
    await db.schema
      .createTable("coord_meeting_units")
      .addColumn("meeting_id", "text", (c) => c.notNull())
      .addColumn("unit_id", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("position", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("coord_meeting_units_pk", ["meeting_id", "unit_id"])
      .execute();
    await db.schema.createIndex("coord_meeting_units_unit").on("coord_meeting_units").columns(["unit_id", "meeting_id"]).execute();
    await db.schema
      .createTable("coord_attendance")
      .addColumn("meeting_id", "text", (c) => c.notNull())
      .addColumn("unit_id", "text", (c) => c.notNull())
      .addColumn("node", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("delegation", "text", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("coord_attendance_pk", ["meeting_id", "unit_id", "node"])
      .execute();
    await db.schema
      .createTable("coord_minutes")
      .addColumn("meeting_id", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("coord_minutes_pk", ["meeting_id", "version"])
      .execute();
    await db.schema
      .createTable("coord_outcomes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("meeting_id", "text", (c) => c.notNull())
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("agenda_item_id", "text")
      .addColumn("owner_node", "text")
      .addColumn("owner_unit_id", "text")
      .addColumn("due_date", "text")
      .addColumn("activity_id", "text")
      .addColumn("operation_id", "text")
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("hlc", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("coord_outcomes_meeting").on("coord_outcomes").columns(["meeting_id", "hlc"]).execute();
    await db.schema.createIndex("coord_outcomes_activity").on("coord_outcomes").column("activity_id").execute();
    await owned("coord_series")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("rrule", "text", (c) => c.notNull())
      .addColumn("host_unit_id", "text", (c) => c.notNull())
      .addColumn("time", "text", (c) => c.notNull())
      .addColumn("occurrences", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("cancelled_from", "text")
      .addColumn("cancel_reason", "text")
      .addColumn("sequence", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("coord_reminders")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("meeting_id", "text", (c) => c.notNull())
      .addColumn("minutes_before", "integer", (c) => c.notNull())
      .addColumn("remind_at", "text", (c) => c.notNull())
      .addColumn("start_utc", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .execute();
  },
  apply: (tx, e) => applyMeetingEvent(tx, e),
};

type Data = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v ?? []);

async function setUnitSectors(tx: Sql, unitId: string, sectors: string[]): Promise<void> {
  await tx.run("DELETE FROM coord_unit_sectors WHERE unit_id = ?", [unitId]);
  for (const s of new Set(sectors)) await tx.run("INSERT INTO coord_unit_sectors (unit_id, sector_id) VALUES (?, ?)", [unitId, s]);
}

async function setMeetingUnits(tx: Sql, meetingId: string, host: string, invited: string[]): Promise<void> {
  await tx.run("DELETE FROM coord_meeting_units WHERE meeting_id = ?", [meetingId]);
  const rows = [[host, "host"], ...invited.filter((u) => u !== host).map((u) => [u, "invited"])];
  for (const [i, [unit, role]] of rows.entries()) {
    await tx.run("INSERT INTO coord_meeting_units (meeting_id, unit_id, role, position) VALUES (?, ?, ?, ?)", [meetingId, unit, role, i]);
  }
}

async function applyUnit(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as Data & { commander: { post: string; username: string | null }; jurisdiction: string[] };
  const values = [
    d.name,
    d.code,
    d.echelon,
    d.description,
    d.commander.post,
    d.commander.username,
    json(d.contacts),
    json(d.jurisdiction),
    json(d.counterparts),
  ];
  if (e.type === "unit.created") {
    await tx.run(
      `INSERT INTO coord_units (id, space, owner, name, code, echelon, description, commander_post, commander_username, contacts,
         jurisdiction, counterparts, action_operation_id, retired_at, retired_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)`,
      [e.subject, e.space, e.origin, ...values, at, at],
    );
  } else {
    await tx.run(
      `UPDATE coord_units SET name = ?, code = ?, echelon = ?, description = ?, commander_post = ?, commander_username = ?, contacts = ?,
         jurisdiction = ?, counterparts = ?, updated_at = ? WHERE id = ?`,
      [...values, at, e.subject],
    );
  }
  await setUnitSectors(tx, e.subject, d.jurisdiction);
}

async function applyMeetingEvent(tx: Sql, e: StoredEvent): Promise<void> {
  const at = hlcIso(e.hlc);
  const d = e.data as Data;
  switch (e.type) {
    case "unit.created":
    case "unit.updated":
      return applyUnit(tx, e, at);
    case "unit.retired":
      await tx.run("UPDATE coord_units SET retired_at = ?, retired_reason = ?, updated_at = ? WHERE id = ?", [at, d.reason, at, e.subject]);
      return;
    case "unit.action_operation_set":
      await tx.run("UPDATE coord_units SET action_operation_id = ?, updated_at = ? WHERE id = ?", [d.operationId, at, e.subject]);
      return;
    case "meeting.scheduled": {
      const t = d.time as Record<string, string>;
      await tx.run(
        `INSERT INTO coord_meetings (id, space, owner, title, description, host_unit_id, invited, agenda, starts_at, ends_at, timezone,
           start_utc, end_utc, place, sector_id, operation_id, reminders, series_id, recurrence_id, status, cancel_reason, sequence,
           created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', NULL, 0, ?, ?)`,
        [
          e.subject,
          e.space,
          e.origin,
          d.title,
          d.description,
          d.hostUnitId,
          json(d.invitedUnitIds),
          json(d.agenda),
          t.startsAt,
          t.endsAt,
          t.timezone,
          t.startUtc,
          t.endUtc,
          d.place,
          d.sectorId,
          d.operationId,
          json(d.reminders),
          d.seriesId,
          d.recurrenceId,
          at,
          at,
        ],
      );
      await setMeetingUnits(tx, e.subject, d.hostUnitId as string, d.invitedUnitIds as string[]);
      return;
    }
    case "meeting.updated":
      return applyMeetingUpdate(tx, e, at);
    case "meeting.cancelled":
      await tx.run(
        "UPDATE coord_meetings SET status = 'cancelled', cancel_reason = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?",
        [d.reason, at, e.subject],
      );
      return;
    case "meeting.attendance_confirmed":
      await tx.run(
        `INSERT INTO coord_attendance (meeting_id, unit_id, node, status, delegation, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (meeting_id, unit_id, node) DO UPDATE SET status = excluded.status, delegation = excluded.delegation,
           note = excluded.note, actor = excluded.actor, at = excluded.at`,
        [e.subject, d.unitId, e.origin, d.status, d.delegation, d.note, e.actor, at],
      );
      return;
    case "meeting.minutes_recorded": {
      const [row] = await tx.all<{ n: number }>("SELECT COUNT(*) AS n FROM coord_minutes WHERE meeting_id = ?", [e.subject]);
      await tx.run("INSERT INTO coord_minutes (meeting_id, version, text, actor, at) VALUES (?, ?, ?, ?, ?)", [
        e.subject,
        Number(row?.n ?? 0) + 1,
        d.text,
        e.actor,
        at,
      ]);
      await tx.run("UPDATE coord_meetings SET updated_at = ? WHERE id = ?", [at, e.subject]);
      return;
    }
    case "meeting.outcome_recorded": {
      const a = d.action as Record<string, string | null> | null;
      await tx.run(
        `INSERT INTO coord_outcomes (id, meeting_id, space, kind, text, agenda_item_id, owner_node, owner_unit_id, due_date, activity_id,
           operation_id, actor, at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          d.outcomeId,
          e.subject,
          e.space,
          d.kind,
          d.text,
          d.agendaItemId,
          a?.ownerNode ?? null,
          a?.ownerUnitId ?? null,
          a?.dueDate ?? null,
          a?.activityId ?? null,
          a?.operationId ?? null,
          e.actor,
          at,
          e.hlc,
        ],
      );
      return;
    }
    case "meeting_series.created":
      await tx.run(
        `INSERT INTO coord_series (id, space, owner, title, rrule, host_unit_id, time, occurrences, status, cancelled_from, cancel_reason,
           sequence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, NULL, 0, ?, ?)`,
        [e.subject, e.space, e.origin, d.title, d.rrule, d.hostUnitId, JSON.stringify(d.time), d.occurrences, at, at],
      );
      return;
    case "meeting_series.cancelled":
      await tx.run(
        "UPDATE coord_series SET status = 'cancelled', cancelled_from = ?, cancel_reason = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?",
        [d.from, d.reason, at, e.subject],
      );
      return;
    case "reminder.issued":
      await tx.run("INSERT INTO coord_reminders (key, meeting_id, minutes_before, remind_at, start_utc, at) VALUES (?, ?, ?, ?, ?, ?)", [
        e.subject,
        d.meetingId,
        d.minutesBefore,
        d.remindAt,
        d.startUtc,
        at,
      ]);
      return;
  }
}

async function applyMeetingUpdate(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as Data;
  const t = d.time as Record<string, string> | undefined;
  const cols: [string, unknown][] = [];
  if (d.title !== undefined) cols.push(["title", d.title]);
  if (d.description !== undefined) cols.push(["description", d.description]);
  if (d.invitedUnitIds !== undefined) cols.push(["invited", json(d.invitedUnitIds)]);
  if (d.agenda !== undefined) cols.push(["agenda", json(d.agenda)]);
  if (t)
    cols.push(["starts_at", t.startsAt], ["ends_at", t.endsAt], ["timezone", t.timezone], ["start_utc", t.startUtc], ["end_utc", t.endUtc]);
  if (d.place !== undefined) cols.push(["place", d.place]);
  if (d.sectorId !== undefined) cols.push(["sector_id", d.sectorId]);
  if (d.operationId !== undefined) cols.push(["operation_id", d.operationId]);
  if (d.reminders !== undefined) cols.push(["reminders", json(d.reminders)]);
  const set = cols.map(([c]) => `${c} = ?`).join(", ");
  await tx.run(`UPDATE coord_meetings SET ${set}${set ? ", " : ""}sequence = sequence + 1, updated_at = ? WHERE id = ?`, [
    ...cols.map(([, v]) => v),
    at,
    e.subject,
  ]);
  if (d.invitedUnitIds !== undefined) {
    const [row] = await tx.all<{ host_unit_id: string }>("SELECT host_unit_id FROM coord_meetings WHERE id = ?", [e.subject]);
    if (row) await setMeetingUnits(tx, e.subject, row.host_unit_id, d.invitedUnitIds as string[]);
  }
}
