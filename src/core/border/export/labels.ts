import type { GoodsCategory, Impact, IncidentType } from "../schema";

/**
 * Words the exports write for people (KML descriptions, CoT callsigns and remarks, the
 * printable daily report): Spanish first, English second, like the console.
 */
export type Lang = "es" | "en";

type Words<K extends string> = Record<K, { es: string; en: string }>;

export const INCIDENT_TYPE_LABELS: Words<IncidentType> = {
  smuggling_fuel: { es: "Contrabando de combustible", en: "Fuel smuggling" },
  smuggling_food: { es: "Contrabando de alimentos", en: "Food smuggling" },
  smuggling_livestock: { es: "Contrabando de ganado", en: "Livestock smuggling" },
  smuggling_minerals: { es: "Contrabando de minerales", en: "Mineral smuggling" },
  smuggling_drugs: { es: "Tráfico de drogas", en: "Drug trafficking" },
  smuggling_weapons: { es: "Tráfico de armas", en: "Arms trafficking" },
  smuggling_other: { es: "Contrabando de otros bienes", en: "Smuggling of other goods" },
  irregular_crossing: { es: "Cruce irregular", en: "Irregular crossing" },
  armed_group_activity: { es: "Actividad de grupo armado", en: "Armed-group activity" },
  other: { es: "Otro", en: "Other" },
};

export const GOODS_CATEGORY_LABELS: Words<GoodsCategory> = {
  fuel: { es: "Combustible", en: "Fuel" },
  food: { es: "Alimentos", en: "Food" },
  livestock: { es: "Ganado", en: "Livestock" },
  minerals: { es: "Minerales", en: "Minerals" },
  drugs: { es: "Drogas", en: "Drugs" },
  weapons: { es: "Armas", en: "Weapons" },
  other: { es: "Otros", en: "Other" },
};

export const IMPACT_LABELS: Words<Impact> = {
  low: { es: "bajo", en: "low" },
  medium: { es: "medio", en: "medium" },
  high: { es: "alto", en: "high" },
  very_high: { es: "muy alto", en: "very high" },
};

export const CROSSING_CATEGORY_LABELS: Words<"formal" | "informal"> = {
  formal: { es: "Paso formal", en: "Formal crossing" },
  informal: { es: "Paso informal (trocha)", en: "Informal crossing" },
};

export const STATUS_LABELS: Words<"active" | "closed" | "monitored" | "open"> = {
  active: { es: "activo", en: "active" },
  closed: { es: "cerrado", en: "closed" },
  monitored: { es: "vigilado", en: "monitored" },
  open: { es: "abierto", en: "open" },
};

/** Field names used in descriptions and remarks. */
export const FIELD_LABELS: Words<
  | "type"
  | "occurredAt"
  | "impact"
  | "confidence"
  | "goods"
  | "status"
  | "side"
  | "sector"
  | "risk"
  | "modes"
  | "approximate"
  | "summary"
  | "originator"
  | "note"
  | "units"
> = {
  type: { es: "Tipo", en: "Type" },
  occurredAt: { es: "Fecha y hora", en: "Time" },
  impact: { es: "Impacto", en: "Impact" },
  confidence: { es: "Confiabilidad", en: "Confidence" },
  goods: { es: "Bienes", en: "Goods" },
  status: { es: "Estado", en: "Status" },
  side: { es: "Lado", en: "Side" },
  sector: { es: "Sector", en: "Sector" },
  risk: { es: "Riesgo", en: "Risk" },
  modes: { es: "Modos", en: "Modes" },
  approximate: { es: "Posición aproximada", en: "Approximate position" },
  summary: { es: "Resumen", en: "Summary" },
  originator: { es: "Originador", en: "Originator" },
  note: { es: "Nota", en: "Note" },
  units: { es: "Unidades", en: "Units" },
};

/** "Combustible 1200 l; Drogas 35 kg" — goods as one line of text. */
export function goodsText(goods: readonly { category: GoodsCategory; quantity: number; unit: string }[], lang: Lang): string {
  return goods.map((g) => `${GOODS_CATEGORY_LABELS[g.category][lang]} ${g.quantity} ${g.unit}`).join("; ");
}
