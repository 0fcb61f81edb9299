import type { Confidence } from "../border/schema";
import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import { type Lookup, refuseMissing, refuseMissingOne, type Target } from "./decide-units";
import type {
  AssessmentInput,
  AssessmentRevision,
  RiskFactorInput,
  RiskFactorPatch,
  ThreatActorInput,
  ThreatActorPatch,
} from "./threat-inputs";

/**
 * Pure decisions of the threat and risk register: groups, risk factors per sector, and
 * threat assessments whose revisions keep their history. Each is changed by its owner only.
 */
export interface Owned<F> {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly fields: F;
}

/** Kinds of owned objects; each has its own refusal codes, written out so they can be found. */
export type OwnedKind = "threat_actor" | "risk_factor" | "assessment" | "intel" | "rfi";

function notFound(kind: OwnedKind, what: string): DomainError {
  const message = `no such ${what}`;
  switch (kind) {
    case "threat_actor":
      return new DomainError("threat_actor.not_found", message);
    case "risk_factor":
      return new DomainError("risk_factor.not_found", message);
    case "assessment":
      return new DomainError("assessment.not_found", message);
    case "intel":
      return new DomainError("intel.not_found", message);
    case "rfi":
      return new DomainError("rfi.not_found", message);
  }
}

function notOwner(kind: OwnedKind, owner: string, what: string): DomainError {
  const message = `only ${owner}, which wrote this ${what}, may change it`;
  switch (kind) {
    case "threat_actor":
      return new DomainError("threat_actor.not_owner", message);
    case "risk_factor":
      return new DomainError("risk_factor.not_owner", message);
    case "assessment":
      return new DomainError("assessment.not_owner", message);
    case "intel":
      return new DomainError("intel.not_owner", message);
    case "rfi":
      return new DomainError("rfi.not_owner", message);
  }
}

/** The object, if it exists and this node owns it (single writer). */
export function owned<T extends { ownerNode: string }>(o: T | undefined, node: string, kind: OwnedKind, what: string): T {
  if (!o) throw notFound(kind, what);
  if (o.ownerNode !== node) throw notOwner(kind, o.ownerNode, what);
  return o;
}

type ActorFields = Omit<ThreatActorInput, "space">;

export function decideThreatActor(input: ThreatActorInput, id: string, sectors: Lookup, t: Target): NewEvent[] {
  refuseMissing("areas", input.areas, sectors, "sector");
  const { space: _space, ...data } = input;
  return [{ space: t.space, type: "threat_actor.recorded", subject: id, actor: t.actor, data }];
}

export function decideThreatActorPatch(
  o: Owned<ActorFields> | undefined,
  patch: ThreatActorPatch,
  sectors: Lookup,
  t: Omit<Target, "space">,
): NewEvent[] {
  const a = owned(o, t.node, "threat_actor", "group");
  if (patch.areas) refuseMissing("areas", patch.areas, sectors, "sector");
  const { note, ...changes } = patch;
  const next = { ...a.fields };
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  if (next.firstSeen && next.lastSeen && next.firstSeen > next.lastSeen) {
    throw new DomainError("validation.failed", "last seen is before first seen", "lastSeen");
  }
  return [{ space: a.space, type: "threat_actor.updated", subject: a.id, actor: t.actor, data: { ...next, note } }];
}

type RiskFields = Omit<RiskFactorInput, "space" | "sectorId">;

export function decideRiskFactor(input: RiskFactorInput, id: string, sectors: Lookup, t: Target): NewEvent[] {
  refuseMissingOne("sectorId", input.sectorId, sectors, "sector");
  const { space: _space, ...data } = input;
  return [{ space: t.space, type: "risk_factor.recorded", subject: id, actor: t.actor, data }];
}

export function decideRiskFactorPatch(o: Owned<RiskFields> | undefined, patch: RiskFactorPatch, t: Omit<Target, "space">): NewEvent[] {
  const r = owned(o, t.node, "risk_factor", "risk factor");
  const { note, ...changes } = patch;
  const next = { ...r.fields };
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  return [{ space: r.space, type: "risk_factor.updated", subject: r.id, actor: t.actor, data: { ...next, note } }];
}

export function decideAssessment(input: AssessmentInput, id: string, refs: { sectors: Lookup; actors: Lookup }, t: Target): NewEvent[] {
  if (input.threatActorId) refuseMissingOne("threatActorId", input.threatActorId, refs.actors, "group");
  if (input.sectorId) refuseMissingOne("sectorId", input.sectorId, refs.sectors, "sector");
  const data = {
    threatActorId: input.threatActorId ?? null,
    sectorId: input.sectorId ?? null,
    tlp: input.tlp,
    level: input.level,
    confidence: input.confidence,
    summary: input.summary,
    body: input.body,
  };
  return [{ space: t.space, type: "threat_assessment.recorded", subject: id, actor: t.actor, data }];
}

export interface AssessmentFields {
  readonly level: AssessmentInput["level"];
  readonly confidence: Confidence;
  readonly summary: string;
  readonly body: string;
  readonly withdrawn: boolean;
}

export function decideRevision(o: Owned<AssessmentFields> | undefined, rev: AssessmentRevision, t: Omit<Target, "space">): NewEvent[] {
  const a = owned(o, t.node, "assessment", "assessment");
  if (a.fields.withdrawn) throw new DomainError("assessment.withdrawn", "the assessment was withdrawn");
  const { withdrawn: _w, ...current } = a.fields;
  const data = {
    level: rev.level ?? current.level,
    confidence: rev.confidence ?? current.confidence,
    summary: rev.summary ?? current.summary,
    body: rev.body ?? current.body,
    note: rev.note,
  };
  return [{ space: a.space, type: "threat_assessment.revised", subject: a.id, actor: t.actor, data }];
}

export function decideAssessmentWithdraw(o: Owned<AssessmentFields> | undefined, reason: string, t: Omit<Target, "space">): NewEvent[] {
  const a = owned(o, t.node, "assessment", "assessment");
  if (a.fields.withdrawn) throw new DomainError("assessment.withdrawn", "the assessment was already withdrawn");
  return [{ space: a.space, type: "threat_assessment.withdrawn", subject: a.id, actor: t.actor, data: { reason } }];
}
