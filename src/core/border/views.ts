import { z } from "zod";
import {
  CROSSING_CATEGORIES,
  CROSSING_MODES,
  CROSSING_STATUSES,
  confidenceSchema,
  derivedFromSchema,
  goodsSchema,
  IMPACT_LEVELS,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  lonLatSchema,
  SECTOR_LEVELS,
  sideUnitSchema,
} from "./schema";

/**
 * What the border API answers, shared by the server (response schemas, OpenAPI) and the
 * console (types). Positions carry their MGRS reference so both notations are at hand.
 */
export const locationView = z.object({ lat: z.number(), lon: z.number(), mgrs: z.string() });

export const levelProposalView = z.object({
  id: z.string(),
  level: z.enum(SECTOR_LEVELS),
  reason: z.string(),
  citations: z.array(z.string()),
  proposedBy: z.string(),
  proposedAt: z.string(),
  /** Pending until another member answers. */
  state: z.enum(["pending", "accepted", "rejected"]),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  comment: z.string().nullable(),
});

export const sectorView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  path: z.array(lonLatSchema),
  units: z.array(sideUnitSchema),
  /** The level both sides agreed last; null until a proposal is accepted. */
  level: z.enum(SECTOR_LEVELS).nullable(),
  pendingProposal: levelProposalView.nullable(),
  space: z.string(),
  ownerNode: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SectorView = z.infer<typeof sectorView>;

export const crossingView = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(CROSSING_CATEGORIES),
  modes: z.array(z.enum(CROSSING_MODES)),
  location: locationView,
  sectorId: z.string().nullable(),
  status: z.enum(CROSSING_STATUSES),
  risk: z.enum(SECTOR_LEVELS),
  approximate: z.boolean(),
  note: z.string(),
  space: z.string(),
  ownerNode: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CrossingView = z.infer<typeof crossingView>;

export const deploymentView = z.object({
  id: z.string(),
  unit: z.string(),
  crossingId: z.string().nullable(),
  sectorId: z.string().nullable(),
  location: locationView,
  from: z.string(),
  to: z.string().nullable(),
  strength: z.number(),
  space: z.string(),
  ownerNode: z.string(),
});
export type DeploymentView = z.infer<typeof deploymentView>;

export const patrolView = z.object({
  id: z.string(),
  unit: z.string(),
  sectorId: z.string().nullable(),
  route: z.array(lonLatSchema),
  startedAt: z.string(),
  endedAt: z.string(),
  crossingIds: z.array(z.string()),
  findings: z.string(),
  space: z.string(),
  ownerNode: z.string(),
});
export type PatrolView = z.infer<typeof patrolView>;

export const followupView = z.object({
  id: z.string(),
  text: z.string(),
  goods: z.array(goodsSchema),
  impact: z.enum(IMPACT_LEVELS).nullable(),
  confidence: confidenceSchema.nullable(),
  authorNode: z.string(),
  actor: z.string(),
  postedAt: z.string(),
});

export const incidentView = z.object({
  id: z.string(),
  type: z.enum(INCIDENT_TYPES),
  occurredAt: z.string(),
  reportedAt: z.string(),
  location: locationView,
  crossingId: z.string().nullable(),
  sectorId: z.string().nullable(),
  /** The latest impact and confidence, follow-ups included. */
  impact: z.enum(IMPACT_LEVELS),
  confidence: confidenceSchema,
  goods: z.array(goodsSchema),
  summary: z.string(),
  originator: z.string(),
  space: z.string(),
  ownerNode: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  /** The first report came more than 24 h after the incident. */
  lateReport: z.boolean(),
  followupCount: z.number(),
  derivedFrom: derivedFromSchema.nullable(),
  /** Shared copies released from this national incident. */
  releasedAs: z.array(z.object({ space: z.string(), id: z.string() })),
});
export type IncidentView = z.infer<typeof incidentView>;

export const incidentDetailView = incidentView.extend({ followups: z.array(followupView) });
export type IncidentDetailView = z.infer<typeof incidentDetailView>;

/** A sector with every level proposal made for it, newest first: the level's history. */
export const sectorDetailView = sectorView.extend({ proposals: z.array(levelProposalView) });
export type SectorDetailView = z.infer<typeof sectorDetailView>;

/** One page of incidents; pass `nextCursor` back as `cursor` for the next (null: the last page). */
export const incidentPageView = z.object({ items: z.array(incidentView), nextCursor: z.string().nullable() });
export type IncidentPageView = z.infer<typeof incidentPageView>;

/** The crossing nearest a position (within 50 km), to suggest when an incident is entered. */
export const nearestCrossingView = z.object({ crossing: crossingView.nullable(), distanceM: z.number().nullable() });
export type NearestCrossingView = z.infer<typeof nearestCrossingView>;

/** The offline base map (GeoJSON FeatureCollection): countries, and the border with `kind: "border"`. */
export const baseMapView = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ kind: z.enum(["country", "border"]), id: z.string(), name: z.string() }).passthrough(),
      geometry: z.object({ type: z.enum(["MultiPolygon", "MultiLineString"]), coordinates: z.array(z.unknown()) }),
    }),
  ),
});
