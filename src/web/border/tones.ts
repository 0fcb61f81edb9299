import type { CROSSING_STATUSES, Impact, SectorLevel } from "../../core/border/schema";
import type { Tone } from "../components/StatusBadge";

/** Badge tones of the border's scales, matching the map's colours where both show a value. */
export const SECTOR_LEVEL_TONE: Record<SectorLevel, Tone> = { low: "green", medium: "yellow", high: "orange", critical: "red" };
export const IMPACT_TONE: Record<Impact, Tone> = { low: "green", medium: "yellow", high: "orange", very_high: "red" };
export const CROSSING_STATUS_TONE: Record<(typeof CROSSING_STATUSES)[number], Tone> = {
  active: "blue",
  monitored: "teal",
  closed: "gray",
};
