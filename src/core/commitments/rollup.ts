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

export function rollup(items: readonly RollupItem[]): { percent: number; counts: StatusCounts; total: number } {
  const counts = emptyCounts();
  let weighted = 0;
  let weights = 0;
  for (const i of items) {
    counts[i.status]++;
    weighted += (i.weight * Math.min(3, Math.max(0, i.level))) / 3;
    weights += i.weight;
  }
  const percent = weights === 0 ? 0 : Math.round((weighted / weights) * 1000) / 10;
  return { percent, counts, total: items.length };
}
