import { z } from "zod";
import { confidenceSchema } from "../border/schema";
import { nodeIdSchema, spaceIdSchema } from "../log/envelope";
import { pageQuery } from "./inputs";
import {
  crimeActivitySchema,
  dateSchema,
  EMPTY_LINKS,
  idList,
  linksSchema,
  longText,
  precedenceSchema,
  riskCategorySchema,
  riskStatusSchema,
  text,
  threatLevelSchema,
  tlpSchema,
} from "./schema";

/** What the API accepts for the threat and risk register, intelligence reports and RFIs. */
const seenInOrder = (t: { firstSeen?: string | null; lastSeen?: string | null }) =>
  !t.firstSeen || !t.lastSeen || t.firstSeen <= t.lastSeen;
const seenMessage = { message: "last seen is before first seen", path: ["lastSeen"] };
const changes = (p: Record<string, unknown>) => Object.entries(p).some(([k, v]) => k !== "note" && v !== undefined);
const nothing = { message: "nothing to change" };

const actorFields = {
  name: text(200),
  aliases: z
    .array(text(200))
    .max(20)
    .refine((a) => new Set(a).size === a.length, "the same alias is given twice"),
  activities: z
    .array(crimeActivitySchema)
    .max(13)
    .refine((a) => new Set(a).size === a.length, "the same activity is given twice"),
  description: longText(10_000),
  areas: idList(100),
  firstSeen: dateSchema.nullable(),
  lastSeen: dateSchema.nullable(),
  tlp: tlpSchema,
};

export const threatActorInput = z
  .strictObject({
    ...actorFields,
    aliases: actorFields.aliases.default([]),
    activities: actorFields.activities.default([]),
    description: actorFields.description.default(""),
    areas: actorFields.areas.default([]),
    firstSeen: actorFields.firstSeen.default(null),
    lastSeen: actorFields.lastSeen.default(null),
    tlp: tlpSchema.default("amber"),
    space: spaceIdSchema.optional(),
  })
  .refine(seenInOrder, seenMessage);
export type ThreatActorInput = z.infer<typeof threatActorInput>;

export const threatActorPatch = z
  .strictObject({
    name: actorFields.name.optional(),
    aliases: actorFields.aliases.optional(),
    activities: actorFields.activities.optional(),
    description: actorFields.description.optional(),
    areas: actorFields.areas.optional(),
    firstSeen: actorFields.firstSeen.optional(),
    lastSeen: actorFields.lastSeen.optional(),
    tlp: tlpSchema.optional(),
    note: longText(2000).default(""),
  })
  .refine(changes, nothing);
export type ThreatActorPatch = z.infer<typeof threatActorPatch>;

export const riskFactorInput = z.strictObject({
  sectorId: z.uuid(),
  category: riskCategorySchema,
  title: text(300),
  description: longText(10_000).default(""),
  level: threatLevelSchema,
  status: riskStatusSchema.default("active"),
  space: spaceIdSchema.optional(),
});
export type RiskFactorInput = z.infer<typeof riskFactorInput>;

export const riskFactorPatch = z
  .strictObject({
    category: riskCategorySchema.optional(),
    title: text(300).optional(),
    description: longText(10_000).optional(),
    level: threatLevelSchema.optional(),
    status: riskStatusSchema.optional(),
    note: longText(2000).default(""),
  })
  .refine(changes, nothing);
export type RiskFactorPatch = z.infer<typeof riskFactorPatch>;

export const assessmentInput = z
  .strictObject({
    threatActorId: z.uuid().optional(),
    sectorId: z.uuid().optional(),
    level: threatLevelSchema,
    confidence: confidenceSchema,
    summary: text(500),
    body: longText(50_000).default(""),
    tlp: tlpSchema.default("amber"),
    space: spaceIdSchema.optional(),
  })
  .refine((a) => a.threatActorId !== undefined || a.sectorId !== undefined, {
    message: "assess a group, a sector, or both",
    path: ["threatActorId"],
  });
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const assessmentRevision = z
  .strictObject({
    level: threatLevelSchema.optional(),
    confidence: confidenceSchema.optional(),
    summary: text(500).optional(),
    body: longText(50_000).optional(),
    note: longText(2000).default(""),
  })
  .refine(changes, nothing);
export type AssessmentRevision = z.infer<typeof assessmentRevision>;

/** A report is written in the national space; sharing it is a release. */
export const intelReportInput = z.strictObject({
  summary: text(500),
  body: longText(100_000).default(""),
  tlp: tlpSchema.default("amber"),
  confidence: confidenceSchema,
  links: linksSchema.default(EMPTY_LINKS),
  originator: text(200),
});
export type IntelReportInput = z.infer<typeof intelReportInput>;

/**
 * A release names everything the copy carries: the officer writes the sanitised summary and
 * body and picks the marking and links; nothing of the source is copied unless given here.
 */
export const releaseInput = z.strictObject({
  space: spaceIdSchema.optional(),
  summary: text(500),
  body: longText(100_000).default(""),
  tlp: tlpSchema,
  confidence: confidenceSchema.optional(),
  links: linksSchema.default(EMPTY_LINKS),
  originator: text(200).optional(),
});
export type ReleaseInput = z.infer<typeof releaseInput>;

export const consentRequestInput = z.strictObject({ targetSpace: spaceIdSchema, purpose: text(2000) });
export type ConsentRequestInput = z.infer<typeof consentRequestInput>;
export const consentAnswerInput = z.strictObject({ granted: z.boolean(), note: longText(2000).default("") });
export type ConsentAnswerInput = z.infer<typeof consentAnswerInput>;

export const rfiInput = z.strictObject({
  question: text(2000),
  context: longText(10_000).default(""),
  precedence: precedenceSchema.default("routine"),
  dueDate: dateSchema.nullable().default(null),
  addressedTo: z.array(nodeIdSchema).max(10).default([]),
  sectorIds: idList(50).default([]),
  threatActorIds: idList(50).default([]),
  space: spaceIdSchema.optional(),
});
export type RfiInput = z.infer<typeof rfiInput>;

export const rfiReplyInput = z.strictObject({ text: text(20_000), reportIds: idList(50).default([]) });
export type RfiReplyInput = z.infer<typeof rfiReplyInput>;

export const threatListQuery = z.strictObject({
  sectorId: z.uuid().optional(),
  threatActorId: z.uuid().optional(),
  space: spaceIdSchema.optional(),
  ...pageQuery,
});

export const intelListQuery = z.strictObject({
  space: spaceIdSchema.optional(),
  sectorId: z.uuid().optional(),
  threatActorId: z.uuid().optional(),
  includeWithdrawn: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
  ...pageQuery,
});

/** `?ids=a,b,c`: up to 100 ids to resolve. */
export const citationQuery = z.strictObject({
  ids: z
    .string()
    .max(100 * 37)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.uuid("each id is a UUID")).min(1).max(100)),
});
