import type { Goods, GoodsCategory, Impact, IncidentType } from "../core/border/schema";
import type { Side } from "./demo-border-data";
import type { Random } from "./demo-border-random";

/**
 * Seized goods for the demo's incidents: plausible kinds, units and amounts per type of
 * smuggling (Colombian reports count fuel in gallons, Venezuelan ones in litres), and the
 * impact an incident of that size would be given. All illustrative.
 */
type GoodsUnit = Goods["unit"];

/** [description, unit, median quantity, spread] per goods category. */
const KINDS: Record<GoodsCategory, readonly (readonly [string, GoodsUnit, number, number])[]> = {
  fuel: [
    ["Gasolina", "l", 450, 3],
    ["Gasoil (diésel)", "l", 600, 3],
  ],
  food: [
    ["Arroz", "kg", 400, 3],
    ["Harina de maíz precocida", "kg", 300, 3],
    ["Azúcar", "kg", 350, 3],
    ["Queso", "kg", 120, 2.5],
    ["Carne de res", "kg", 150, 2.5],
    ["Aceite vegetal", "l", 200, 3],
    ["Café", "kg", 250, 3],
  ],
  livestock: [
    ["Ganado bovino", "head", 18, 2.5],
    ["Ganado porcino", "head", 12, 2],
    ["Ganado caprino", "head", 25, 2],
  ],
  minerals: [
    ["Oro", "kg", 0.4, 3],
    ["Coltán", "kg", 300, 3],
    ["Casiterita", "kg", 500, 3],
  ],
  drugs: [
    ["Clorhidrato de cocaína", "kg", 40, 4],
    ["Marihuana", "kg", 80, 3],
    ["Pasta base de coca", "kg", 25, 3],
  ],
  weapons: [
    ["Fusiles", "units", 3, 2],
    ["Pistolas", "units", 2, 2],
    ["Munición", "units", 400, 3],
    ["Granadas", "units", 4, 2],
  ],
  other: [
    ["Cigarrillos (cajetillas)", "units", 2000, 3],
    ["Licores", "l", 200, 3],
    ["Medicamentos", "units", 500, 3],
    ["Neumáticos", "units", 30, 2],
    ["Chatarra de cobre", "kg", 600, 3],
    ["Cemento", "t", 8, 2],
  ],
};

const CATEGORY_OF: Partial<Record<IncidentType, GoodsCategory>> = {
  smuggling_fuel: "fuel",
  smuggling_food: "food",
  smuggling_livestock: "livestock",
  smuggling_minerals: "minerals",
  smuggling_drugs: "drugs",
  smuggling_weapons: "weapons",
  smuggling_other: "other",
};

const LITRES_PER_GALLON = 3.785;

/** Two significant figures above 10, two decimals below: how seizures are written up. */
function tidy(q: number): number {
  if (q < 10) return Math.max(0.01, Math.round(q * 100) / 100);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(q)) - 1);
  return Math.round(q / step) * step;
}

function one(rng: Random, category: GoodsCategory, side: Side): Goods {
  const [description, unit, median, spread] = rng.pick(KINDS[category]);
  const quantity = rng.logNormal(median, spread);
  if (category === "fuel" && side === "co") {
    return { category, quantity: tidy(quantity / LITRES_PER_GALLON), unit: "gal", description };
  }
  return { category, quantity: tidy(quantity), unit, description };
}

/** What was seized in an incident of this type: usually one kind of goods, sometimes two. */
export function goodsFor(rng: Random, type: IncidentType, side: Side): Goods[] {
  const category = CATEGORY_OF[type];
  if (!category) {
    // Armed-group activity sometimes ends with weapons taken.
    return type === "armed_group_activity" && rng.chance(0.25) ? [one(rng, "weapons", side)] : [];
  }
  const goods = [one(rng, category, side)];
  if ((category === "fuel" || category === "food") && rng.chance(0.15)) goods.push(one(rng, category === "fuel" ? "food" : "fuel", side));
  if (category === "drugs" && rng.chance(0.1)) goods.push(one(rng, "weapons", side));
  return goods;
}

/** How big a seizure is relative to its kind's median (1 = typical). */
function size(goods: readonly Goods[]): number {
  let biggest = 0;
  for (const g of goods) {
    const kind = KINDS[g.category].find(([d]) => d === g.description);
    if (!kind) continue;
    const litres = g.unit === "gal" ? g.quantity * LITRES_PER_GALLON : g.quantity;
    biggest = Math.max(biggest, litres / kind[2]);
  }
  return biggest;
}

const IMPACTS: readonly Impact[] = ["low", "medium", "high", "very_high"];

/** Impact by type, raised a level for a seizure several times the usual size. */
export function impactFor(rng: Random, type: IncidentType, goods: readonly Goods[]): Impact {
  const base: Record<IncidentType, readonly (readonly [number, number])[]> = {
    smuggling_fuel: [
      [0, 6],
      [1, 3],
      [2, 1],
    ],
    smuggling_food: [
      [0, 7],
      [1, 3],
    ],
    smuggling_livestock: [
      [0, 4],
      [1, 4],
      [2, 1],
    ],
    smuggling_minerals: [
      [1, 5],
      [2, 4],
      [3, 1],
    ],
    smuggling_drugs: [
      [1, 4],
      [2, 4],
      [3, 2],
    ],
    smuggling_weapons: [
      [1, 2],
      [2, 5],
      [3, 3],
    ],
    smuggling_other: [
      [0, 7],
      [1, 3],
    ],
    irregular_crossing: [
      [0, 7],
      [1, 3],
    ],
    armed_group_activity: [
      [1, 2],
      [2, 5],
      [3, 3],
    ],
    other: [
      [0, 6],
      [1, 4],
    ],
  };
  const level = rng.weighted(base[type]) + (size(goods) > 4 ? 1 : 0);
  return IMPACTS[Math.min(3, level)] as Impact;
}
