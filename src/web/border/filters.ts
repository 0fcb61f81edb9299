import type { IncidentType } from "../../core/border/schema";

/** The time windows the map and the incident list offer; "custom" reads from/to dates. */
export const TIME_WINDOWS = ["24h", "7d", "30d", "custom"] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

/** Which side's records to show: one node's, or both. */
export const SIDE_FILTERS = ["both", "co", "ve"] as const;
export type SideFilter = (typeof SIDE_FILTERS)[number];

/** What the map and the incident list are narrowed to. Dates are YYYY-MM-DD, whole days. */
export interface BorderFilters {
  window: TimeWindow;
  from: string;
  to: string;
  sector: string | null;
  side: SideFilter;
  type: IncidentType | null;
}

export const DEFAULT_FILTERS: BorderFilters = { window: "30d", from: "", to: "", sector: null, side: "both", type: null };

const HOURS: Record<Exclude<TimeWindow, "custom">, number> = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30 };

/**
 * The instants a window covers. A custom window runs from the start of its first day to the
 * end of its last, in UTC (as the daily report counts days); a missing end is now.
 */
export function windowRange(f: BorderFilters, now: Date): { from: string; to: string } {
  if (f.window !== "custom") return { from: new Date(now.getTime() - HOURS[f.window] * 3_600_000).toISOString(), to: now.toISOString() };
  const from = /^\d{4}-\d{2}-\d{2}$/.test(f.from) ? `${f.from}T00:00:00.000Z` : new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const to = /^\d{4}-\d{2}-\d{2}$/.test(f.to)
    ? new Date(Date.parse(`${f.to}T00:00:00.000Z`) + 86_400_000).toISOString()
    : now.toISOString();
  return { from, to };
}

/**
 * The query string for incident endpoints. Instants are rounded up to the next minute: the
 * query key (and the cache) stays the same while a person looks at the page, and a report
 * entered this minute is inside the window (`to` is exclusive). The list names the side
 * `owner` (the node that owns the report); the map's aggregates name it `side`.
 */
export function incidentParams(f: BorderFilters, now: Date, sideParam: "owner" | "side" = "owner"): URLSearchParams {
  const minute = new Date(Math.ceil((now.getTime() + 1) / 60_000) * 60_000);
  const { from, to } = windowRange(f, minute);
  const p = new URLSearchParams({ from, to });
  if (f.sector) p.set("sector", f.sector);
  if (f.side !== "both") p.set(sideParam, f.side);
  if (f.type) p.set("type", f.type);
  return p;
}
