import { z } from "zod";
import { ACTIVITY_STATUSES } from "../commitments/schema";
import {
  ATTENDANCE_STATUSES,
  CONTACT_CHANNELS,
  CRIME_ACTIVITIES,
  confidenceSchema,
  ECHELONS,
  OUTCOME_KINDS,
  PRECEDENCES,
  RISK_CATEGORIES,
  RISK_STATUSES,
  TLP_LEVELS,
} from "./schema";

/**
 * What the coordination API answers, shared by the server (response schemas, OpenAPI), the
 * console and the STIX/TAXII exporters. Instants are ISO 8601 UTC with milliseconds;
 * `createdAt`/`updatedAt` come from the events' clocks, so both nodes show the same values.
 */
const LEVELS = ["low", "medium", "high", "critical"] as const;

/** A page of a list: `next` is the opaque cursor of the following page, or null at the end. */
export const pageView = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

/** A sector of the border picture by id; code and name when this node holds the sector. */
export const sectorRefView = z.object({ id: z.string(), code: z.string().nullable(), name: z.string().nullable() });
export type SectorRefView = z.infer<typeof sectorRefView>;

/** A unit by id; its name and node when known here. */
export const unitRefView = z.object({ id: z.string(), name: z.string().nullable(), node: z.string().nullable() });
export type UnitRefView = z.infer<typeof unitRefView>;

export const unitView = z.object({
  id: z.string(),
  space: z.string(),
  /** The side the unit belongs to (the node that created it). */
  ownerNode: z.string(),
  name: z.string(),
  code: z.string(),
  echelon: z.enum(ECHELONS),
  description: z.string(),
  commander: z.object({ post: z.string(), username: z.string().nullable() }),
  contacts: z.array(z.object({ channel: z.enum(CONTACT_CHANNELS), value: z.string(), label: z.string() })),
  jurisdiction: z.array(sectorRefView),
  /** Counterparts this unit names; `mutual` when the other unit names it back. */
  counterparts: z.array(unitRefView.extend({ mutual: z.boolean() })),
  actionOperationId: z.string().nullable(),
  retired: z.boolean(),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnitView = z.infer<typeof unitView>;

export const agendaItemView = z.object({ id: z.string(), title: z.string(), detail: z.string(), unitId: z.string().nullable() });

/** One per unit of the meeting: its own side's latest confirmation, or `none` yet. */
export const attendanceView = z.object({
  unit: unitRefView,
  role: z.enum(["host", "invited"]),
  status: z.enum([...ATTENDANCE_STATUSES, "none"]),
  delegation: z.string(),
  note: z.string(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});

export const meetingView = z.object({
  id: z.string(),
  space: z.string(),
  /** The host's node: the only one that changes the meeting, writes minutes and outcomes. */
  ownerNode: z.string(),
  title: z.string(),
  description: z.string(),
  hostUnit: unitRefView,
  invitedUnits: z.array(unitRefView),
  agenda: z.array(agendaItemView),
  /** Local wall-clock times in `timezone`, and the instants they are. */
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  startUtc: z.string(),
  endUtc: z.string(),
  place: z.string(),
  sector: sectorRefView.nullable(),
  operationId: z.string().nullable(),
  reminders: z.array(z.number()),
  seriesId: z.string().nullable(),
  recurrenceId: z.string().nullable(),
  status: z.enum(["scheduled", "cancelled"]),
  cancelReason: z.string().nullable(),
  /** Bumped by every change and by the cancellation (iCalendar SEQUENCE). */
  sequence: z.number(),
  attendance: z.array(attendanceView),
  hasMinutes: z.boolean(),
  outcomeCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const minutesView = z.object({ version: z.number(), text: z.string(), recordedBy: z.string(), recordedAt: z.string() });

export const outcomeView = z.object({
  id: z.string(),
  meetingId: z.string(),
  kind: z.enum(OUTCOME_KINDS),
  text: z.string(),
  agendaItemId: z.string().nullable(),
  action: z
    .object({
      ownerNode: z.string(),
      ownerUnit: unitRefView.nullable(),
      dueDate: z.string(),
      activityId: z.string(),
      operationId: z.string(),
      /** The activity as the commitments capability tracks it, when held here. */
      activity: z.object({ title: z.string(), level: z.number(), status: z.enum(ACTIVITY_STATUSES) }).nullable(),
    })
    .nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type OutcomeView = z.infer<typeof outcomeView>;

export const meetingDetailView = meetingView.extend({
  /** The latest minutes, and every earlier version. */
  minutes: minutesView.nullable(),
  minutesHistory: z.array(minutesView),
  outcomes: z.array(outcomeView),
});
export type MeetingDetailView = z.infer<typeof meetingDetailView>;

export const seriesView = z.object({
  id: z.string(),
  space: z.string(),
  ownerNode: z.string(),
  title: z.string(),
  rrule: z.string(),
  hostUnit: unitRefView,
  timezone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["active", "cancelled"]),
  cancelledFrom: z.string().nullable(),
  meetings: z.array(z.object({ id: z.string(), startUtc: z.string(), status: z.enum(["scheduled", "cancelled"]) })),
  sequence: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SeriesView = z.infer<typeof seriesView>;

export const reminderView = z.object({
  /** Stable per meeting, start and offset: the subject of its `reminder.issued` event. */
  key: z.string(),
  meetingId: z.string(),
  title: z.string(),
  hostUnit: unitRefView,
  startUtc: z.string(),
  startsAt: z.string(),
  timezone: z.string(),
  minutesBefore: z.number(),
  remindAt: z.string(),
  /** Whether this node has already pushed it to its users' event stream. */
  issued: z.boolean(),
});
export type ReminderView = z.infer<typeof reminderView>;

export const threatActorView = z.object({
  id: z.string(),
  space: z.string(),
  ownerNode: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  activities: z.array(z.enum(CRIME_ACTIVITIES)),
  description: z.string(),
  areas: z.array(sectorRefView),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  tlp: z.enum(TLP_LEVELS),
  /** The highest level among current assessments of the group, by either side. */
  assessedLevel: z.enum(LEVELS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ThreatActorView = z.infer<typeof threatActorView>;

export const riskFactorView = z.object({
  id: z.string(),
  space: z.string(),
  ownerNode: z.string(),
  sector: sectorRefView,
  category: z.enum(RISK_CATEGORIES),
  title: z.string(),
  description: z.string(),
  level: z.enum(LEVELS),
  status: z.enum(RISK_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RiskFactorView = z.infer<typeof riskFactorView>;

export const assessmentRevisionView = z.object({
  revision: z.number(),
  level: z.enum(LEVELS),
  confidence: confidenceSchema,
  summary: z.string(),
  body: z.string(),
  note: z.string(),
  by: z.string(),
  at: z.string(),
});

export const assessmentView = z.object({
  id: z.string(),
  space: z.string(),
  ownerNode: z.string(),
  threatActor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  sector: sectorRefView.nullable(),
  level: z.enum(LEVELS),
  confidence: confidenceSchema,
  summary: z.string(),
  body: z.string(),
  tlp: z.enum(TLP_LEVELS),
  status: z.enum(["current", "withdrawn"]),
  withdrawnReason: z.string().nullable(),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssessmentView = z.infer<typeof assessmentView>;
export const assessmentDetailView = assessmentView.extend({ history: z.array(assessmentRevisionView) });

/** What a citation (e.g. in a sector level proposal) points at, or `found: false`. */
export const citationView = z.object({
  id: z.string(),
  found: z.boolean(),
  kind: z.enum(["threat_assessment", "risk_factor", "intel_report"]).nullable(),
  title: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
  confidence: confidenceSchema.nullable(),
  sectorId: z.string().nullable(),
  threatActorId: z.string().nullable(),
  ownerNode: z.string().nullable(),
  space: z.string().nullable(),
  status: z.string().nullable(),
  /** The API path that shows it. */
  href: z.string().nullable(),
});
export type CitationView = z.infer<typeof citationView>;

/** The register of one sector: its risk factors, current assessments and the groups active there. */
export const sectorRiskView = z.object({
  sector: sectorRefView,
  /** The highest level among active risk factors and current assessments. */
  level: z.enum(LEVELS).nullable(),
  riskFactors: z.array(riskFactorView),
  assessments: z.array(assessmentView),
  threatActors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SectorRiskView = z.infer<typeof sectorRiskView>;

export const intelLinksView = z.object({
  threatActorIds: z.array(z.string()),
  sectorIds: z.array(z.string()),
  crossingIds: z.array(z.string()),
  incidentIds: z.array(z.string()),
});

export const intelReportView = z.object({
  id: z.string(),
  space: z.string(),
  /** The node that wrote this object. */
  ownerNode: z.string(),
  /** The node whose material it is (differs from the owner on a copy passed on with consent). */
  originatorNode: z.string(),
  originator: z.string(),
  summary: z.string(),
  body: z.string(),
  tlp: z.enum(TLP_LEVELS),
  confidence: confidenceSchema,
  links: intelLinksView,
  threatActors: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  sectors: z.array(sectorRefView),
  status: z.enum(["active", "withdrawn"]),
  withdrawnReason: z.string().nullable(),
  derivedFrom: z.object({ space: z.string(), id: z.string() }).nullable(),
  /** Copies made from this report, as far as this node knows. */
  releasedAs: z.array(
    z.object({ space: z.string(), id: z.string(), kind: z.enum(["release", "rerelease"]), node: z.string(), at: z.string() }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IntelReportView = z.infer<typeof intelReportView>;

export const consentRequestView = z.object({
  id: z.string(),
  reportId: z.string(),
  requesterNode: z.string(),
  targetSpace: z.string(),
  purpose: z.string(),
  /** `used` once the grant has served its one re-release. */
  state: z.enum(["pending", "granted", "refused", "used"]),
  requestedBy: z.string(),
  requestedAt: z.string(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  note: z.string().nullable(),
  copyId: z.string().nullable(),
});
export type ConsentRequestView = z.infer<typeof consentRequestView>;

export const intelReportDetailView = intelReportView.extend({ consentRequests: z.array(consentRequestView) });
export type IntelReportDetailView = z.infer<typeof intelReportDetailView>;

export const rfiReplyView = z.object({
  id: z.string(),
  node: z.string(),
  actor: z.string(),
  text: z.string(),
  reports: z.array(z.object({ id: z.string(), summary: z.string().nullable() })),
  at: z.string(),
});

export const rfiView = z.object({
  id: z.string(),
  space: z.string(),
  ownerNode: z.string(),
  question: z.string(),
  context: z.string(),
  precedence: z.enum(PRECEDENCES),
  dueDate: z.string().nullable(),
  addressedTo: z.array(z.string()),
  sectorIds: z.array(z.string()),
  threatActorIds: z.array(z.string()),
  status: z.enum(["open", "closed"]),
  closeReason: z.string().nullable(),
  replyCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RfiView = z.infer<typeof rfiView>;
export const rfiDetailView = rfiView.extend({ replies: z.array(rfiReplyView) });
export type RfiDetailView = z.infer<typeof rfiDetailView>;
