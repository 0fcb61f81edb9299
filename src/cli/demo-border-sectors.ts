import type { IncidentType, SectorLevel } from "../core/border/schema";
import { ILLUSTRATIVE, type Mode, type Side } from "./demo-border-data";
import type { LonLat } from "./demo-border-geometry";

/**
 * The demo's nine sectors, north to south along the real border line, named after the
 * departments (Colombia) and states (Venezuela) each stretch touches. Units, levels and the
 * activity profiles (where crossings and incidents gather, which types are common) are
 * illustrative.
 */
export interface SectorSpec {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  /** Where the stretch starts and ends on the border line (snapped to its nearest vertices). */
  readonly from: LonLat;
  readonly to: LonLat;
  /** The node that records the sector. */
  readonly owner: Side;
  readonly units: Readonly<Record<Side, string>>;
  /** The level one side proposes; `revised`: the other side rejects it and proposes `revisedTo`, which is accepted. */
  readonly level: {
    readonly proposer: Side;
    readonly level: SectorLevel;
    readonly reason: string;
    readonly outcome: "accepted" | "pending" | "revised";
    readonly revisedTo?: SectorLevel;
  };
  /** Towns where informal crossings and incidents gather. */
  readonly hotspots: readonly LonLat[];
  readonly trochas: number;
  /** Weights of the ways informal crossings are used. */
  readonly modes: Readonly<Partial<Record<Mode, number>>>;
  /** Share of the demo's incidents that happen in this sector. */
  readonly share: number;
  /** Weights of incident types here. */
  readonly types: Readonly<Partial<Record<IncidentType, number>>>;
}

const note = (text: string) => `${text} ${ILLUSTRATIVE}.`;

export const SECTORS: readonly SectorSpec[] = [
  {
    code: "GUA",
    name: "La Guajira – Zulia",
    description: note(
      "Desde Castilletes hasta los Montes de Oca: La Guajira (Colombia) y el municipio Guajira del estado Zulia (Venezuela).",
    ),
    from: [-71.319, 11.863],
    to: [-72.87, 10.491],
    owner: "co",
    units: { co: "Batallón ilustrativo de La Guajira", ve: "Destacamento ilustrativo Guajira (Zulia)" },
    level: {
      proposer: "co",
      level: "high",
      reason: "Contrabando de combustible y alimentos sostenido en Paraguachón.",
      outcome: "accepted",
    },
    hotspots: [
      [-72.15, 11.37],
      [-72.3, 11.05],
    ],
    trochas: 10,
    modes: { vehicle: 5, foot: 4 },
    share: 0.2,
    types: {
      smuggling_fuel: 35,
      smuggling_food: 25,
      smuggling_other: 12,
      smuggling_drugs: 6,
      smuggling_weapons: 2,
      smuggling_livestock: 5,
      irregular_crossing: 10,
      armed_group_activity: 2,
      other: 3,
    },
  },
  {
    code: "PER",
    name: "Serranía del Perijá – Cesar / Zulia",
    description: note("La serranía del Perijá entre La Guajira y el Cesar (Colombia) y el estado Zulia (Venezuela)."),
    from: [-72.87, 10.491],
    to: [-72.798, 9.109],
    owner: "co",
    units: { co: "Batallón ilustrativo del Perijá", ve: "Unidad ilustrativa de Machiques (Zulia)" },
    level: { proposer: "ve", level: "medium", reason: "Pasos de montaña con actividad de grupos armados.", outcome: "accepted" },
    hotspots: [[-72.95, 10.05]],
    trochas: 5,
    modes: { foot: 5 },
    share: 0.07,
    types: {
      smuggling_drugs: 15,
      smuggling_fuel: 20,
      smuggling_food: 15,
      smuggling_livestock: 10,
      armed_group_activity: 15,
      smuggling_weapons: 5,
      irregular_crossing: 15,
      other: 5,
    },
  },
  {
    code: "CAT",
    name: "Catatumbo – Norte de Santander / Zulia",
    description: note("La región del Catatumbo (Norte de Santander, Colombia) frente al sur del Lago de Maracaibo (Zulia, Venezuela)."),
    from: [-72.798, 9.109],
    to: [-72.417, 8.382],
    owner: "co",
    units: { co: "Fuerza de tarea ilustrativa Catatumbo", ve: "Unidad ilustrativa del Sur del Lago (Zulia)" },
    level: {
      proposer: "co",
      level: "critical",
      reason: "Cultivos ilícitos, laboratorios y grupos armados en ambos márgenes.",
      outcome: "accepted",
    },
    hotspots: [
      [-72.65, 8.8],
      [-72.45, 8.55],
    ],
    trochas: 7,
    modes: { foot: 4, river: 3 },
    share: 0.1,
    types: {
      smuggling_drugs: 35,
      smuggling_fuel: 12,
      armed_group_activity: 25,
      smuggling_weapons: 8,
      smuggling_food: 5,
      irregular_crossing: 8,
      smuggling_other: 4,
      other: 3,
    },
  },
  {
    code: "CUC",
    name: "Cúcuta – San Antonio / Ureña",
    description: note(
      "El área metropolitana de Cúcuta y Puerto Santander (Norte de Santander) frente a San Antonio, Ureña y García de Hevia (Táchira).",
    ),
    from: [-72.417, 8.382],
    to: [-72.471, 7.524],
    owner: "co",
    units: { co: "Brigada ilustrativa de Cúcuta", ve: "Zona de defensa ilustrativa Táchira" },
    level: {
      proposer: "co",
      level: "high",
      reason: "Mayor volumen de contrabando de la frontera por las trochas del río Táchira.",
      outcome: "revised",
      revisedTo: "critical",
    },
    hotspots: [
      [-72.46, 7.88],
      [-72.44, 7.81],
      [-72.4, 8.36],
    ],
    trochas: 16,
    modes: { foot: 6, vehicle: 2, river: 2 },
    share: 0.3,
    types: {
      smuggling_fuel: 30,
      smuggling_food: 25,
      smuggling_other: 12,
      smuggling_drugs: 6,
      smuggling_weapons: 2,
      smuggling_livestock: 3,
      irregular_crossing: 15,
      armed_group_activity: 4,
      other: 3,
    },
  },
  {
    code: "SAR",
    name: "Sarare – Norte de Santander, Boyacá y Arauca / Táchira y Apure",
    description: note("Del sur del Táchira a Saravena: Norte de Santander, Boyacá (Cubará) y Arauca frente a Táchira y Apure."),
    from: [-72.471, 7.524],
    to: [-72.006, 7.033],
    owner: "ve",
    units: { co: "Batallón ilustrativo del Sarare", ve: "Unidad ilustrativa de La Fría–Guasdualito" },
    level: { proposer: "ve", level: "medium", reason: "Corredor de paso hacia el piedemonte llanero.", outcome: "accepted" },
    hotspots: [[-72.2, 7.2]],
    trochas: 5,
    modes: { foot: 3, river: 2 },
    share: 0.06,
    types: {
      smuggling_fuel: 20,
      smuggling_food: 15,
      smuggling_livestock: 15,
      smuggling_drugs: 10,
      armed_group_activity: 20,
      smuggling_weapons: 5,
      irregular_crossing: 10,
      other: 5,
    },
  },
  {
    code: "ARA",
    name: "Río Arauca – Arauca / Apure",
    description: note("El río Arauca entre el departamento de Arauca (Colombia) y el estado Apure (Venezuela)."),
    from: [-72.006, 7.033],
    to: [-70.095, 6.938],
    owner: "ve",
    units: { co: "Brigada ilustrativa de Arauca", ve: "Zona de defensa ilustrativa Apure" },
    level: {
      proposer: "ve",
      level: "high",
      reason: "Contrabando de ganado y presencia de grupos armados en las riberas.",
      outcome: "accepted",
    },
    hotspots: [
      [-70.76, 7.08],
      [-71.43, 7.03],
    ],
    trochas: 10,
    modes: { river: 6, foot: 3, vehicle: 1 },
    share: 0.14,
    types: {
      smuggling_livestock: 35,
      smuggling_fuel: 15,
      smuggling_food: 12,
      smuggling_drugs: 8,
      smuggling_weapons: 4,
      armed_group_activity: 14,
      irregular_crossing: 8,
      smuggling_other: 2,
      other: 2,
    },
  },
  {
    code: "MET",
    name: "Río Meta – Arauca y Vichada / Apure",
    description: note("De la línea Arauca–Meta a Puerto Carreño: Arauca y Vichada (Colombia) frente a Apure (Venezuela)."),
    from: [-70.095, 6.938],
    to: [-67.481, 6.181],
    owner: "ve",
    units: { co: "Batallón ilustrativo del Meta", ve: "Unidad ilustrativa del Bajo Apure" },
    level: { proposer: "co", level: "medium", reason: "Llanos abiertos con tránsito de ganado y combustible.", outcome: "accepted" },
    hotspots: [[-67.6, 6.22]],
    trochas: 3,
    modes: { river: 2, vehicle: 1 },
    share: 0.05,
    types: {
      smuggling_livestock: 25,
      smuggling_fuel: 15,
      smuggling_food: 15,
      smuggling_drugs: 15,
      armed_group_activity: 10,
      smuggling_weapons: 5,
      irregular_crossing: 10,
      other: 5,
    },
  },
  {
    code: "ORI",
    name: "Orinoco – Vichada / Amazonas",
    description: note("El río Orinoco entre Vichada (Colombia) y Amazonas (Venezuela), de Puerto Carreño a la boca del Guaviare."),
    from: [-67.481, 6.181],
    to: [-67.733, 4.087],
    owner: "ve",
    units: { co: "Batallón fluvial ilustrativo del Orinoco", ve: "Unidad fluvial ilustrativa de Puerto Ayacucho" },
    level: { proposer: "ve", level: "low", reason: "Poco tránsito fuera de los puertos; vigilancia fluvial regular.", outcome: "accepted" },
    hotspots: [[-67.63, 5.67]],
    trochas: 2,
    modes: { river: 1 },
    share: 0.04,
    types: {
      smuggling_minerals: 30,
      smuggling_fuel: 20,
      smuggling_food: 15,
      smuggling_drugs: 10,
      armed_group_activity: 10,
      smuggling_weapons: 5,
      irregular_crossing: 5,
      other: 5,
    },
  },
  {
    code: "ATA",
    name: "Atabapo y Río Negro – Guainía / Amazonas",
    description: note("Los ríos Atabapo, Guainía y Negro entre Guainía (Colombia) y Amazonas (Venezuela), hasta la piedra del Cocuy."),
    from: [-67.733, 4.087],
    to: [-66.876, 1.223],
    owner: "ve",
    units: { co: "Batallón fluvial ilustrativo de Guainía", ve: "Unidad ilustrativa de San Fernando de Atabapo" },
    level: { proposer: "ve", level: "high", reason: "Minería ilegal de oro y coltán en las cuencas del sur.", outcome: "pending" },
    hotspots: [
      [-67.7, 4.05],
      [-67.1, 2.1],
    ],
    trochas: 2,
    modes: { river: 1 },
    share: 0.04,
    types: {
      smuggling_minerals: 45,
      smuggling_fuel: 15,
      smuggling_food: 10,
      smuggling_drugs: 5,
      armed_group_activity: 10,
      smuggling_weapons: 5,
      irregular_crossing: 5,
      other: 5,
    },
  },
];
