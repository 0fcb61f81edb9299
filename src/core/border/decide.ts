import { DomainError } from "../errors";
import { NATIONAL_SPACE, type NewEvent } from "../log/envelope";
import type { BorderGeo, Side } from "./geo";
import type {
  CrossingData,
  CrossingPatchData,
  DeploymentData,
  LevelAnswerData,
  LevelProposalData,
  PatrolData,
  SectorData,
  SectorPatchData,
} from "./inputs";
import { resolvePosition } from "./mgrs";
import type { Position } from "./schema";
import { requireOwnTerritory } from "./territory";

/**
 * Pure decisions of the border picture: state and command in, events out. Ids, the clock
 * and the border geometry come in as arguments. Inputs are the parsed API schemas (defaults
 * applied). Every refusal is a DomainError naming the field at fault.
 */
export interface Target {
  readonly space: string;
  readonly actor: string;
}

/** Where a positioned object is written: its space, and the side whose territory it must be on. */
export interface PlacedTarget extends Target {
  readonly side: Side;
  readonly geo: BorderGeo;
}

/** Any border object: where it lives and which node owns it. */
export interface Owned {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
}

/** The kinds of border object a command may name; each has `<kind>.not_found` and `<kind>.not_owner` codes. */
export type BorderKind = "sector" | "crossing" | "deployment" | "patrol" | "incident";

const notFound = (kind: BorderKind, field: string) => new DomainError(`${kind}.not_found`, `no such ${kind}`, field);

/**
 * A reference to another border object: it must exist, and an object in a shared space may
 * point only at objects of that space (the other side could not resolve anything else). A
 * national object may point at national or shared ones.
 */
export function checkReference(kind: "sector" | "crossing", ref: Owned | undefined, space: string, field: string): void {
  if (!ref) throw notFound(kind, field);
  if (space !== NATIONAL_SPACE && ref.space !== space) {
    throw new DomainError(
      "border.cross_space_reference",
      `the ${kind} lives in space ${ref.space}; an object in ${space} may refer only to objects of that space`,
      field,
    );
  }
}

function requireOwner(kind: BorderKind, o: Owned | undefined, node: string, field = "path.id"): Owned {
  if (!o) throw notFound(kind, field);
  if (o.ownerNode !== node) throw new DomainError(`${kind}.not_owner`, `only ${o.ownerNode}, which recorded this ${kind}, may change it`);
  return o;
}

export function decideSector(input: SectorData, id: string, codeTaken: boolean, t: Target): NewEvent[] {
  if (codeTaken) throw new DomainError("sector.code_taken", `a sector coded ${input.code} already exists in this space`, "code");
  const { code, name, description, path, units } = input;
  return [{ space: t.space, type: "sector.created", subject: id, actor: t.actor, data: { code, name, description, path, units } }];
}

export interface SectorState extends Owned {
  readonly name: string;
  readonly description: string;
  readonly units: readonly { node: string; name: string }[];
}

export function decideSectorPatch(s: SectorState | undefined, patch: SectorPatchData, node: string, actor: string): NewEvent[] {
  const sector = requireOwner("sector", s, node) as SectorState;
  const data = {
    name: patch.name ?? sector.name,
    description: patch.description ?? sector.description,
    units: patch.units ?? sector.units,
  };
  return [{ space: sector.space, type: "sector.updated", subject: sector.id, actor, data }];
}

export interface ProposalState {
  readonly id: string;
  readonly proposedBy: string;
}

/** One side proposes a sector's level; only one proposal may wait for an answer at a time. */
export function decideLevelProposal(
  s: Owned | undefined,
  pending: ProposalState | undefined,
  input: LevelProposalData,
  actor: string,
): NewEvent[] {
  if (!s) throw notFound("sector", "path.id");
  if (s.space === NATIONAL_SPACE) {
    throw new DomainError("sector.not_shared", "a national sector has no counterpart to agree its level with", "path.id");
  }
  if (pending) {
    throw new DomainError("sector.proposal_pending", `proposal ${pending.id} from ${pending.proposedBy} awaits an answer first`, "level");
  }
  const { level, reason, citations } = input;
  return [{ space: s.space, type: "sector.level_proposed", subject: s.id, actor, data: { level, reason, citations } }];
}

/** The other side answers the pending proposal, by its id; a side cannot answer its own. */
export function decideLevelAnswer(
  s: Owned | undefined,
  pending: ProposalState | undefined,
  proposalId: string,
  input: LevelAnswerData,
  node: string,
  actor: string,
): NewEvent[] {
  if (!s) throw notFound("sector", "path.id");
  if (!pending || pending.id !== proposalId) {
    throw new DomainError(
      "sector.proposal_not_pending",
      pending ? `the pending proposal is ${pending.id}` : "no proposal awaits an answer",
      "path.pid",
    );
  }
  if (pending.proposedBy === node) {
    throw new DomainError("sector.own_proposal", "the other side answers a proposal, not the side that made it", "path.pid");
  }
  return [
    {
      space: s.space,
      type: "sector.level_answered",
      subject: s.id,
      actor,
      data: { proposalId, accepted: input.accepted, comment: input.comment },
    },
  ];
}

export function decideCrossing(input: CrossingData, sector: Owned | undefined, id: string, t: PlacedTarget): NewEvent[] {
  const position = resolvePosition(input.position);
  requireOwnTerritory(t.geo, t.side, position, "position");
  if (input.sectorId) checkReference("sector", sector, t.space, "sectorId");
  const { name, category, modes, status, risk, approximate, note } = input;
  return [
    {
      space: t.space,
      type: "crossing.recorded",
      subject: id,
      actor: t.actor,
      data: { name, category, modes, position, sectorId: input.sectorId ?? null, status, risk, approximate, note },
    },
  ];
}

export interface CrossingState extends Owned {
  readonly name: string;
  readonly modes: readonly string[];
  readonly status: string;
  readonly risk: string;
  readonly note: string;
  readonly position: Position;
}

export function decideCrossingPatch(c: CrossingState | undefined, patch: CrossingPatchData, node: string, actor: string): NewEvent[] {
  const crossing = requireOwner("crossing", c, node) as CrossingState;
  const data = {
    name: patch.name ?? crossing.name,
    modes: patch.modes ?? crossing.modes,
    status: patch.status ?? crossing.status,
    risk: patch.risk ?? crossing.risk,
    note: patch.note ?? crossing.note,
  };
  return [{ space: crossing.space, type: "crossing.updated", subject: crossing.id, actor, data }];
}

/** A deployment at a crossing stands at the crossing's position unless one is given. */
export function decideDeployment(
  input: DeploymentData,
  refs: { crossing?: CrossingState | undefined; sector?: Owned | undefined },
  id: string,
  t: PlacedTarget,
): NewEvent[] {
  if (input.crossingId) checkReference("crossing", refs.crossing, t.space, "crossingId");
  if (input.sectorId) checkReference("sector", refs.sector, t.space, "sectorId");
  const given = input.position !== undefined;
  const position = input.position !== undefined ? resolvePosition(input.position) : refs.crossing?.position;
  if (!position) throw new DomainError("border.bad_coordinates", "give a position or a crossingId", "position");
  requireOwnTerritory(t.geo, t.side, position, given ? "position" : "crossingId");
  return [
    {
      space: t.space,
      type: "deployment.recorded",
      subject: id,
      actor: t.actor,
      data: {
        unit: input.unit,
        crossingId: input.crossingId ?? null,
        sectorId: input.sectorId ?? null,
        position,
        from: input.from,
        to: input.to ?? null,
        strength: input.strength,
      },
    },
  ];
}

export interface DeploymentState extends Owned {
  readonly from: string;
  readonly to: string | null;
}

/** Ends a deployment (owner only) at `to`; one that has already ended stays as it was. */
export function decideDeploymentEnd(d: DeploymentState | undefined, to: string, now: number, node: string, actor: string): NewEvent[] {
  const deployment = requireOwner("deployment", d, node) as DeploymentState;
  if (deployment.to !== null && Date.parse(deployment.to) <= now) {
    throw new DomainError("deployment.ended", `the deployment ended at ${deployment.to}`, "path.id");
  }
  if (Date.parse(to) < Date.parse(deployment.from)) {
    throw new DomainError("validation.failed", `a deployment cannot end before it began (${deployment.from})`, "to");
  }
  return [{ space: deployment.space, type: "deployment.ended", subject: deployment.id, actor, data: { to } }];
}

/** Every point of a patrol's route lies on the side's own territory; the crossings it visited exist. */
export function decidePatrol(
  input: PatrolData,
  refs: { sector?: Owned | undefined; crossings: ReadonlyMap<string, Owned> },
  id: string,
  t: PlacedTarget,
): NewEvent[] {
  if (input.sectorId) checkReference("sector", refs.sector, t.space, "sectorId");
  input.crossingIds.forEach((c, i) => {
    checkReference("crossing", refs.crossings.get(c), t.space, `crossingIds.${i}`);
  });
  input.route.forEach(([lon, lat], i) => {
    requireOwnTerritory(t.geo, t.side, { lat, lon }, `route.${i}`);
  });
  const { unit, route, startedAt, endedAt, findings } = input;
  return [
    {
      space: t.space,
      type: "patrol.reported",
      subject: id,
      actor: t.actor,
      data: { unit, sectorId: input.sectorId ?? null, route, startedAt, endedAt, crossingIds: [...new Set(input.crossingIds)], findings },
    },
  ];
}
