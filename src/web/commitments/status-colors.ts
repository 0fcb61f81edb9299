import type { ActivityStatus } from "../../core/commitments/schema";
import type { Tone } from "../components/StatusBadge";

/**
 * One colour per status, dark enough for AA contrast on white and distinct in print.
 * Text always accompanies the colour.
 */
export const STATUS_COLORS: Record<ActivityStatus, string> = {
  on_track: "#1c5fa8",
  at_risk: "#b35900",
  late: "#b3261e",
  complete: "#2b7a3d",
  complete_late: "#6b4fa0",
};

/** Badge tones for the same statuses. */
export const STATUS_BADGE: Record<ActivityStatus, Tone> = {
  on_track: "blue",
  at_risk: "orange",
  late: "red",
  complete: "green",
  complete_late: "grape",
};

/** Statuses in the order the charts and legends show them. */
export const STATUS_ORDER: readonly ActivityStatus[] = ["on_track", "at_risk", "late", "complete", "complete_late"];
