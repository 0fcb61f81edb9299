import { z } from "zod";
import { confidenceSchema, SECTOR_LEVELS } from "../border/schema";
import { nodeIdSchema, spaceIdSchema } from "../log/envelope";

/**
 * Regional coordination (agreement 4): the regional units of each side, their meetings,
 * the threat and risk register and intelligence reports. These are the value schemas both
 * the events and the inputs use; inputs live beside each concern (`*-input.ts`).
 */
export { confidenceSchema, nodeIdSchema, spaceIdSchema };

/** Free text, trimmed, between 1 and `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional longer text that may be empty. */
export const longText = (max: number) => z.string().trim().max(max);

export const dateSchema = z.iso.date("a date as YYYY-MM-DD");
export const idSchema = z.uuid();
/** A list of distinct ids, at most `max`. */
export const idList = (max: number) =>
  z
    .array(idSchema)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, "the same id is given twice");

/** TLP 2.0 (FIRST), from the least to the most restrictive. */
export const TLP_LEVELS = ["clear", "green", "amber", "amber+strict", "red"] as const;
export const tlpSchema = z.enum(TLP_LEVELS);
export type Tlp = z.infer<typeof tlpSchema>;
/** Whether `a` restricts sharing at least as much as `b`. */
export const tlpAtLeast = (a: Tlp, b: Tlp) => TLP_LEVELS.indexOf(a) >= TLP_LEVELS.indexOf(b);

/** The level of a threat, risk factor or assessment, on the sector scale. */
export const threatLevelSchema = z.enum(SECTOR_LEVELS);

/** Echelon of a regional unit. */
export const ECHELONS = ["command", "division", "brigade", "battalion", "other"] as const;
export const echelonSchema = z.enum(ECHELONS);

/** How a unit is reached: channels of the unit, never a person's private details. */
export const CONTACT_CHANNELS = ["enlace", "radio", "phone", "email", "other"] as const;
export const contactSchema = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  /** A call sign, a unit switchboard, a functional mailbox. */
  value: text(200),
  label: longText(200).default(""),
});
export type Contact = z.infer<typeof contactSchema>;

/** The commander as a post; a system username at most, never a private identity. */
export const commanderSchema = z.strictObject({
  post: text(200),
  username: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{1,31}$/, "a username of the system")
    .nullable()
    .default(null),
});
export type Commander = z.infer<typeof commanderSchema>;

export const ATTENDANCE_STATUSES = ["attending", "tentative", "declined"] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);

/** Meeting outcomes (OpenProject): information, decision, or an action that becomes an activity. */
export const OUTCOME_KINDS = ["information", "decision", "action"] as const;
export const outcomeKindSchema = z.enum(OUTCOME_KINDS);

/** What organised-crime groups are known to do (the vocabulary of the incident types, widened). */
export const CRIME_ACTIVITIES = [
  "smuggling_fuel",
  "smuggling_food",
  "smuggling_livestock",
  "smuggling_minerals",
  "drug_trafficking",
  "arms_trafficking",
  "human_trafficking",
  "migrant_smuggling",
  "illegal_mining",
  "extortion",
  "kidnapping",
  "money_laundering",
  "other",
] as const;
export const crimeActivitySchema = z.enum(CRIME_ACTIVITIES);

export const RISK_CATEGORIES = [
  "informal_crossings",
  "armed_groups",
  "illicit_economy",
  "terrain",
  "infrastructure",
  "social",
  "environmental",
  "other",
] as const;
export const riskCategorySchema = z.enum(RISK_CATEGORIES);
export const RISK_STATUSES = ["active", "mitigated", "retired"] as const;
export const riskStatusSchema = z.enum(RISK_STATUSES);

/** Precedence of a request for information (ACP 121). */
export const PRECEDENCES = ["flash", "immediate", "priority", "routine"] as const;
export const precedenceSchema = z.enum(PRECEDENCES);

/** Links from a report to groups and to border objects, by id. */
export const linksSchema = z.strictObject({
  threatActorIds: idList(100).default([]),
  sectorIds: idList(100).default([]),
  crossingIds: idList(100).default([]),
  incidentIds: idList(100).default([]),
});
export type Links = z.infer<typeof linksSchema>;
export const EMPTY_LINKS: Links = { threatActorIds: [], sectorIds: [], crossingIds: [], incidentIds: [] };

/** A local wall-clock time (no offset): the meeting's timezone says where it is read. */
export const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
export const localDateTimeSchema = z
  .string()
  .regex(LOCAL_DATETIME, "a local date and time as YYYY-MM-DDTHH:mm, without offset")
  .refine((s) => {
    const m = LOCAL_DATETIME.exec(s);
    if (!m) return false;
    const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    const t = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && sec < 60;
  }, "not a real date and time");

/** An instant in UTC with milliseconds, as events store it. */
export const utcInstantSchema = z.iso.datetime({ message: "an instant in UTC (…Z)" });
