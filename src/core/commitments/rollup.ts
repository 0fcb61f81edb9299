import { ACTIVITY_STATUSES, type ActivityStatus } from "./schema";

/**
 * Roll-up of activities into one figure: the weighted mean of level / 3 (Kroc Institute
 * PAM), as a percentage with one decimal, and the count of each status.
 */
export interface RollupItem {
  readonly level: number;
  readonly weight: number;
  readonly status: ActivityStatus;
}

export type StatusCounts = Record<ActivityStatus, number>;

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/**
 * The percentage from Σ weight × level and Σ weight. Dividing by 3 once, at the end, keeps
 * the sum exact for whole weights, so a sum made by SQL or kept by a projection gives the
 * same figure as one made here, in any order.
 */
export function percentOf(weightedLevels: number, weights: number): number {
  return weights === 0 ? 0 : Math.round((weightedLevels / 3 / weights) * 1000) / 10;
}

export function rollup(items: readonly RollupItem[]): { percent: number; counts: StatusCounts; total: number } {
  const counts = emptyCounts();
  let weighted = 0;
  let weights = 0;
  for (const i of items) {
    counts[i.status]++;
    weighted += i.weight * Math.min(3, Math.max(0, i.level));
    weights += i.weight;
  }
  return { percent: percentOf(weighted, weights), counts, total: items.length };
}
