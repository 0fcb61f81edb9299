import { z } from "zod";
import { sha256Hex } from "../log/crypto";
import { nodeIdSchema } from "../log/envelope";
import { defineEvent } from "../log/registry";
import { dateSchema, EVIDENCE_TYPES, levelSchema, MAX_EVIDENCE_BYTES, milestoneSchema } from "./schema";

/**
 * Commitment events. Statements, agreements, operations and activities are created by one
 * node and changed only by it; progress reports are each member's own record about an
 * activity. All may live in a shared space (binational by default) or the national one.
 */
export const ministerialRecorded = defineEvent({
  type: "ministerial.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    date: dateSchema,
    place: z.string(),
    hostNode: nodeIdSchema,
    participants: z.array(z.string()),
    summary: z.string(),
  }),
});

export const statementRecorded = defineEvent({
  type: "statement.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    date: dateSchema,
    title: z.string().min(1),
    text: z.string(),
    language: z.enum(["es", "en"]),
    meetingId: z.string().nullable(),
  }),
});

export const agreementRecorded = defineEvent({
  type: "agreement.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({ statementId: z.string(), number: z.number().int().min(1), text: z.string().min(1) }),
});

export const operationCreated = defineEvent({
  type: "operation.created",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({ name: z.string().min(1), description: z.string(), agreementIds: z.array(z.string()) }),
});

const milestones = z.array(milestoneSchema);

export const activityCreated = defineEvent({
  type: "activity.created",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    operationId: z.string(),
    number: z.number().int().nullable(),
    title: z.string().min(1),
    description: z.string(),
    responsibleUnit: z.string(),
    dueDate: dateSchema,
    startDate: dateSchema.nullable(),
    milestones,
    weight: z.number().positive(),
  }),
});

export const activityUpdated = defineEvent({
  type: "activity.updated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({
    title: z.string().min(1).optional(),
    responsibleUnit: z.string().optional(),
    dueDate: dateSchema.optional(),
    milestones: milestones.optional(),
    note: z.string().nullable(),
  }),
});

export const activityLevelSet = defineEvent({
  type: "activity.level_set",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ level: levelSchema, on: dateSchema, note: z.string().nullable() }),
});

export const activityFlagged = defineEvent({
  type: "activity.flagged",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ atRisk: z.boolean(), note: z.string().nullable() }),
});

/** Evidence carries its bytes (base64), checked against its declared size and hash. */
const evidence = z
  .strictObject({
    name: z.string().min(1).max(200),
    type: z.enum(EVIDENCE_TYPES),
    size: z.number().int().min(0).max(MAX_EVIDENCE_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    content: z.base64(),
  })
  .refine((e) => {
    const bytes = Buffer.from(e.content, "base64");
    return bytes.length === e.size && sha256Hex(bytes) === e.sha256;
  }, "evidence content does not match its size and hash");

export const activityReportPosted = defineEvent({
  type: "activity.report_posted",
  v: 1,
  writer: "member",
  spaces: "any",
  data: z.strictObject({
    reportId: z.string(),
    date: dateSchema,
    proposedLevel: levelSchema,
    narrative: z.string().min(1),
    evidence: z.array(evidence).max(5),
  }),
});

export const COMMITMENT_EVENTS = [
  ministerialRecorded,
  statementRecorded,
  agreementRecorded,
  operationCreated,
  activityCreated,
  activityUpdated,
  activityLevelSet,
  activityFlagged,
  activityReportPosted,
];
