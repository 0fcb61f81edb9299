import type { Position } from "../core/border/schema";
import type { Side } from "./demo-border-data";
import { besideBorder, fractionOf } from "./demo-border-geometry";
import type { BorderShape, PlannedCrossing, PlannedSector } from "./demo-border-places";
import type { Random } from "./demo-border-random";

/**
 * Each side's presence in the demo: deployments at crossings and along sectors (some
 * current, some ended) and patrol reports whose routes run along the border through the
 * crossings they visited. Presence is deliberately uneven — dense around Cúcuta, La Guajira
 * and Arauca, thin in the south — so the coverage view has real gaps to show.
 */
export interface PlannedDeployment {
  readonly side: Side;
  readonly sector: string;
  readonly crossing: string | null;
  readonly unit: string;
  readonly position: Position;
  readonly from: number;
  /** Known end when recorded (a past deployment), else null. */
  readonly to: number | null;
  /** A current deployment that is ended later with `deployment.ended` at this instant. */
  readonly endedAt: number | null;
  readonly strength: number;
}

export interface PlannedPatrol {
  readonly side: Side;
  readonly sector: string;
  readonly unit: string;
  readonly route: [number, number][];
  readonly startedAt: number;
  readonly endedAt: number;
  readonly crossings: string[];
  readonly findings: string;
}

const HOUR = 3_600_000;

/** How much of each sector's presence the demo shows (1 = the busiest). */
const PRESENCE: Record<string, number> = { CUC: 1, GUA: 0.8, ARA: 0.8, CAT: 0.5, SAR: 0.45, PER: 0.35, MET: 0.25, ORI: 0.15, ATA: 0.1 };

const FINDINGS = [
  ["Sin novedad.", 10],
  ["Huellas recientes de paso de motocicletas.", 2],
  ["Bidones de combustible abandonados en la orilla.", 2],
  ["Paso bloqueado con troncos; se verificó el cierre.", 1],
  ["Sacos de alimentos acopiados; se informó al puesto más cercano.", 1],
  ["Embarcación sin registro amarrada en el paso.", 1],
] as const;

export function planDeployments(sectors: readonly PlannedSector[], crossings: readonly PlannedCrossing[], rng: Random, now: number) {
  const out: PlannedDeployment[] = [];
  const unitOf = (side: Side, sector: string) => sectors.find((s) => s.spec.code === sector)?.spec.units[side] ?? "Unidad ilustrativa";
  // Whole hours: tidy times in the console.
  const days = (min: number, max: number) => rng.int(min * 24, max * 24) * HOUR;
  for (const c of crossings) {
    const presence = PRESENCE[c.sector] ?? 0.2;
    const unit = `${unitOf(c.side, c.sector)}, pelotón ${rng.int(1, 9)}`;
    const base = { side: c.side, sector: c.sector, crossing: c.key, unit, position: c.position };
    if (c.category === "formal") {
      out.push({ ...base, from: now - days(60, 300), to: null, endedAt: null, strength: rng.int(25, 60) });
      continue;
    }
    const draw = rng.next();
    if (draw < 0.35 * presence) {
      // Current, with an ended tour before it.
      const from = now - days(2, 40);
      out.push({ ...base, from: from - days(20, 60), to: from - days(1, 10), endedAt: null, strength: rng.int(8, 20) });
      out.push({ ...base, from, to: null, endedAt: null, strength: rng.int(6, 18) });
    } else if (draw < 0.5 * presence) {
      // Withdrawn within the last week: counts for 7 days, not for 24 hours.
      const endedAt = now - days(1.5, 6);
      out.push({ ...base, from: endedAt - days(10, 40), to: null, endedAt, strength: rng.int(6, 15) });
    } else if (rng.chance(0.5)) {
      // An older tour only: the crossing is a gap now.
      const to = now - days(10, 120);
      out.push({ ...base, from: to - days(7, 45), to, endedAt: null, strength: rng.int(6, 15) });
    }
  }
  return out;
}

/** Findings and route of one patrol along `sector` on `side`, through `visited` in border order. */
function route(
  shape: BorderShape,
  sector: PlannedSector,
  side: Side,
  visited: readonly PlannedCrossing[],
  rng: Random,
): [number, number][] {
  const at = visited.map((c) => fractionOf(sector.path, c.position));
  const points: Position[] = [];
  const step = (f: number, km: number) => besideBorder(sector.path, f, km, side, shape.territoryOf);
  const start = step(Math.max(0, (at[0] ?? 0.5) - 0.02), rng.between(3, 6));
  if (start) points.push(start);
  visited.forEach((c, i) => {
    if (i > 0) {
      const mid = step(((at[i - 1] ?? 0) + (at[i] ?? 0)) / 2, rng.between(1, 3));
      if (mid) points.push(mid);
    }
    points.push(c.position);
  });
  const end = step(Math.min(1, (at[at.length - 1] ?? 0.5) + 0.02), rng.between(3, 6));
  if (end) points.push(end);
  return points.map((p): [number, number] => [p.lon, p.lat]);
}

/** Patrols over the last `days` days, about `perDay` a day for both sides together. */
export function planPatrols(
  shape: BorderShape,
  sectors: readonly PlannedSector[],
  crossings: readonly PlannedCrossing[],
  rng: Random,
  { now, days, perDay }: { now: number; days: number; perDay: number },
): PlannedPatrol[] {
  const out: PlannedPatrol[] = [];
  const total = Math.round(days * perDay);
  const choices = sectors.map((s) => [s, PRESENCE[s.spec.code] ?? 0.2] as const);
  for (let i = 0; i < total; i++) {
    const sector = rng.weighted(choices);
    const side: Side = rng.chance(0.5) ? "co" : "ve";
    const own = crossings.filter((c) => c.side === side && c.sector === sector.spec.code);
    if (own.length === 0) continue;
    // Patrols favour busy crossings; quiet ones go unvisited, which is what coverage shows.
    const visited = new Set<PlannedCrossing>();
    const want = Math.min(
      own.length,
      rng.weighted([
        [1, 3],
        [2, 2],
        [3, 1],
      ] as const),
    );
    for (let k = 0; k < want * 3 && visited.size < want; k++) visited.add(rng.weighted(own.map((c) => [c, c.weight ** 2] as const)));
    const ordered = [...visited].sort((a, b) => fractionOf(sector.path, a.position) - fractionOf(sector.path, b.position));
    const endedAt = now - rng.int(1, days * 24 - 12) * HOUR + rng.int(0, 59) * 60_000;
    out.push({
      side,
      sector: sector.spec.code,
      unit: `${sector.spec.units[side]}, patrulla ${rng.int(1, 20)}`,
      route: route(shape, sector, side, ordered, rng),
      startedAt: endedAt - rng.int(180, 600) * 60_000,
      endedAt,
      crossings: ordered.map((c) => c.key),
      findings: `${rng.weighted(FINDINGS)} Patrullaje ilustrativo de demostración.`,
    });
  }
  return out.sort((a, b) => a.endedAt - b.endedAt);
}
