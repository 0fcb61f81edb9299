import { z } from "zod";
import { nodeIdSchema } from "../log/envelope";
import { defineEvent } from "../log/registry";
import {
  attendanceStatusSchema,
  commanderSchema,
  contactSchema,
  dateSchema,
  echelonSchema,
  localDateTimeSchema,
  outcomeKindSchema,
  utcInstantSchema,
} from "./schema";
import { THREAT_EVENTS } from "./threat-events";

/**
 * Units and meetings. A unit is created and changed only by its own side; a meeting only by
 * its host's node. Each side confirms its own units' attendance (a member's own record);
 * minutes and outcomes are the host's. Reminders are the node's own national record that it
 * reminded its users, which also puts them on the node's event stream.
 */
const ids = z.array(z.uuid());

const unitFields = {
  name: z.string().min(1),
  code: z.string(),
  echelon: echelonSchema,
  description: z.string(),
  commander: commanderSchema,
  contacts: z.array(contactSchema),
  /** Sector ids of the border picture. */
  jurisdiction: ids,
  /** Units of the other side this unit works with. */
  counterparts: ids,
};

export const unitCreated = defineEvent({ type: "unit.created", v: 1, writer: "create", spaces: "any", data: z.strictObject(unitFields) });
export const unitUpdated = defineEvent({ type: "unit.updated", v: 1, writer: "owner", spaces: "any", data: z.strictObject(unitFields) });
export const unitRetired = defineEvent({
  type: "unit.retired",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ reason: z.string() }),
});
/** The operation a unit's meeting action items land in when no other is named. */
export const unitActionOperationSet = defineEvent({
  type: "unit.action_operation_set",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ operationId: z.uuid() }),
});

const agendaItem = z.strictObject({ id: z.uuid(), title: z.string().min(1), detail: z.string(), unitId: z.uuid().nullable() });
/** Local times with their zone, and the UTC instants they were read as when written. */
const timeFields = z.strictObject({
  startsAt: localDateTimeSchema,
  endsAt: localDateTimeSchema,
  timezone: z.string().min(1),
  startUtc: utcInstantSchema,
  endUtc: utcInstantSchema,
});
const reminders = z.array(z.number().int().min(0).max(10_080));

export const meetingScheduled = defineEvent({
  type: "meeting.scheduled",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    title: z.string().min(1),
    description: z.string(),
    hostUnitId: z.uuid(),
    invitedUnitIds: ids,
    agenda: z.array(agendaItem),
    time: timeFields,
    place: z.string(),
    sectorId: z.uuid().nullable(),
    operationId: z.uuid().nullable(),
    /** Minutes before the start at which each node reminds its users. */
    reminders,
    seriesId: z.uuid().nullable(),
    /** For an occurrence of a series: the UTC start the rule gave it (RFC 5545 RECURRENCE-ID). */
    recurrenceId: utcInstantSchema.nullable(),
  }),
});

export const meetingUpdated = defineEvent({
  type: "meeting.updated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    invitedUnitIds: ids.optional(),
    agenda: z.array(agendaItem).optional(),
    time: timeFields.optional(),
    place: z.string().optional(),
    sectorId: z.uuid().nullable().optional(),
    operationId: z.uuid().nullable().optional(),
    reminders: reminders.optional(),
    note: z.string(),
  }),
});

export const meetingCancelled = defineEvent({
  type: "meeting.cancelled",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ reason: z.string() }),
});

/** Each side confirms its own units: valid only for a unit its origin owns. */
export const meetingAttendanceConfirmed = defineEvent({
  type: "meeting.attendance_confirmed",
  v: 1,
  writer: "member",
  spaces: "any",
  data: z.strictObject({ unitId: z.uuid(), status: attendanceStatusSchema, delegation: z.string(), note: z.string() }),
});

export const meetingMinutesRecorded = defineEvent({
  type: "meeting.minutes_recorded",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ text: z.string().min(1) }),
});

export const meetingOutcomeRecorded = defineEvent({
  type: "meeting.outcome_recorded",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({
    outcomeId: z.uuid(),
    kind: outcomeKindSchema,
    text: z.string().min(1),
    agendaItemId: z.uuid().nullable(),
    /** Set for an action: who carries it out, by when, and the activity that tracks it. */
    action: z
      .strictObject({
        ownerNode: nodeIdSchema,
        ownerUnitId: z.uuid().nullable(),
        dueDate: dateSchema,
        activityId: z.uuid(),
        operationId: z.uuid(),
      })
      .nullable(),
  }),
});

export const meetingSeriesCreated = defineEvent({
  type: "meeting_series.created",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    title: z.string().min(1),
    /** The rule as given (normalised); its meetings are `meeting.scheduled` events naming the series. */
    rrule: z.string().min(1),
    hostUnitId: z.uuid(),
    time: timeFields,
    occurrences: z.number().int().min(1),
  }),
});

export const meetingSeriesCancelled = defineEvent({
  type: "meeting_series.cancelled",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ from: utcInstantSchema, reason: z.string() }),
});

/** The subject is `<meeting id>/<start>/<minutes before>`, so a reminder is issued once. */
export const reminderIssued = defineEvent({
  type: "reminder.issued",
  v: 1,
  writer: "create",
  spaces: "national",
  data: z.strictObject({
    meetingId: z.uuid(),
    minutesBefore: z.number().int().min(0),
    remindAt: utcInstantSchema,
    startUtc: utcInstantSchema,
    title: z.string(),
  }),
});

export const MEETING_EVENTS = [
  unitCreated,
  unitUpdated,
  unitRetired,
  unitActionOperationSet,
  meetingScheduled,
  meetingUpdated,
  meetingCancelled,
  meetingAttendanceConfirmed,
  meetingMinutesRecorded,
  meetingOutcomeRecorded,
  meetingSeriesCreated,
  meetingSeriesCancelled,
  reminderIssued,
];

/** Every coordination event type, for the node's registry. */
export const COORDINATION_EVENTS = [...MEETING_EVENTS, ...THREAT_EVENTS];
