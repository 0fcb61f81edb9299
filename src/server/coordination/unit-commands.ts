import { type CounterpartFact, decideUnit, decideUnitPatch, decideUnitRetire } from "../../core/coordination/decide-units";
import type { UnitInput, UnitPatch } from "../../core/coordination/inputs";
import { uuidv7 } from "../../core/log/ids";
import type { CommandContext } from "../admin/commands";
import type { Sql } from "../db/database";
import { authorizeCoordination, targetIn, writer } from "./commands";
import { sectorLookup, unitFacts } from "./refs";
import { toUnitState, unitRow } from "./unit-queries";

/** The unit use cases: each side defines and changes its own regional units. */
async function counterparts(sql: Sql, ids: readonly string[] | undefined, space: string): Promise<CounterpartFact[]> {
  return (await unitFacts(sql, ids ?? [], space)).map((u) => ({ id: u.id, ownerNode: u.ownerNode }));
}

export async function createUnit(ctx: CommandContext, input: UnitInput): Promise<string> {
  authorizeCoordination(ctx.actor, "unit.manage");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await targetIn(ctx, tx.sql, input.space);
    const refs = {
      sectors: await sectorLookup(tx.sql, input.jurisdiction, t.space),
      counterparts: await counterparts(tx.sql, input.counterparts, t.space),
    };
    await tx.append(decideUnit(input, id, refs, t));
  });
  return id;
}

export async function patchUnit(ctx: CommandContext, id: string, patch: UnitPatch): Promise<void> {
  authorizeCoordination(ctx.actor, "unit.manage");
  await ctx.store.write(async (tx) => {
    const row = await unitRow(tx.sql, id);
    const space = row?.space ?? "";
    const refs = {
      sectors: await sectorLookup(tx.sql, patch.jurisdiction ?? [], space),
      counterparts: await counterparts(tx.sql, patch.counterparts, space),
    };
    await tx.append(decideUnitPatch(row && toUnitState(row), patch, refs, writer(ctx)));
  });
}

export async function retireUnit(ctx: CommandContext, id: string, reason: string): Promise<void> {
  authorizeCoordination(ctx.actor, "unit.manage");
  await ctx.store.write(async (tx) => {
    const row = await unitRow(tx.sql, id);
    await tx.append(decideUnitRetire(row && toUnitState(row), reason, writer(ctx)));
  });
}
