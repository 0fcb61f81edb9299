import type { SectorLevel } from "../core/border/schema";
import type { CrossingView } from "../core/border/views";
import type { LonLat } from "./demo-border-geometry";

/**
 * The border demo's fixed facts besides its sectors (demo-border-sectors.ts): the official
 * crossings by their real names at approximate positions, the label every invented record
 * carries, and the place words the invented informal crossings are named with.
 */
export type Side = "co" | "ve";
export type Mode = CrossingView["modes"][number];

export const ILLUSTRATIVE = "Dato ilustrativo de demostración / illustrative demo data";

/** Weights written as a record, as `[key, weight]` pairs for `Random.weighted`. */
export const weightsOf = <K extends string>(w: Readonly<Partial<Record<K, number>>>): [K, number][] =>
  Object.entries(w).map(([k, v]) => [k as K, Number(v)]);

export interface OfficialCrossing {
  readonly name: string;
  readonly sector: string;
  /** The side that records it, and roughly where its end on that side is. */
  readonly side: Side;
  readonly near: LonLat;
  readonly modes: readonly Mode[];
  readonly risk: SectorLevel;
}

/** The official crossings by their real names; positions are approximate (labelled so). */
export const OFFICIAL_CROSSINGS: readonly OfficialCrossing[] = [
  {
    name: "Puente Internacional Simón Bolívar (Villa del Rosario – San Antonio del Táchira)",
    sector: "CUC",
    side: "co",
    near: [-72.452, 7.82],
    modes: ["foot", "vehicle"],
    risk: "high",
  },
  {
    name: "Puente Internacional Francisco de Paula Santander (Cúcuta – Ureña)",
    sector: "CUC",
    side: "ve",
    near: [-72.452, 7.91],
    modes: ["foot", "vehicle"],
    risk: "high",
  },
  {
    name: "Puente Internacional Atanasio Girardot / Tienditas (Cúcuta – Pedro María Ureña)",
    sector: "CUC",
    side: "co",
    near: [-72.46, 7.88],
    modes: ["vehicle"],
    risk: "medium",
  },
  {
    name: "Puente Internacional Unión (Puerto Santander – Boca de Grita)",
    sector: "CUC",
    side: "ve",
    near: [-72.395, 8.36],
    modes: ["foot", "vehicle"],
    risk: "high",
  },
  {
    name: "Puente Internacional José Antonio Páez (Arauca – El Amparo)",
    sector: "ARA",
    side: "co",
    near: [-70.757, 7.085],
    modes: ["foot", "vehicle"],
    risk: "high",
  },
  {
    name: "Paso fronterizo de Paraguachón (Maicao – Paraguachón)",
    sector: "GUA",
    side: "ve",
    near: [-72.13, 11.36],
    modes: ["foot", "vehicle"],
    risk: "high",
  },
  {
    name: "Paso fluvial Puerto Carreño – Puerto Páez",
    sector: "MET",
    side: "co",
    near: [-67.486, 6.189],
    modes: ["river"],
    risk: "medium",
  },
  {
    name: "Paso fluvial Casuarito – Puerto Ayacucho",
    sector: "ORI",
    side: "co",
    near: [-67.64, 5.683],
    modes: ["river"],
    risk: "low",
  },
  {
    name: "Paso fluvial Puerto Inírida – San Fernando de Atabapo",
    sector: "ATA",
    side: "ve",
    near: [-67.701, 4.048],
    modes: ["river"],
    risk: "medium",
  },
];

export const APPROXIMATE_NOTE =
  "Paso oficial con su nombre real; posición aproximada, no apta para navegación / official crossing by its real name; approximate position, not for navigation.";

/** Generic place words for the invented informal crossings ("trochas"). */
export const TROCHA_NAMES =
  "El Guamo|La Ceiba|Los Cocos|Caño Seco|El Mango|La Vega|El Palmar|Las Flores|El Limón|La Esperanza|Los Naranjos|El Cují|La Cañada|El Recreo|Las Piedras|El Samán|La Arenosa|El Totumo|Los Almendros|La Playita|El Retiro|Santa Rita|El Paraíso|La Lomita|El Porvenir|Las Palmas|El Tamarindo|La Pradera|El Carmen|San Isidro|La Unión|El Rodeo|Las Brisas|El Jobo|La Cabaña|Los Laureles|El Progreso|Buenos Aires|La Quinta|El Caracol|Villa Nueva|El Bosque|La Fortuna|Los Pinos|El Triunfo|La Isla|El Caimán|Las Garzas|El Banco|La Torre|El Cerrito|Los Andes|El Descanso|La Mina|El Morichal|La Sabana|El Estero|Los Chorros|El Guayabo|La Gloria|El Peñón|Las Lajas|Bella Vista|El Zancudo".split(
    "|",
  );
