import { z } from "zod";
import { nodeIdSchema, spaceIdSchema } from "../log/envelope";
import { rruleSchema } from "./rrule";
import {
  attendanceStatusSchema,
  commanderSchema,
  contactSchema,
  dateSchema,
  echelonSchema,
  idList,
  localDateTimeSchema,
  longText,
  outcomeKindSchema,
  text,
} from "./schema";
import { isTimeZone, localMinutes, timeZoneSchema, zonedToUtc } from "./time";

/**
 * What the API, the console and the CLI accept for units and meetings: one schema each,
 * used for validation, forms and the OpenAPI document.
 */
const unitFields = {
  name: text(200),
  code: longText(40).default(""),
  echelon: echelonSchema.default("other"),
  description: longText(5000).default(""),
  commander: commanderSchema,
  contacts: z.array(contactSchema).max(20).default([]),
  jurisdiction: idList(100).default([]),
  counterparts: idList(50).default([]),
};
export const unitInput = z.strictObject({ ...unitFields, space: spaceIdSchema.optional() });
export type UnitInput = z.infer<typeof unitInput>;

const somethingToChange = (p: Record<string, unknown>) => Object.entries(p).some(([k, v]) => k !== "note" && v !== undefined);

export const unitPatch = z
  .strictObject({
    name: unitFields.name.optional(),
    code: longText(40).optional(),
    echelon: echelonSchema.optional(),
    description: longText(5000).optional(),
    commander: commanderSchema.optional(),
    contacts: z.array(contactSchema).max(20).optional(),
    jurisdiction: idList(100).optional(),
    counterparts: idList(50).optional(),
  })
  .refine(somethingToChange, { message: "nothing to change" });
export type UnitPatch = z.infer<typeof unitPatch>;

export const reasonInput = z.strictObject({ reason: longText(2000).default("") });

export const agendaItemInput = z.strictObject({
  /** An existing item keeps its id when the agenda is changed. */
  id: z.uuid().optional(),
  title: text(300),
  detail: longText(5000).default(""),
  unitId: z.uuid().nullable().default(null),
});
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

const MAX_MEETING_MINUTES = 7 * 24 * 60;
const remindersSchema = z
  .array(z.number().int().min(0).max(10_080, "at most a week (10080 minutes) before"))
  .max(5)
  .refine((r) => new Set(r).size === r.length, "the same reminder is given twice");

const meetingFields = {
  title: text(300),
  description: longText(10_000).default(""),
  hostUnitId: z.uuid(),
  invitedUnitIds: idList(50).min(1, "invite at least one unit"),
  agenda: z.array(agendaItemInput).max(50).default([]),
  startsAt: localDateTimeSchema,
  endsAt: localDateTimeSchema,
  timezone: timeZoneSchema,
  place: longText(300).default(""),
  sectorId: z.uuid().nullable().default(null),
  operationId: z.uuid().nullable().default(null),
  reminders: remindersSchema.default([1440, 60]),
};

/** Start before end, a week at most, and a start that exists on the zone's clock. */
function checkTimes(m: { startsAt?: string; endsAt?: string; timezone?: string }, ctx: z.RefinementCtx): void {
  // Refinements run even when a field failed its own check: only well-formed values are compared.
  const local = (v?: string): v is string => v !== undefined && localDateTimeSchema.safeParse(v).success;
  if (!local(m.startsAt) || !local(m.endsAt) || !m.timezone || !isTimeZone(m.timezone)) return;
  const minutes = localMinutes(m.startsAt, m.endsAt);
  if (minutes <= 0) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "the meeting ends before it starts" });
  else if (minutes > MAX_MEETING_MINUTES) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "a meeting lasts a week at most" });
  if (zonedToUtc(m.startsAt, m.timezone) === undefined) {
    ctx.addIssue({ code: "custom", path: ["startsAt"], message: `this time does not exist in ${m.timezone} (the clocks change)` });
  }
}

export const meetingInput = z.strictObject({ ...meetingFields, space: spaceIdSchema.optional() }).superRefine(checkTimes);
export type MeetingInput = z.infer<typeof meetingInput>;

/** A series: the meeting as a template and its recurrence (FREQ=WEEKLY|MONTHLY, INTERVAL, COUNT|UNTIL). */
export const seriesInput = z
  .strictObject({ ...meetingFields, rrule: rruleSchema, space: spaceIdSchema.optional() })
  .superRefine(checkTimes);
export type SeriesInput = z.infer<typeof seriesInput>;

export const meetingPatch = z
  .strictObject({
    title: meetingFields.title.optional(),
    description: longText(10_000).optional(),
    invitedUnitIds: meetingFields.invitedUnitIds.optional(),
    agenda: z.array(agendaItemInput).max(50).optional(),
    startsAt: localDateTimeSchema.optional(),
    endsAt: localDateTimeSchema.optional(),
    timezone: timeZoneSchema.optional(),
    place: longText(300).optional(),
    sectorId: z.uuid().nullable().optional(),
    operationId: z.uuid().nullable().optional(),
    reminders: remindersSchema.optional(),
    note: longText(2000).default(""),
  })
  .refine(somethingToChange, { message: "nothing to change" });
export type MeetingPatch = z.infer<typeof meetingPatch>;

export const attendanceInput = z.strictObject({
  unitId: z.uuid(),
  status: attendanceStatusSchema.default("attending"),
  /** Posts and numbers, e.g. "Jefe de Estado Mayor y dos oficiales". */
  delegation: longText(500).default(""),
  note: longText(2000).default(""),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const minutesInput = z.strictObject({ text: text(100_000) });

export const actionInput = z
  .strictObject({
    dueDate: dateSchema,
    /** The unit that carries it out (its node follows), or just a node. */
    unitId: z.uuid().optional(),
    node: nodeIdSchema.optional(),
    /** The operation the activity joins; by default the meeting's, else the host unit's coordination operation. */
    operationId: z.uuid().optional(),
    /** The activity's title, when the outcome's text is too long for one. */
    title: text(300).optional(),
  })
  .refine((a) => a.unitId !== undefined || a.node !== undefined, {
    message: "name the unit or the node that owns the action",
    path: ["unitId"],
  });

export const outcomeInput = z
  .strictObject({
    kind: outcomeKindSchema,
    text: text(5000),
    agendaItemId: z.uuid().optional(),
    action: actionInput.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.kind === "action" && !o.action)
      ctx.addIssue({ code: "custom", path: ["action"], message: "an action needs its owner and due date" });
    if (o.kind !== "action" && o.action) ctx.addIssue({ code: "custom", path: ["action"], message: `a ${o.kind} outcome has no action` });
  });
export type OutcomeInput = z.infer<typeof outcomeInput>;

/** `true`/`false` in a query string. */
export const queryBool = z.enum(["true", "false"]).transform((v) => v === "true");
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,300}$/)
    .optional(),
};

export const unitListQuery = z.strictObject({
  node: nodeIdSchema.optional(),
  sectorId: z.uuid().optional(),
  includeRetired: queryBool.default(false),
  ...pageQuery,
});

export const meetingListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  seriesId: z.uuid().optional(),
  status: z.enum(["scheduled", "cancelled"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ...pageQuery,
});

export const reminderQuery = z.strictObject({ at: z.iso.datetime({ offset: true }).optional(), unitId: z.uuid().optional() });
export const calendarQuery = z.strictObject({ lang: z.enum(["es", "en"]).default("es") });
/** A unit's feed: by the caller's credentials, or by a subscription link's `feed` proof. */
export const unitCalendarQuery = calendarQuery.extend({ feed: z.string().min(1).max(200).optional() });
