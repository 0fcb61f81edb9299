import type { Kysely } from "kysely";
import type { Dialect } from "../db/database";
import type { Projection } from "../db/projections";
import { onClosed, onFollowup, onIncidentReported } from "./stats-incidents";
import {
  onCrossingRecorded,
  onCrossingUpdated,
  onDeploymentEnded,
  onDeploymentRecorded,
  onPatrolReported,
  onSectorCreated,
  onSectorUpdated,
} from "./stats-presence";
import { createStatsTables, STATS_TABLES } from "./stats-tables";

/**
 * The border picture's read model: dashboards, coverage, the daily report and the map
 * read these tables, derived from the events alone (never from the entity tables of the
 * border projection), so they rebuild from the log like every projection. Aggregates are
 * kept per hour, UTC day and month and per map grid cell, so a dashboard or map query sums
 * a number of rows that does not grow with the number of incidents. Version 2 added the
 * hourly rows, version 3 the daily report's covering index.
 */
const HANDLERS: Record<string, Projection["apply"]> = {
  "sector.created": onSectorCreated,
  "sector.updated": onSectorUpdated,
  "crossing.recorded": onCrossingRecorded,
  "crossing.updated": onCrossingUpdated,
  "deployment.recorded": onDeploymentRecorded,
  "deployment.ended": onDeploymentEnded,
  "patrol.reported": onPatrolReported,
  "incident.reported": onIncidentReported,
  "incident.followup_posted": onFollowup,
  "incident.closed": onClosed,
};

export const borderStatsProjection: Projection = {
  name: "border_stats",
  version: 3,
  tables: STATS_TABLES,
  types: Object.keys(HANDLERS),
  create: (db: Kysely<unknown>, dialect: Dialect) => createStatsTables(db, dialect),
  async apply(tx, e) {
    await HANDLERS[e.type]?.(tx, e);
  },
};
