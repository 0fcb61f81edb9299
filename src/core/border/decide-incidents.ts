import { DomainError } from "../errors";
import { NATIONAL_SPACE, type NewEvent } from "../log/envelope";
import { checkReference, type Owned, type PlacedTarget } from "./decide";
import type { FollowupData, IncidentData, ReleaseData } from "./inputs";
import { resolvePosition } from "./mgrs";
import type { Confidence, Goods, Position } from "./schema";
import { requireOwnTerritory } from "./territory";

/**
 * Incident decisions (EUROSUR practice): a side reports what happened on its territory; any
 * member of the incident's space adds follow-ups; only the owner closes it, with a reason,
 * once; a national incident is shared by releasing a new, sanitised copy linked to it.
 */

/** Clocks disagree a little; an incident stamped this far ahead of ours is refused. */
export const FUTURE_SLACK_MS = 5 * 60 * 1000;

export function decideIncident(
  input: IncidentData,
  refs: { crossing?: Owned | undefined; sector?: Owned | undefined },
  id: string,
  now: number,
  t: PlacedTarget,
): NewEvent[] {
  const position = resolvePosition(input.position);
  requireOwnTerritory(t.geo, t.side, position, "position");
  if (Date.parse(input.occurredAt) > now + FUTURE_SLACK_MS) {
    throw new DomainError("validation.failed", "an incident cannot have happened in the future", "occurredAt");
  }
  if (input.reportedAt !== undefined) {
    const reported = Date.parse(input.reportedAt);
    if (reported > now + FUTURE_SLACK_MS) throw new DomainError("validation.failed", "a report cannot come from the future", "reportedAt");
    if (reported < Date.parse(input.occurredAt)) {
      throw new DomainError("validation.failed", "an incident is reported after it happened", "reportedAt");
    }
  }
  if (input.crossingId) checkReference("crossing", refs.crossing, t.space, "crossingId");
  if (input.sectorId) checkReference("sector", refs.sector, t.space, "sectorId");
  const { type, occurredAt, impact, confidence, goods, summary, originator } = input;
  return [
    {
      space: t.space,
      type: "incident.reported",
      subject: id,
      actor: t.actor,
      data: {
        type,
        occurredAt,
        position,
        crossingId: input.crossingId ?? null,
        sectorId: input.sectorId ?? null,
        impact,
        confidence,
        goods,
        summary,
        originator,
        derivedFrom: null,
        ...(input.reportedAt !== undefined ? { reportedAt: input.reportedAt } : {}),
      },
    },
  ];
}

/** An incident as decisions need it: current values, follow-ups included. */
export interface IncidentState extends Owned {
  readonly status: "open" | "closed";
  readonly type: string;
  readonly occurredAt: string;
  /** When it was first reported: a released copy keeps it, so lateness is the original's. */
  readonly reportedAt: string;
  readonly position: Position;
  readonly crossingId: string | null;
  readonly sectorId: string | null;
  readonly impact: string;
  readonly confidence: Confidence;
  readonly goods: readonly Goods[];
  /** Spaces it has been released into. */
  readonly releasedTo: readonly string[];
}

const requireIncident = (i: IncidentState | undefined) => {
  if (!i) throw new DomainError("incident.not_found", "no such incident", "path.id");
  return i;
};

export function decideFollowup(i: IncidentState | undefined, input: FollowupData, actor: string): NewEvent[] {
  const incident = requireIncident(i);
  if (incident.status === "closed") throw new DomainError("incident.closed", "the incident is closed; report a new one", "path.id");
  const { text, goods, impact, confidence } = input;
  return [
    { space: incident.space, type: "incident.followup_posted", subject: incident.id, actor, data: { text, goods, impact, confidence } },
  ];
}

export function decideClose(i: IncidentState | undefined, reason: string, node: string, actor: string): NewEvent[] {
  const incident = requireIncident(i);
  if (incident.ownerNode !== node) {
    throw new DomainError(
      "incident.not_owner",
      `only ${incident.ownerNode}, which reported this incident, may close it; post a follow-up instead`,
    );
  }
  if (incident.status === "closed") throw new DomainError("incident.closed", "the incident is already closed", "path.id");
  const why = reason.trim();
  if (!why) throw new DomainError("validation.failed", "a reason is required", "reason");
  return [{ space: incident.space, type: "incident.closed", subject: incident.id, actor, data: { reason: why } }];
}

/**
 * Releases a national incident into a shared space as a new incident owned by this node:
 * `incident.reported` in the shared space (with `derivedFrom`) and `incident.released` in the
 * national one. The copy carries only what the officer kept: a summary written for the
 * other side, an originator (generic unless given), goods and crossing/sector if chosen;
 * a crossing or sector is kept only if it lives in the target space.
 */
export function decideRelease(
  i: IncidentState | undefined,
  input: ReleaseData,
  refs: { crossing?: Owned | undefined; sector?: Owned | undefined },
  copyId: string,
  genericOriginator: string,
  t: PlacedTarget,
): NewEvent[] {
  const incident = requireIncident(i);
  if (incident.space !== NATIONAL_SPACE) {
    throw new DomainError("incident.not_national", "only a national incident is released; this one is already shared", "path.id");
  }
  if (incident.releasedTo.includes(input.space)) {
    throw new DomainError("incident.already_released", `the incident was already released into ${input.space}`, "space");
  }
  requireOwnTerritory(t.geo, t.side, incident.position, "position");
  const inTarget = (ref: Owned | undefined) => (ref && ref.space === input.space ? ref.id : null);
  const data = {
    type: incident.type,
    occurredAt: incident.occurredAt,
    position: incident.position,
    crossingId: input.includeCrossing ? inTarget(refs.crossing) : null,
    sectorId: input.includeCrossing ? inTarget(refs.sector) : null,
    impact: incident.impact,
    confidence: incident.confidence,
    goods: input.includeGoods ? incident.goods : [],
    summary: input.summary,
    originator: input.originator ?? genericOriginator,
    derivedFrom: { space: NATIONAL_SPACE, id: incident.id },
    reportedAt: incident.reportedAt,
  };
  return [
    { space: input.space, type: "incident.reported", subject: copyId, actor: t.actor, data },
    { space: NATIONAL_SPACE, type: "incident.released", subject: incident.id, actor: t.actor, data: { space: input.space, copyId } },
  ];
}
