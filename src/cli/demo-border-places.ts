import type { Position, SectorLevel } from "../core/border/schema";
import type { CrossingView } from "../core/border/views";
import { APPROXIMATE_NOTE, ILLUSTRATIVE, OFFICIAL_CROSSINGS, type Side, TROCHA_NAMES, weightsOf } from "./demo-border-data";
import { besideBorder, fractionOf, insideNear, type LonLat, sliceBetween, type TerritoryOf, toPosition } from "./demo-border-geometry";
import type { Random } from "./demo-border-random";
import { SECTORS, type SectorSpec } from "./demo-border-sectors";

/**
 * Where the demo's border places are: each sector's stretch of the real border line, the
 * official crossings a little inside the side that records them, and the invented informal
 * crossings a few hundred metres to a few kilometres from the line on their recorder's side.
 */
export interface PlannedSector {
  readonly spec: SectorSpec;
  readonly path: LonLat[];
}

export interface PlannedCrossing {
  /** A stable key within the plan (the server gives the id). */
  readonly key: string;
  readonly side: Side;
  readonly sector: string;
  readonly name: string;
  readonly category: "formal" | "informal";
  readonly modes: CrossingView["modes"];
  readonly position: Position;
  readonly status: CrossingView["status"];
  readonly risk: SectorLevel;
  readonly approximate: boolean;
  readonly note: string;
  /** How busy it is: incidents and presence gather at busy crossings. */
  readonly weight: number;
}

/** The border line the demo lays its sectors along, and the territory test it places points with. */
export interface BorderShape {
  readonly line: readonly LonLat[];
  readonly territoryOf: TerritoryOf;
}

export function planSectors(shape: BorderShape): PlannedSector[] {
  return SECTORS.map((spec) => ({ spec, path: sliceBetween(shape.line, spec.from, spec.to) }));
}

/** Official crossings sit at least 300 m inside their recorder's side: the drawn line is coarser than the rivers it follows. */
const OFFICIAL_INSIDE_KM = 0.3;

export function planOfficialCrossings(shape: BorderShape): PlannedCrossing[] {
  return OFFICIAL_CROSSINGS.map((c, i) => {
    const position = insideNear(toPosition(c.near), c.side, shape.territoryOf, shape.line, OFFICIAL_INSIDE_KM);
    if (!position) throw new Error(`no position on ${c.side}'s side near ${c.name}`);
    return {
      key: `official-${i + 1}`,
      side: c.side,
      sector: c.sector,
      name: c.name,
      category: "formal",
      modes: [...c.modes],
      position,
      status: "active",
      risk: c.risk,
      approximate: true,
      note: APPROXIMATE_NOTE,
      weight: 3,
    };
  });
}

const LEVELS: readonly SectorLevel[] = ["low", "medium", "high", "critical"];
const agreedLevel = (spec: SectorSpec): SectorLevel =>
  spec.level.outcome === "revised" ? (spec.level.revisedTo ?? spec.level.level) : spec.level.level;

/** A fraction of the sector's path: near one of its hotspots most of the time, anywhere otherwise. */
function drawFraction(rng: Random, path: readonly LonLat[], spec: SectorSpec): number {
  if (spec.hotspots.length === 0 || rng.chance(0.3)) return rng.between(0.02, 0.98);
  const centre = fractionOf(path, toPosition(rng.pick(spec.hotspots)));
  // Long sectors spread less as a fraction: hotspots are towns, a few kilometres across.
  const spread = Math.min(0.08, 12 / Math.max(1, path.length * 3.5));
  return Math.max(0.01, Math.min(0.99, centre + rng.between(-spread, spread)));
}

/** About 60 invented informal crossings, most of them near Cúcuta, La Guajira and Arauca. */
export function planInformalCrossings(shape: BorderShape, sectors: readonly PlannedSector[], rng: Random): PlannedCrossing[] {
  const names = [...TROCHA_NAMES];
  const out: PlannedCrossing[] = [];
  for (const { spec, path } of sectors) {
    for (let i = 0; i < spec.trochas; i++) {
      const side: Side = i % 2 === 0 ? "co" : "ve";
      const mode = rng.weighted(weightsOf(spec.modes));
      let position: Position | undefined;
      for (let attempt = 0; attempt < 20 && !position; attempt++) {
        const km = mode === "river" ? rng.between(0.2, 1.2) : rng.between(0.4, 3);
        position = besideBorder(path, drawFraction(rng, path, spec), km, side, shape.territoryOf, shape.line);
      }
      if (!position) throw new Error(`no place for an informal crossing of ${spec.code} on ${side}'s side`);
      const name = names.splice(rng.int(0, names.length - 1), 1)[0] ?? `${spec.code}-${i + 1}`;
      const base = LEVELS.indexOf(agreedLevel(spec));
      const risk = LEVELS[
        Math.max(
          0,
          Math.min(
            3,
            base +
              rng.weighted([
                [-1, 2],
                [0, 5],
                [1, 1],
              ] as const),
          ),
        )
      ] as SectorLevel;
      const extra = mode === "foot" && rng.chance(0.25) ? (["vehicle"] as const) : [];
      out.push({
        key: `informal-${spec.code}-${i + 1}`,
        side,
        sector: spec.code,
        name: `${mode === "river" ? "Paso fluvial" : "Trocha"} ${name} (ilustrativa)`,
        category: "informal",
        modes: [mode, ...extra],
        position,
        status: rng.weighted([
          ["active", 68],
          ["monitored", 24],
          ["closed", 8],
        ] as const),
        risk,
        approximate: false,
        note: `Paso informal inventado para la demostración. ${ILLUSTRATIVE}.`,
        weight: rng.logNormal(1, 2.5),
      });
    }
  }
  return out;
}
