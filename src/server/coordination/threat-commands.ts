import {
  decideAssessment,
  decideAssessmentWithdraw,
  decideRevision,
  decideRiskFactor,
  decideRiskFactorPatch,
  decideThreatActor,
  decideThreatActorPatch,
} from "../../core/coordination/decide-threats";
import type {
  AssessmentInput,
  AssessmentRevision,
  RiskFactorInput,
  RiskFactorPatch,
  ThreatActorInput,
  ThreatActorPatch,
} from "../../core/coordination/threat-inputs";
import { uuidv7 } from "../../core/log/ids";
import type { CommandContext } from "../admin/commands";
import { authorizeCoordination, targetIn, writer } from "./commands";
import { actorLookup, sectorLookup } from "./refs";
import { actorRow, assessmentRow, riskRow, toActorState, toAssessmentState, toRiskState } from "./threat-queries";

/** The threat and risk register's use cases. */
export async function recordThreatActor(ctx: CommandContext, input: ThreatActorInput): Promise<string> {
  authorizeCoordination(ctx.actor, "threat.manage");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await targetIn(ctx, tx.sql, input.space);
    await tx.append(decideThreatActor(input, id, await sectorLookup(tx.sql, input.areas, t.space), t));
  });
  return id;
}

export async function patchThreatActor(ctx: CommandContext, id: string, patch: ThreatActorPatch): Promise<void> {
  authorizeCoordination(ctx.actor, "threat.manage");
  await ctx.store.write(async (tx) => {
    const row = await actorRow(tx.sql, id);
    const sectors = await sectorLookup(tx.sql, patch.areas ?? [], row?.space ?? "");
    await tx.append(decideThreatActorPatch(row && toActorState(row), patch, sectors, writer(ctx)));
  });
}

export async function recordRiskFactor(ctx: CommandContext, input: RiskFactorInput): Promise<string> {
  authorizeCoordination(ctx.actor, "threat.manage");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await targetIn(ctx, tx.sql, input.space);
    await tx.append(decideRiskFactor(input, id, await sectorLookup(tx.sql, [input.sectorId], t.space), t));
  });
  return id;
}

export async function patchRiskFactor(ctx: CommandContext, id: string, patch: RiskFactorPatch): Promise<void> {
  authorizeCoordination(ctx.actor, "threat.manage");
  await ctx.store.write(async (tx) => {
    const row = await riskRow(tx.sql, id);
    await tx.append(decideRiskFactorPatch(row && toRiskState(row), patch, writer(ctx)));
  });
}

export async function recordAssessment(ctx: CommandContext, input: AssessmentInput): Promise<string> {
  authorizeCoordination(ctx.actor, "threat.manage");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await targetIn(ctx, tx.sql, input.space);
    const refs = {
      sectors: await sectorLookup(tx.sql, input.sectorId ? [input.sectorId] : [], t.space),
      actors: await actorLookup(tx.sql, input.threatActorId ? [input.threatActorId] : [], t.space),
    };
    await tx.append(decideAssessment(input, id, refs, t));
  });
  return id;
}

export async function reviseAssessment(ctx: CommandContext, id: string, revision: AssessmentRevision): Promise<void> {
  authorizeCoordination(ctx.actor, "threat.manage");
  await ctx.store.write(async (tx) => {
    const row = await assessmentRow(tx.sql, id);
    await tx.append(decideRevision(row && toAssessmentState(row), revision, writer(ctx)));
  });
}

export async function withdrawAssessment(ctx: CommandContext, id: string, reason: string): Promise<void> {
  authorizeCoordination(ctx.actor, "threat.manage");
  await ctx.store.write(async (tx) => {
    const row = await assessmentRow(tx.sql, id);
    await tx.append(decideAssessmentWithdraw(row && toAssessmentState(row), reason, writer(ctx)));
  });
}
