import type { Projection } from "../db/projections";
import { intelProjection } from "./projection-intel";
import { meetingsProjection } from "./projection-meetings";

/** The projections of regional coordination, for the node's composition root. */
export const COORDINATION_PROJECTIONS: readonly Projection[] = [meetingsProjection, intelProjection];
