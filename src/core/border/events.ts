import { z } from "zod";
import { defineEvent } from "../log/registry";
import {
  confidenceSchema,
  crossingCategorySchema,
  crossingModeSchema,
  crossingRiskSchema,
  crossingStatusSchema,
  derivedFromSchema,
  goodsSchema,
  impactSchema,
  incidentTypeSchema,
  instantSchema,
  lonLatSchema,
  pathSchema,
  positionSchema,
  sectorLevelSchema,
  sideUnitSchema,
} from "./schema";

/**
 * Border-picture events. Sectors, crossings, deployments, patrols and incidents are each
 * created by one node and changed only by it; a sector's impact level is proposed by one
 * member and accepted (or rejected) by another; follow-ups to an incident come from any member.
 * Positions in these events are on the writer's own territory (checked when written, by the
 * commands and again by the projection for received events).
 */
export const sectorCreated = defineEvent({
  type: "sector.created",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    /** The stretch of the border the sector covers, [lon, lat] pairs along the line. */
    path: pathSchema,
    units: z.array(sideUnitSchema),
  }),
});

export const sectorUpdated = defineEvent({
  type: "sector.updated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ name: z.string(), description: z.string(), units: z.array(sideUnitSchema) }),
});

/** A member proposes a sector's impact level; `citations` name threat assessments or incidents. */
export const sectorLevelProposed = defineEvent({
  type: "sector.level_proposed",
  v: 1,
  writer: "member",
  spaces: "shared",
  data: z.strictObject({ level: sectorLevelSchema, reason: z.string(), citations: z.array(z.string()) }),
});

/** Another member answers a proposal (the event id of `sector.level_proposed`). */
export const sectorLevelAnswered = defineEvent({
  type: "sector.level_answered",
  v: 1,
  writer: "member",
  spaces: "shared",
  data: z.strictObject({ proposalId: z.uuid(), accepted: z.boolean(), comment: z.string() }),
});

export const crossingRecorded = defineEvent({
  type: "crossing.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    name: z.string(),
    category: crossingCategorySchema,
    modes: z.array(crossingModeSchema).min(1),
    position: positionSchema,
    sectorId: z.uuid().nullable(),
    status: crossingStatusSchema,
    risk: crossingRiskSchema,
    /** True when the position is known only roughly (the demo's official crossings are). */
    approximate: z.boolean(),
    note: z.string(),
  }),
});

export const crossingUpdated = defineEvent({
  type: "crossing.updated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({
    name: z.string(),
    modes: z.array(crossingModeSchema).min(1),
    status: crossingStatusSchema,
    risk: crossingRiskSchema,
    note: z.string(),
  }),
});

export const deploymentRecorded = defineEvent({
  type: "deployment.recorded",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    unit: z.string(),
    crossingId: z.uuid().nullable(),
    sectorId: z.uuid().nullable(),
    position: positionSchema,
    from: instantSchema,
    to: instantSchema.nullable(),
    strength: z.number().int().positive(),
  }),
});

export const deploymentEnded = defineEvent({
  type: "deployment.ended",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ to: instantSchema }),
});

export const patrolReported = defineEvent({
  type: "patrol.reported",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    unit: z.string(),
    sectorId: z.uuid().nullable(),
    route: z.array(lonLatSchema).min(1).max(5000),
    startedAt: instantSchema,
    endedAt: instantSchema,
    crossingIds: z.array(z.uuid()),
    findings: z.string(),
  }),
});

export const incidentReported = defineEvent({
  type: "incident.reported",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    type: incidentTypeSchema,
    occurredAt: instantSchema,
    position: positionSchema,
    crossingId: z.uuid().nullable(),
    sectorId: z.uuid().nullable(),
    impact: impactSchema,
    confidence: confidenceSchema,
    goods: z.array(goodsSchema),
    summary: z.string(),
    /** Who first reported it (a unit or post, never a private person). */
    originator: z.string(),
    /**
     * When the originator first reported it, if that was before it was entered here (a radio or
     * paper report typed in later); absent means the moment of this event.
     */
    reportedAt: instantSchema.optional(),
    /** Set on a released copy: the national incident it was sanitised from. */
    derivedFrom: derivedFromSchema.nullable(),
  }),
});

export const incidentFollowupPosted = defineEvent({
  type: "incident.followup_posted",
  v: 1,
  writer: "member",
  spaces: "any",
  data: z.strictObject({
    text: z.string(),
    goods: z.array(goodsSchema),
    impact: impactSchema.nullable(),
    confidence: confidenceSchema.nullable(),
  }),
});

export const incidentClosed = defineEvent({
  type: "incident.closed",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ reason: z.string() }),
});

/** Recorded in the national space when a national incident is released as a shared copy. */
export const incidentReleased = defineEvent({
  type: "incident.released",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({ space: z.string(), copyId: z.uuid() }),
});

export const BORDER_EVENTS = [
  sectorCreated,
  sectorUpdated,
  sectorLevelProposed,
  sectorLevelAnswered,
  crossingRecorded,
  crossingUpdated,
  deploymentRecorded,
  deploymentEnded,
  patrolReported,
  incidentReported,
  incidentFollowupPosted,
  incidentClosed,
  incidentReleased,
] as const;
