import type { SectorLevel } from "../../core/border/schema";

/**
 * The map's palette, one place for the layers and the legend. Every colour that carries
 * meaning is spelled out in the legend too (colour is never the only signal), and the
 * families are far apart so the browser tests can count them in the canvas.
 */
export const MAP_COLORS = {
  sea: "#cfe0ef",
  land: "#ecebe4",
  landOutline: "#a9a79c",
  co: "#fbf0c4",
  ve: "#f7dfe2",
  /** The Colombia–Venezuela line: a dark navy core on a white casing. */
  border: "#141852",
  borderCasing: "#ffffff",
  unassessed: "#9aa1a9",
  formal: "#1971c2",
  informal: "#9c36b5",
  active: "#ffffff",
  monitored: "#0ca678",
  closed: "#212529",
  presenceCo: "#e67700",
  presenceVe: "#364fc7",
  patrol: "#495057",
  incident: "#d6336c",
  clusterSmall: "#f783ac",
  clusterMedium: "#e64980",
  clusterLarge: "#a61e4d",
  selected: "#000000",
} as const;

/** A sector's impact level, from calm to alarming (the legend lists them in this order). */
export const SECTOR_LEVEL_COLORS: Record<SectorLevel, string> = {
  low: "#37b24d",
  medium: "#f5c518",
  high: "#f08c00",
  critical: "#e03131",
};

/** Hex "#rrggbb" as [r, g, b], for the tests that count pixels of a colour. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
