import { z } from "zod";
import { nodeIdSchema, spaceIdSchema } from "../log/envelope";

/**
 * Commitments (agreements 1 and 5): ministerial meetings and joint statements, their
 * numbered agreements, the operations that serve them and the activities of each
 * operation, scored by implementation level and reported on by both sides.
 */
export const dateSchema = z.iso.date("a date as YYYY-MM-DD");

/** Implementation level (Kroc Institute Peace Accords Matrix): 0 not started … 3 complete. */
export const levelSchema = z.number().int().min(0).max(3);
export type Level = z.infer<typeof levelSchema>;

export const ACTIVITY_STATUSES = ["on_track", "at_risk", "late", "complete", "complete_late"] as const;
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const ministerialMeetingInput = z.strictObject({
  date: dateSchema,
  place: text(200),
  hostNode: nodeIdSchema,
  participants: z.array(text(200)).max(50).default([]),
  summary: z.string().trim().max(5000).optional(),
  space: spaceIdSchema.optional(),
});
export type MinisterialMeetingInput = z.infer<typeof ministerialMeetingInput>;

export const draftAgreementSchema = z.strictObject({ number: z.number().int().min(1).max(999), text: text(5000) });
export type DraftAgreement = z.infer<typeof draftAgreementSchema>;

export const statementInput = z
  .strictObject({
    date: dateSchema,
    title: text(300),
    text: z.string().max(200_000).default(""),
    language: z.enum(["es", "en"]).default("es"),
    meetingId: z.uuid().optional(),
    space: spaceIdSchema.optional(),
    agreements: z.array(draftAgreementSchema).min(1, "a statement needs at least one agreement").max(200),
  })
  .refine((s) => new Set(s.agreements.map((a) => a.number)).size === s.agreements.length, {
    message: "agreement numbers must be unique",
    path: ["agreements"],
  });
export type StatementInput = z.infer<typeof statementInput>;

export const parseStatementInput = z.strictObject({ text: z.string().min(1).max(200_000) });

export const operationInput = z.strictObject({
  name: text(300),
  description: z.string().trim().max(10_000).default(""),
  agreementIds: z.array(z.uuid()).max(100).default([]),
  space: spaceIdSchema.optional(),
});
export type OperationInput = z.infer<typeof operationInput>;

export const milestoneSchema = z.strictObject({ title: text(300), dueDate: dateSchema, doneOn: dateSchema.nullable().default(null) });

export const activityInput = z
  .strictObject({
    operationId: z.uuid(),
    number: z.number().int().min(1).max(9999).optional(),
    title: text(300),
    description: z.string().trim().max(10_000).default(""),
    responsibleUnit: text(200),
    dueDate: dateSchema,
    startDate: dateSchema.optional(),
    milestones: z.array(milestoneSchema).max(50).default([]),
    weight: z.number().positive().max(100).default(1),
  })
  .refine((a) => !a.startDate || a.startDate <= a.dueDate, { message: "the start date is after the due date", path: ["startDate"] });
export type ActivityInput = z.infer<typeof activityInput>;

export const activityPatch = z
  .strictObject({
    level: levelSchema.optional(),
    dueDate: dateSchema.optional(),
    status: z.enum(["at_risk", "on_track"]).optional(),
    title: text(300).optional(),
    responsibleUnit: text(200).optional(),
    milestones: z.array(milestoneSchema).max(50).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((p) => Object.keys(p).some((k) => k !== "note"), { message: "nothing to change" });
export type ActivityPatch = z.infer<typeof activityPatch>;

/** Evidence travels inside the report event, so both sides hold the same bytes. */
export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024;
export const EVIDENCE_TYPES = ["application/pdf", "image/png", "image/jpeg", "text/plain"] as const;

export const evidenceInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(
      (n) => !/[/\\]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 32),
      "a file name without path separators or control characters",
    ),
  type: z.enum(EVIDENCE_TYPES, { message: `one of ${EVIDENCE_TYPES.join(", ")}` }),
  contentBase64: z
    .base64()
    .min(4, "an empty file")
    .max(Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 4, "at most 2 MB"),
});

export const reportInput = z.strictObject({
  date: dateSchema,
  proposedLevel: levelSchema,
  narrative: z.string().trim().min(1).max(20_000),
  evidence: z.array(evidenceInput).max(5).default([]),
});
export type ReportInput = z.infer<typeof reportInput>;

export const evidenceRef = z.strictObject({
  name: z.string(),
  type: z.enum(EVIDENCE_TYPES),
  size: z.number().int().min(0).max(MAX_EVIDENCE_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
