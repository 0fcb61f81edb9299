import type { z } from "zod";
import {
  decideCrossing,
  decideCrossingPatch,
  decideDeployment,
  decideDeploymentEnd,
  decideLevelAnswer,
  decideLevelProposal,
  decidePatrol,
  decideSector,
  decideSectorPatch,
  type PlacedTarget,
} from "../../core/border/decide";
import { decideClose, decideFollowup, decideIncident, decideRelease } from "../../core/border/decide-incidents";
import {
  type CloseInput,
  type CrossingInput,
  type CrossingPatch,
  closeInput,
  crossingInput,
  crossingPatch,
  type DeploymentEndInput,
  type DeploymentInput,
  deploymentEndInput,
  deploymentInput,
  type FollowupInput,
  followupInput,
  type IncidentData,
  type IncidentInput,
  incidentInput,
  type LevelAnswerInput,
  type LevelProposalInput,
  levelAnswerInput,
  levelProposalInput,
  type PatrolInput,
  patrolInput,
  type ReleaseInput,
  releaseInput,
  type SectorInput,
  type SectorPatch,
  sectorInput,
  sectorPatch,
} from "../../core/border/inputs";
import { type BorderAction, canBorder } from "../../core/border/policy";
import { sideOf } from "../../core/border/territory";
import { DomainError } from "../../core/errors";
import { uuidv7 } from "../../core/log/ids";
import { type Actor, actorName, type CommandContext } from "../admin/commands";
import { resolveSpace } from "../commitments/commands";
import type { Sql } from "../db/database";
import type { WriteTx } from "../db/event-store";
import type { StoredEvent } from "../db/projections";
import { borderGeo } from "./atlas";
import { crossingOwners, crossingState, deploymentState, incidentState, pendingProposal, sectorCodeTaken, sectorState } from "./queries";

/**
 * The border use cases, callable from HTTP, the CLI, the demo seeder and tests alike. Each
 * validates its input with the API schema (so direct callers get the same checks), loads
 * state and decides in one write transaction. The node's country decides its side.
 */
export interface BorderContext extends CommandContext {
  /** The node's country (ISO 3166-1 alpha-2, from its config): CO or VE. */
  readonly country: string;
  /** Milliseconds since the epoch; tests and the demo seeder fix it. */
  readonly now?: () => number;
}

/** The usual context for a node's own user or console. */
export function borderContext(node: { store: CommandContext["store"]; config: { country: string } }, actor: Actor): BorderContext {
  return { store: node.store, actor, country: node.config.country };
}

export function authorizeBorder(actor: Actor, action: BorderAction): void {
  if (!canBorder(actor.role, action)) throw new DomainError("auth.forbidden", `role ${actor.role} may not ${action}`);
}

/** Parses input that may not have come through a route: the first issue names the field. */
function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.join(".") || "body";
  const coordinate = /^(position|route)(\.|$)/.test(field);
  throw new DomainError(coordinate ? "border.bad_coordinates" : "validation.failed", `${field}: ${issue?.message ?? "invalid"}`, field);
}

const nowOf = (ctx: BorderContext) => (ctx.now ?? Date.now)();

async function placed(ctx: BorderContext, sql: Sql, space: string | undefined): Promise<PlacedTarget> {
  return {
    space: await resolveSpace(sql, ctx.actor.node, space),
    actor: actorName(ctx.actor),
    side: sideOf(ctx.country),
    geo: borderGeo(),
  };
}

const ownerOf = async (tx: WriteTx, kind: "sector" | "crossing", id: string | null | undefined) => {
  if (!id) return undefined;
  return kind === "sector" ? sectorState(tx.sql, id) : crossingState(tx.sql, id);
};

export async function createSector(ctx: BorderContext, raw: SectorInput): Promise<string> {
  authorizeBorder(ctx.actor, "sector.manage");
  const input = parse(sectorInput, raw);
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const space = await resolveSpace(tx.sql, ctx.actor.node, input.space);
    const taken = await sectorCodeTaken(tx.sql, space, input.code);
    await tx.append(decideSector(input, id, taken, { space, actor: actorName(ctx.actor) }));
  });
  return id;
}

export async function updateSector(ctx: BorderContext, id: string, raw: SectorPatch): Promise<void> {
  authorizeBorder(ctx.actor, "sector.manage");
  const patch = parse(sectorPatch, raw);
  await ctx.store.write(async (tx) =>
    tx.append(decideSectorPatch(await sectorState(tx.sql, id), patch, ctx.actor.node, actorName(ctx.actor))),
  );
}

/** Proposes a sector's level; returns the proposal's id (the event's). */
export async function proposeSectorLevel(ctx: BorderContext, sectorId: string, raw: LevelProposalInput): Promise<string> {
  authorizeBorder(ctx.actor, "sector.level");
  const input = parse(levelProposalInput, raw);
  return ctx.store.write(async (tx) => {
    const sector = await sectorState(tx.sql, sectorId);
    const pending = sector && (await pendingProposal(tx.sql, sectorId));
    const [stored] = await tx.append(decideLevelProposal(sector, pending, input, actorName(ctx.actor)));
    return stored?.id ?? "";
  });
}

export async function answerSectorLevel(ctx: BorderContext, sectorId: string, proposalId: string, raw: LevelAnswerInput): Promise<void> {
  authorizeBorder(ctx.actor, "sector.level");
  const input = parse(levelAnswerInput, raw);
  await ctx.store.write(async (tx) => {
    const sector = await sectorState(tx.sql, sectorId);
    const pending = sector && (await pendingProposal(tx.sql, sectorId));
    await tx.append(decideLevelAnswer(sector, pending, proposalId, input, ctx.actor.node, actorName(ctx.actor)));
  });
}

export async function recordCrossing(ctx: BorderContext, raw: CrossingInput): Promise<string> {
  authorizeBorder(ctx.actor, "crossing.manage");
  const input = parse(crossingInput, raw);
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await placed(ctx, tx.sql, input.space);
    await tx.append(decideCrossing(input, await ownerOf(tx, "sector", input.sectorId), id, t));
  });
  return id;
}

export async function updateCrossing(ctx: BorderContext, id: string, raw: CrossingPatch): Promise<void> {
  authorizeBorder(ctx.actor, "crossing.manage");
  const patch = parse(crossingPatch, raw);
  await ctx.store.write(async (tx) =>
    tx.append(decideCrossingPatch(await crossingState(tx.sql, id), patch, ctx.actor.node, actorName(ctx.actor))),
  );
}

export async function recordDeployment(ctx: BorderContext, raw: DeploymentInput): Promise<string> {
  authorizeBorder(ctx.actor, "presence.record");
  const input = parse(deploymentInput, raw);
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await placed(ctx, tx.sql, input.space);
    const crossing = input.crossingId ? await crossingState(tx.sql, input.crossingId) : undefined;
    const sector = await ownerOf(tx, "sector", input.sectorId);
    await tx.append(decideDeployment(input, { crossing, sector }, id, t));
  });
  return id;
}

/** Ends a deployment now, or at `to`. */
export async function endDeployment(ctx: BorderContext, id: string, raw: DeploymentEndInput = {}): Promise<void> {
  authorizeBorder(ctx.actor, "presence.record");
  const input = parse(deploymentEndInput, raw);
  const now = nowOf(ctx);
  const to = input.to ?? new Date(now).toISOString();
  await ctx.store.write(async (tx) =>
    tx.append(decideDeploymentEnd(await deploymentState(tx.sql, id), to, now, ctx.actor.node, actorName(ctx.actor))),
  );
}

export async function reportPatrol(ctx: BorderContext, raw: PatrolInput): Promise<string> {
  authorizeBorder(ctx.actor, "presence.record");
  const input = parse(patrolInput, raw);
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await placed(ctx, tx.sql, input.space);
    const refs = { sector: await ownerOf(tx, "sector", input.sectorId), crossings: await crossingOwners(tx.sql, input.crossingIds) };
    await tx.append(decidePatrol(input, refs, id, t));
  });
  return id;
}

export async function reportIncident(ctx: BorderContext, raw: IncidentInput): Promise<string> {
  authorizeBorder(ctx.actor, "incident.report");
  return (await appendIncident(ctx, parse(incidentInput, raw))).subject;
}

/**
 * Reports an incident the HTTP route has already validated with `incidentInput` (parsing
 * it again would change nothing); returns the stored `incident.reported` event, which the
 * route answers from.
 */
export async function reportValidatedIncident(ctx: BorderContext, input: IncidentData): Promise<StoredEvent> {
  authorizeBorder(ctx.actor, "incident.report");
  return appendIncident(ctx, input);
}

async function appendIncident(ctx: BorderContext, input: IncidentData): Promise<StoredEvent> {
  const id = uuidv7();
  return ctx.store.write(async (tx) => {
    const t = await placed(ctx, tx.sql, input.space);
    const refs = { crossing: await ownerOf(tx, "crossing", input.crossingId), sector: await ownerOf(tx, "sector", input.sectorId) };
    const [stored] = await tx.append(decideIncident(input, refs, id, nowOf(ctx), t));
    return stored as StoredEvent;
  });
}

/** A follow-up from any member of the incident's space; returns its id (the event's). */
export async function postFollowup(ctx: BorderContext, incidentId: string, raw: FollowupInput): Promise<string> {
  authorizeBorder(ctx.actor, "incident.followup");
  const input = parse(followupInput, raw);
  return ctx.store.write(async (tx) => {
    const [stored] = await tx.append(decideFollowup(await incidentState(tx.sql, incidentId), input, actorName(ctx.actor)));
    return stored?.id ?? "";
  });
}

export async function closeIncident(ctx: BorderContext, incidentId: string, raw: CloseInput): Promise<void> {
  authorizeBorder(ctx.actor, "incident.close");
  const input = parse(closeInput, raw);
  await ctx.store.write(async (tx) =>
    tx.append(decideClose(await incidentState(tx.sql, incidentId), input.reason, ctx.actor.node, actorName(ctx.actor))),
  );
}

/** Releases a national incident into a shared space; returns the shared copy's id. */
export async function releaseIncident(ctx: BorderContext, incidentId: string, raw: ReleaseInput): Promise<string> {
  authorizeBorder(ctx.actor, "incident.release");
  const input = parse(releaseInput, raw);
  const copyId = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await placed(ctx, tx.sql, input.space);
    const incident = await incidentState(tx.sql, incidentId);
    const refs = { crossing: await ownerOf(tx, "crossing", incident?.crossingId), sector: await ownerOf(tx, "sector", incident?.sectorId) };
    await tx.append(decideRelease(incident, input, refs, copyId, `Unidad fronteriza (${ctx.country.toUpperCase()})`, t));
  });
  return copyId;
}
