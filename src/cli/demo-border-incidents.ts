import type { Confidence, Goods, Impact, IncidentType, Position } from "../core/border/schema";
import { ILLUSTRATIVE, type Side, weightsOf } from "./demo-border-data";
import { besideBorder, insideNear, offsetKm } from "./demo-border-geometry";
import { goodsFor, impactFor } from "./demo-border-goods";
import type { BorderShape, PlannedCrossing, PlannedSector } from "./demo-border-places";
import type { Random } from "./demo-border-random";

/**
 * A year of illustrative incidents along the border: where (mostly at or near a known
 * crossing, on the reporting side's own territory), when (more at night, slowly rising over
 * the year), what was seized, how it was graded, and what happened next (closed by the owner
 * with a reason, a follow-up from the other side, a national report released as a copy).
 */
export interface PlannedIncident {
  readonly side: Side;
  /** Kept in the reporting side's national space instead of the binational one. */
  readonly national: boolean;
  readonly sector: string;
  readonly crossing: string | null;
  readonly type: IncidentType;
  readonly occurredAt: number;
  /** When the first report was filed (ms); more than 24 h after `occurredAt` for a few. */
  readonly reportedAt: number;
  readonly position: Position;
  readonly impact: Impact;
  readonly confidence: Confidence;
  readonly goods: Goods[];
  readonly summary: string;
  readonly originator: string;
  readonly close: { readonly at: number; readonly reason: string } | null;
  readonly followup: { readonly text: string; readonly impact: Impact | null; readonly confidence: Confidence | null } | null;
  /** A national incident released into the binational space as a sanitised copy. */
  readonly release: boolean;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const TYPE_ES: Record<IncidentType, string> = {
  smuggling_fuel: "Contrabando de combustible",
  smuggling_food: "Contrabando de alimentos",
  smuggling_livestock: "Contrabando de ganado",
  smuggling_minerals: "Contrabando de minerales",
  smuggling_drugs: "Tráfico de drogas",
  smuggling_weapons: "Tráfico de armas",
  smuggling_other: "Contrabando de mercancías",
  irregular_crossing: "Paso irregular",
  armed_group_activity: "Actividad de grupo armado",
  other: "Otro hecho",
};

const UNIT_ES: Record<Goods["unit"], string> = { l: "l", gal: "gal", kg: "kg", t: "t", head: "cabezas", units: "unidades", m3: "m³" };

const CLOSE_REASONS = [
  "Mercancía incautada y puesta a disposición de la autoridad competente.",
  "Verificado en terreno; sin novedad adicional.",
  "Caso remitido a la fiscalía; cierre operativo.",
  "Grupo disperso; sin actividad posterior observada.",
  "Duplicado de otro reporte del mismo hecho.",
  "Mercancía entregada a la autoridad aduanera.",
];

const FOLLOWUPS: Record<Side, readonly string[]> = {
  co: [
    "Unidad colombiana observó movimiento en el mismo paso al día siguiente.",
    "Del lado colombiano se confirmó el acopio de la mercancía cerca del paso.",
    "Patrulla colombiana reforzó la vigilancia en la orilla opuesta.",
  ],
  ve: [
    "Unidad venezolana verificó el punto de salida del lado venezolano.",
    "Del lado venezolano se halló un depósito vinculado al hecho.",
    "Patrulla venezolana confirmó el uso reciente del paso.",
  ],
};

const RELIABILITY = [
  ["A", 5],
  ["B", 30],
  ["C", 35],
  ["D", 15],
  ["E", 5],
  ["F", 10],
] as const;
const CREDIBILITY = [
  [1, 10],
  [2, 35],
  [3, 30],
  [4, 12],
  [5, 5],
  [6, 8],
] as const;

const confidence = (rng: Random): Confidence => ({ reliability: rng.weighted(RELIABILITY), credibility: rng.weighted(CREDIBILITY) });

/** Days ago, weighted so the last months are busier than the first (+50 % over the year). */
function daysAgo(rng: Random): number {
  for (;;) {
    const d = rng.between(0, 365);
    if (rng.next() * 1.5 < 1 + 0.5 * (1 - d / 365)) return d;
  }
}

/** An instant `days` ago, at an hour weighted towards the night, never after `now`. */
function when(rng: Random, now: number, days: number): number {
  const midnight = Math.floor((now - days * DAY) / DAY) * DAY;
  const hour = rng.weighted([
    [rng.int(0, 5), 3],
    [rng.int(6, 17), 1.2],
    [rng.int(18, 23), 2],
  ]);
  return Math.min(now - rng.int(10, 120) * 60_000, midnight + hour * HOUR + rng.int(0, 59) * 60_000);
}

/** Where: beside a crossing of the reporting side (70 %) or along its side of the sector. */
function placeIncident(
  rng: Random,
  shape: BorderShape,
  sector: PlannedSector,
  own: readonly PlannedCrossing[],
  side: Side,
): { position: Position; crossing: PlannedCrossing | null } {
  if (own.length > 0 && rng.chance(0.7)) {
    const crossing = rng.weighted(own.map((c) => [c, c.weight] as const));
    const near = offsetKm(crossing.position, rng.between(-1.2, 1.2), rng.between(-1.2, 1.2));
    const position = shape.territoryOf(near) === side ? near : crossing.position;
    return { position, crossing };
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = besideBorder(sector.path, rng.next(), rng.between(0.5, 12), side, shape.territoryOf);
    if (p) return { position: p, crossing: null };
  }
  const fallback = insideNear({ lat: sector.path[0]?.[1] ?? 0, lon: sector.path[0]?.[0] ?? 0 }, side, shape.territoryOf, shape.line, 1);
  if (!fallback) throw new Error(`no place for an incident in ${sector.spec.code} on ${side}'s side`);
  return { position: fallback, crossing: null };
}

function summaryOf(type: IncidentType, goods: readonly Goods[], where: string): string {
  const seized = goods.map((g) => `${g.quantity} ${UNIT_ES[g.unit]} de ${g.description.toLowerCase()}`).join(" y ");
  return `${TYPE_ES[type]}${seized ? `: incautación de ${seized}` : ""} en ${where}. ${ILLUSTRATIVE}.`;
}

export interface IncidentPlanOptions {
  readonly now: number;
  readonly count: number;
}

/** `count` incidents over the year before `now`, spread over the sectors by their share. */
export function planIncidents(
  shape: BorderShape,
  sectors: readonly PlannedSector[],
  crossings: readonly PlannedCrossing[],
  rng: Random,
  { now, count }: IncidentPlanOptions,
): PlannedIncident[] {
  const out: PlannedIncident[] = [];
  let released = 0;
  for (let i = 0; i < count; i++) {
    const sector = rng.weighted(sectors.map((s) => [s, s.spec.share] as const));
    const side: Side = rng.chance(0.5) ? "co" : "ve";
    const own = crossings.filter((c) => c.side === side && c.sector === sector.spec.code && c.status !== "closed");
    const { position, crossing } = placeIncident(rng, shape, sector, own, side);
    const type = rng.weighted(weightsOf(sector.spec.types));
    const goods = goodsFor(rng, type, side);
    const occurredAt = when(rng, now, daysAgo(rng));
    // Most first reports follow within hours; about 3 % come more than a day late.
    const delay = rng.chance(0.03) ? rng.between(25, 96) * HOUR : rng.between(0.2, 8) * HOUR;
    const reportedAt = Math.min(now, occurredAt + Math.round(delay / 1000) * 1000);
    const age = now - occurredAt;
    const closes = rng.chance(age > 14 * DAY ? 0.4 : 0.08);
    const closeAt = Math.min(now, reportedAt + rng.int(12, 288) * HOUR);
    const national = rng.chance(0.08);
    const followup = !national && !closes && rng.chance(0.08);
    const release = national && released < 6 && age < 60 * DAY && (type === "smuggling_drugs" || type === "armed_group_activity");
    if (release) released++;
    out.push({
      side,
      national,
      sector: sector.spec.code,
      crossing: crossing?.key ?? null,
      type,
      occurredAt,
      reportedAt,
      position,
      impact: impactFor(rng, type, goods),
      confidence: confidence(rng),
      goods,
      summary: summaryOf(type, goods, crossing ? crossing.name : `el sector ${sector.spec.name}`),
      originator: `${sector.spec.units[side]}, puesto ${rng.int(1, 12)}`,
      close: closes ? { at: closeAt, reason: rng.pick(CLOSE_REASONS) } : null,
      followup: followup
        ? {
            text: `${rng.pick(FOLLOWUPS[side === "co" ? "ve" : "co"])} ${ILLUSTRATIVE}.`,
            impact: rng.chance(0.3) ? impactFor(rng, type, goods) : null,
            confidence: rng.chance(0.4) ? confidence(rng) : null,
          }
        : null,
      release,
    });
  }
  return out.sort((a, b) => a.reportedAt - b.reportedAt);
}
