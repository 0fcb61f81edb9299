import type { Target } from "../../core/coordination/decide-units";
import { type CoordinationAction, canCoordinate } from "../../core/coordination/policy";
import { DomainError } from "../../core/errors";
import { type Actor, actorName, type CommandContext } from "../admin/commands";
import { resolveSpace } from "../commitments/commands";
import type { Sql } from "../db/database";

/**
 * Pieces every coordination command shares: the role policy, an officer's scope, and where
 * a new object lives (the space asked for, else the first shared space: coordination is
 * binational by default; intelligence reports are the exception and are written nationally).
 */
export function authorizeCoordination(actor: Actor, action: CoordinationAction): void {
  if (!canCoordinate(actor.role, action)) throw new DomainError("auth.forbidden", `role ${actor.role} may not ${action}`);
}

/** An actor scoped to some units acts only for those units. */
export function checkUnitScope(actor: Actor, unitId: string, field?: string): void {
  const units = actor.scope?.units ?? [];
  if (units.length > 0 && !units.includes(unitId)) {
    throw new DomainError("auth.forbidden", `unit ${unitId} is outside ${actor.username}'s scope`, field);
  }
}

/** Who writes and as whom, without a space (changes go to the object's own space). */
export const writer = (ctx: CommandContext): Omit<Target, "space"> => ({ actor: actorName(ctx.actor), node: ctx.actor.node });

export async function targetIn(ctx: CommandContext, sql: Sql, space?: string): Promise<Target> {
  return { ...writer(ctx), space: await resolveSpace(sql, ctx.actor.node, space) };
}

/** Now as an ISO instant; commands take the clock as an argument so tests can fix it. */
export const nowIso = (now: () => number = Date.now) => new Date(now()).toISOString();
