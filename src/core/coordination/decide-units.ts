import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import type { UnitInput, UnitPatch } from "./inputs";

/**
 * Pure decisions about units: the server looks up what the input refers to and passes it in;
 * these functions refuse what breaks a rule and say which events record the rest.
 */
export interface Target {
  readonly space: string;
  readonly actor: string;
  readonly node: string;
}

/** What a reference check found: the ids that do not resolve where they must. */
export interface Lookup {
  readonly missing: readonly string[];
}

/** Refuses the first id of `ids` that is missing, naming its place in the input. */
export function refuseMissing(field: string, ids: readonly string[], lookup: Lookup, what: string): void {
  const i = ids.findIndex((id) => lookup.missing.includes(id));
  if (i >= 0) {
    throw new DomainError("coordination.reference_not_found", `no ${what} ${ids[i]} in this space`, `${field}.${i}`);
  }
}

/** Refuses one id that is missing, naming its field. */
export function refuseMissingOne(field: string, id: string, lookup: Lookup, what: string): void {
  if (lookup.missing.includes(id)) throw new DomainError("coordination.reference_not_found", `no ${what} ${id} in this space`, field);
}

export interface UnitState {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly retired: boolean;
  readonly fields: Omit<UnitInput, "space">;
}

/** A counterpart is a unit of another side in the same space. */
export interface CounterpartFact {
  readonly id: string;
  readonly ownerNode: string;
}

function checkCounterparts(ids: readonly string[], found: readonly CounterpartFact[], node: string, self?: string): void {
  ids.forEach((id, i) => {
    const c = found.find((f) => f.id === id);
    if (!c) throw new DomainError("coordination.reference_not_found", `no unit ${id} in this space`, `counterparts.${i}`);
    if (c.ownerNode === node || id === self) {
      throw new DomainError("unit.counterpart_invalid", "a counterpart is a unit of the other side of the border", `counterparts.${i}`);
    }
  });
}

export function decideUnit(
  input: UnitInput,
  id: string,
  refs: { sectors: Lookup; counterparts: readonly CounterpartFact[] },
  t: Target,
): NewEvent[] {
  refuseMissing("jurisdiction", input.jurisdiction, refs.sectors, "sector");
  checkCounterparts(input.counterparts, refs.counterparts, t.node);
  const { space: _space, ...fields } = input;
  return [{ space: t.space, type: "unit.created", subject: id, actor: t.actor, data: fields }];
}

/** Only the unit's own side changes it. */
export function ownUnit(u: UnitState | undefined, node: string): UnitState {
  if (!u) throw new DomainError("unit.not_found", "no such unit");
  if (u.ownerNode !== node) throw new DomainError("unit.not_owner", `only ${u.ownerNode}, whose unit this is, may change it`);
  return u;
}

export function decideUnitPatch(
  u: UnitState | undefined,
  patch: UnitPatch,
  refs: { sectors: Lookup; counterparts: readonly CounterpartFact[] },
  t: Omit<Target, "space">,
): NewEvent[] {
  const unit = ownUnit(u, t.node);
  if (unit.retired) throw new DomainError("unit.retired", "the unit is retired");
  if (patch.jurisdiction) refuseMissing("jurisdiction", patch.jurisdiction, refs.sectors, "sector");
  if (patch.counterparts) checkCounterparts(patch.counterparts, refs.counterparts, t.node, unit.id);
  const next = { ...unit.fields };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  return [{ space: unit.space, type: "unit.updated", subject: unit.id, actor: t.actor, data: next }];
}

export function decideUnitRetire(u: UnitState | undefined, reason: string, t: Omit<Target, "space">): NewEvent[] {
  const unit = ownUnit(u, t.node);
  if (unit.retired) throw new DomainError("unit.retired", "the unit is already retired");
  return [{ space: unit.space, type: "unit.retired", subject: unit.id, actor: t.actor, data: { reason } }];
}
