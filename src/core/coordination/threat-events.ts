import { z } from "zod";
import { confidenceSchema, derivedFromSchema } from "../border/schema";
import { nodeIdSchema, spaceIdSchema } from "../log/envelope";
import { defineEvent } from "../log/registry";
import {
  crimeActivitySchema,
  dateSchema,
  precedenceSchema,
  riskCategorySchema,
  riskStatusSchema,
  threatLevelSchema,
  tlpSchema,
} from "./schema";

/**
 * The threat and risk register and intelligence. Groups, risk factors, assessments, reports
 * and requests for information are each owned by the node that wrote them. Intelligence is
 * written nationally; a release is a new shared copy that names its source (`derivedFrom`).
 * Passing the other side's material on needs its originator's consent: the request and the
 * answer are each side's own record about the report, in the report's space.
 */
const ids = z.array(z.uuid());

const threatActorFields = {
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  activities: z.array(crimeActivitySchema),
  description: z.string(),
  /** Sector ids where the group operates. */
  areas: ids,
  firstSeen: dateSchema.nullable(),
  lastSeen: dateSchema.nullable(),
  tlp: tlpSchema,
};
export const threatActorRecorded = defineEvent({
  type: "threat_actor.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject(threatActorFields),
});
export const threatActorUpdated = defineEvent({
  type: "threat_actor.updated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ ...threatActorFields, note: z.string() }),
});

const riskFields = {
  category: riskCategorySchema,
  title: z.string().min(1),
  description: z.string(),
  level: threatLevelSchema,
  status: riskStatusSchema,
};
export const riskFactorRecorded = defineEvent({
  type: "risk_factor.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({ sectorId: z.uuid(), ...riskFields }),
});
export const riskFactorUpdated = defineEvent({
  type: "risk_factor.updated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ ...riskFields, note: z.string() }),
});

const assessmentFields = { level: threatLevelSchema, confidence: confidenceSchema, summary: z.string().min(1), body: z.string() };
/** An assessment of a group, of a sector, or of a group in a sector. */
export const threatAssessmentRecorded = defineEvent({
  type: "threat_assessment.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({ threatActorId: z.uuid().nullable(), sectorId: z.uuid().nullable(), tlp: tlpSchema, ...assessmentFields }),
});
/** A revision keeps the earlier wording in the assessment's history. */
export const threatAssessmentRevised = defineEvent({
  type: "threat_assessment.revised",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ ...assessmentFields, note: z.string() }),
});
export const threatAssessmentWithdrawn = defineEvent({
  type: "threat_assessment.withdrawn",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ reason: z.string() }),
});

const links = z.strictObject({ threatActorIds: ids, sectorIds: ids, crossingIds: ids, incidentIds: ids });

export const intelReportWritten = defineEvent({
  type: "intel_report.written",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    summary: z.string().min(1),
    body: z.string(),
    tlp: tlpSchema,
    confidence: confidenceSchema,
    links,
    /** The unit or post that produced it, never a private person. */
    originator: z.string(),
    /** The node whose material this is; a copy passed on by another node keeps it. */
    originatorNode: nodeIdSchema,
    derivedFrom: derivedFromSchema.nullable(),
  }),
});

export const intelReportWithdrawn = defineEvent({
  type: "intel_report.withdrawn",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ reason: z.string() }),
});

/** Recorded nationally when a national report is released as a shared copy. */
export const intelReportReleased = defineEvent({
  type: "intel_report.released",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({ space: spaceIdSchema, copyId: z.uuid() }),
});

/** Recorded in a shared report's space when a member passes it on into another space. */
export const intelReportRereleased = defineEvent({
  type: "intel_report.rereleased",
  v: 1,
  writer: "member",
  spaces: "shared",
  data: z.strictObject({ copySpace: spaceIdSchema, copyId: z.uuid(), consentRequestId: z.uuid().nullable() }),
});

export const intelConsentRequested = defineEvent({
  type: "intel_report.consent_requested",
  v: 1,
  writer: "member",
  spaces: "shared",
  data: z.strictObject({ requestId: z.uuid(), targetSpace: spaceIdSchema, purpose: z.string() }),
});

/** Counts only when written by the report's originator node (checked where it is projected). */
export const intelConsentAnswered = defineEvent({
  type: "intel_report.consent_answered",
  v: 1,
  writer: "member",
  spaces: "shared",
  data: z.strictObject({ requestId: z.uuid(), granted: z.boolean(), note: z.string() }),
});

export const rfiRequested = defineEvent({
  type: "rfi.requested",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    question: z.string().min(1),
    context: z.string(),
    precedence: precedenceSchema,
    dueDate: dateSchema.nullable(),
    addressedTo: z.array(nodeIdSchema),
    sectorIds: ids,
    threatActorIds: ids,
  }),
});

/** Any member answers, linking reports of the same space. */
export const rfiReplied = defineEvent({
  type: "rfi.replied",
  v: 1,
  writer: "member",
  spaces: "any",
  data: z.strictObject({ replyId: z.uuid(), text: z.string().min(1), reportIds: ids }),
});

export const rfiClosed = defineEvent({
  type: "rfi.closed",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ reason: z.string() }),
});

export const THREAT_EVENTS = [
  threatActorRecorded,
  threatActorUpdated,
  riskFactorRecorded,
  riskFactorUpdated,
  threatAssessmentRecorded,
  threatAssessmentRevised,
  threatAssessmentWithdrawn,
  intelReportWritten,
  intelReportWithdrawn,
  intelReportReleased,
  intelReportRereleased,
  intelConsentRequested,
  intelConsentAnswered,
  rfiRequested,
  rfiReplied,
  rfiClosed,
];
