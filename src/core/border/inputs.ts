import { z } from "zod";
import { SPACE_ID_PATTERN } from "../log/envelope";
import { positionInputSchema } from "./mgrs";
import {
  confidenceSchema,
  crossingCategorySchema,
  crossingModeSchema,
  crossingRiskSchema,
  crossingStatusSchema,
  goodsCategorySchema,
  goodsUnitSchema,
  INCIDENT_STATUSES,
  impactSchema,
  incidentTypeSchema,
  instantSchema,
  lonLatSchema,
  pathSchema,
  sectorLevelSchema,
  sideUnitSchema,
} from "./schema";

/**
 * What clients send to the border API: the same schemas validate the route, the console's
 * forms and the CLI. Positions are `{lat, lon}` or `{mgrs}` (see mgrs.ts); optional texts
 * default to empty; `space` defaults to the node's first shared space.
 */
const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(200);
const spaceField = z.string().regex(SPACE_ID_PATTERN, "not a space id").optional();
const ref = z.uuid().nullable().optional();

export const sectorInput = z.strictObject({
  code: z.string().trim().min(1).max(40),
  name,
  description: text(2000).default(""),
  path: pathSchema,
  units: z.array(sideUnitSchema).max(20).default([]),
  space: spaceField,
});
export type SectorInput = z.input<typeof sectorInput>;
export type SectorData = z.output<typeof sectorInput>;

export const sectorPatch = z
  .strictObject({ name: name.optional(), description: text(2000).optional(), units: z.array(sideUnitSchema).max(20).optional() })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type SectorPatch = z.input<typeof sectorPatch>;
export type SectorPatchData = z.output<typeof sectorPatch>;

export const levelProposalInput = z.strictObject({
  level: sectorLevelSchema,
  reason: z.string().trim().min(1).max(2000),
  citations: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
});
export type LevelProposalInput = z.input<typeof levelProposalInput>;
export type LevelProposalData = z.output<typeof levelProposalInput>;

export const levelAnswerInput = z.strictObject({ accepted: z.boolean(), comment: text(2000).default("") });
export type LevelAnswerInput = z.input<typeof levelAnswerInput>;
export type LevelAnswerData = z.output<typeof levelAnswerInput>;

const modes = z
  .array(crossingModeSchema)
  .min(1)
  .max(3)
  .refine((m) => new Set(m).size === m.length, { message: "each mode once" });

export const crossingInput = z.strictObject({
  name,
  category: crossingCategorySchema,
  modes,
  position: positionInputSchema,
  sectorId: ref,
  status: crossingStatusSchema.default("active"),
  risk: crossingRiskSchema.default("medium"),
  approximate: z.boolean().default(false),
  note: text(2000).default(""),
  space: spaceField,
});
export type CrossingInput = z.input<typeof crossingInput>;
export type CrossingData = z.output<typeof crossingInput>;

export const crossingPatch = z
  .strictObject({
    name: name.optional(),
    modes: modes.optional(),
    status: crossingStatusSchema.optional(),
    risk: crossingRiskSchema.optional(),
    note: text(2000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type CrossingPatch = z.input<typeof crossingPatch>;
export type CrossingPatchData = z.output<typeof crossingPatch>;

/** A deployment stands at a crossing (its position by default), in a sector, or at a position. */
export const deploymentInput = z
  .strictObject({
    unit: name,
    crossingId: ref,
    sectorId: ref,
    position: positionInputSchema.optional(),
    from: instantSchema,
    to: instantSchema.nullable().optional(),
    strength: z.number().int().min(1).max(100_000),
    space: spaceField,
  })
  .refine((d) => d.position !== undefined || d.crossingId, { message: "give a position or a crossingId", path: ["position"] })
  .refine((d) => !d.to || Date.parse(d.to) >= Date.parse(d.from), { message: "`to` is before `from`", path: ["to"] });
export type DeploymentInput = z.input<typeof deploymentInput>;
export type DeploymentData = z.output<typeof deploymentInput>;

export const deploymentEndInput = z.strictObject({ to: instantSchema.optional() });
export type DeploymentEndInput = z.input<typeof deploymentEndInput>;

export const patrolInput = z
  .strictObject({
    unit: name,
    sectorId: ref,
    /** [lon, lat] pairs, GeoJSON order. */
    route: z.array(lonLatSchema).min(1).max(5000),
    startedAt: instantSchema,
    endedAt: instantSchema,
    crossingIds: z.array(z.uuid()).max(200).default([]),
    findings: text(5000).default(""),
    space: spaceField,
  })
  .refine((p) => Date.parse(p.endedAt) >= Date.parse(p.startedAt), { message: "ends before it starts", path: ["endedAt"] });
export type PatrolInput = z.input<typeof patrolInput>;
export type PatrolData = z.output<typeof patrolInput>;

export const goodsInput = z.strictObject({
  category: goodsCategorySchema,
  quantity: z.number().positive().max(1e12),
  unit: goodsUnitSchema,
  description: text(500).default(""),
});

export const incidentInput = z.strictObject({
  type: incidentTypeSchema,
  occurredAt: instantSchema,
  position: positionInputSchema,
  crossingId: ref,
  sectorId: ref,
  impact: impactSchema,
  confidence: confidenceSchema,
  goods: z.array(goodsInput).max(50).default([]),
  summary: text(5000).default(""),
  /** The unit or post that first reported it: never a private person. */
  originator: name,
  /** When the originator first reported it, if earlier than now (a report typed in later). */
  reportedAt: instantSchema.optional(),
  space: spaceField,
});
export type IncidentInput = z.input<typeof incidentInput>;
export type IncidentData = z.output<typeof incidentInput>;

export const followupInput = z.strictObject({
  text: z.string().trim().min(1).max(5000),
  goods: z.array(goodsInput).max(50).default([]),
  impact: impactSchema.nullable().default(null),
  confidence: confidenceSchema.nullable().default(null),
});
export type FollowupInput = z.input<typeof followupInput>;
export type FollowupData = z.output<typeof followupInput>;

export const closeInput = z.strictObject({ reason: z.string().trim().min(1, "a reason is required").max(2000) });
export type CloseInput = z.input<typeof closeInput>;

/**
 * Releasing a national incident into a shared space: the copy carries the type, time,
 * position, impact and confidence, a summary written for the other side, an originator
 * (generic by default) and, if the officer keeps them, the goods and the crossing/sector.
 */
export const releaseInput = z.strictObject({
  space: z
    .string()
    .regex(SPACE_ID_PATTERN, "not a space id")
    .refine((s) => s !== "national", { message: "release into a shared space" }),
  summary: z.string().trim().min(1).max(5000),
  originator: name.optional(),
  includeGoods: z.boolean().default(true),
  includeCrossing: z.boolean().default(true),
});
export type ReleaseInput = z.input<typeof releaseInput>;
export type ReleaseData = z.output<typeof releaseInput>;

/** `bbox=minLon,minLat,maxLon,maxLat` as sent; parsed by `parseBbox`. */
const bboxText = z.string().max(200);

export const incidentQuery = z.strictObject({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  sector: z.uuid().optional(),
  type: incidentTypeSchema.optional(),
  bbox: bboxText.optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  owner: z.string().max(32).optional(),
  space: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
});
export type IncidentQuery = z.infer<typeof incidentQuery>;

export const crossingQuery = z.strictObject({
  sector: z.uuid().optional(),
  status: crossingStatusSchema.optional(),
  category: crossingCategorySchema.optional(),
  bbox: bboxText.optional(),
});
export type CrossingQuery = z.infer<typeof crossingQuery>;

export const deploymentQuery = z.strictObject({
  active: z.enum(["true", "false"]).optional(),
  sector: z.uuid().optional(),
  crossing: z.uuid().optional(),
});
export type DeploymentQuery = z.infer<typeof deploymentQuery>;

export const patrolQuery = z.strictObject({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  sector: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type PatrolQuery = z.infer<typeof patrolQuery>;

/** Coordinates arrive as text in a query string; MGRS may stand in for them. */
export const nearestQuery = z.strictObject({
  lat: z.string().max(40).optional(),
  lon: z.string().max(40).optional(),
  mgrs: z.string().max(40).optional(),
});
