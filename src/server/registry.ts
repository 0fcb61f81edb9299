import { ADMIN_EVENTS } from "../core/admin/events";
import { CHANNEL_EVENTS } from "../core/channel/events";
import { COMMITMENT_EVENTS } from "../core/commitments/events";
import { COORDINATION_EVENTS } from "../core/coordination/events";
import { FEDERATION_EVENTS } from "../core/federation/events";
import { createEventRegistry, type EventDefinition } from "../core/log/registry";
import { usersProjection } from "./admin/projection";
import { borderEventDefinitions } from "./border/events";
import { borderProjection } from "./border/projection";
import { borderStatsProjection } from "./border/stats-projection";
import { channelProjection } from "./channel/projection";
import { commitmentsProjection } from "./commitments/projection";
import { COORDINATION_PROJECTIONS } from "./coordination/projection";
import { createProjectionSet, type Projection } from "./db/projections";
import { federationProjection } from "./federation/projection";

/**
 * The composition root of event types and projections: every domain adds its own here.
 * Tests and benchmarks may pass extra ones (e.g. a sample type) through `extra`.
 */
export function nodeModel(extra: { events?: readonly EventDefinition[]; projections?: readonly Projection[] } = {}) {
  return {
    registry: createEventRegistry([
      ...ADMIN_EVENTS,
      ...FEDERATION_EVENTS,
      ...COMMITMENT_EVENTS,
      ...borderEventDefinitions(),
      ...CHANNEL_EVENTS,
      ...COORDINATION_EVENTS,
      ...(extra.events ?? []),
    ]),
    projections: createProjectionSet([
      usersProjection,
      federationProjection,
      commitmentsProjection,
      borderProjection,
      borderStatsProjection,
      channelProjection,
      ...COORDINATION_PROJECTIONS,
      ...(extra.projections ?? []),
    ]),
  };
}

export type NodeModel = ReturnType<typeof nodeModel>;
