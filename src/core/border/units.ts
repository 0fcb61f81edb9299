import type { Goods } from "./schema";

/**
 * Seizures are reported in the unit at hand (gallons of fuel at one post, litres at
 * another); totals add them in one base unit per kind of measure: litres, kilograms,
 * head, units, cubic metres.
 */
export const BASE_UNITS = { l: "l", gal: "l", kg: "kg", t: "kg", head: "head", units: "units", m3: "m3" } as const;

const FACTOR: Record<Goods["unit"], number> = { l: 1, gal: 3.785411784, kg: 1, t: 1000, head: 1, units: 1, m3: 1 };

/** A quantity in its base unit (US gallons to litres, tonnes to kilograms). */
export function toBaseUnit(g: Pick<Goods, "quantity" | "unit">): { quantity: number; unit: (typeof BASE_UNITS)[Goods["unit"]] } {
  return { quantity: g.quantity * FACTOR[g.unit], unit: BASE_UNITS[g.unit] };
}
