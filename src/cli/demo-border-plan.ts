import { type PlannedIncident, planIncidents } from "./demo-border-incidents";
import {
  type BorderShape,
  type PlannedCrossing,
  type PlannedSector,
  planInformalCrossings,
  planOfficialCrossings,
  planSectors,
} from "./demo-border-places";
import { type PlannedDeployment, type PlannedPatrol, planDeployments, planPatrols } from "./demo-border-presence";
import { seededRandom } from "./demo-border-random";

/**
 * Everything the border demo writes, decided before anything is written: a pure function of
 * the border shape, the seed and `now`, so every demo start lays out the same picture
 * (shifted to the day it starts) and tests can inspect it without a node.
 */
export interface BorderPlan {
  readonly sectors: PlannedSector[];
  readonly crossings: PlannedCrossing[];
  readonly incidents: PlannedIncident[];
  readonly deployments: PlannedDeployment[];
  readonly patrols: PlannedPatrol[];
}

export interface BorderPlanOptions {
  readonly now: number;
  readonly seed?: number;
  readonly incidents?: number;
  /** Patrols over the last this many days. */
  readonly patrolDays?: number;
  readonly patrolsPerDay?: number;
}

/** The demo's seed: 11 May 2023, the day of the joint statement. */
export const DEMO_SEED = 20230511;

export function planBorderDemo(shape: BorderShape, options: BorderPlanOptions): BorderPlan {
  const rng = seededRandom(options.seed ?? DEMO_SEED);
  const sectors = planSectors(shape);
  const crossings = [...planOfficialCrossings(shape), ...planInformalCrossings(shape, sectors, rng)];
  const incidents = planIncidents(shape, sectors, crossings, rng, { now: options.now, count: options.incidents ?? 5000 });
  const deployments = planDeployments(sectors, crossings, rng, options.now);
  const patrols = planPatrols(shape, sectors, crossings, rng, {
    now: options.now,
    days: options.patrolDays ?? 30,
    perDay: options.patrolsPerDay ?? 6,
  });
  return { sectors, crossings, incidents, deployments, patrols };
}
