import type { Kysely } from "kysely";
import { sql } from "../db/kysely";
import type { Projection } from "../db/projections";
import { applyIncidentEvent, INCIDENT_TYPES_READ } from "./projection-incidents";
import { applyPresenceEvent, PRESENCE_TYPES_READ } from "./projection-presence";

/**
 * The border picture as plain tables, all prefixed `border_`. Times are ISO 8601 UTC with
 * milliseconds (`…Z`), so text order is time order on both engines; positions are double
 * `lat`/`lon` with their MGRS reference, plus a 0.01° grid cell (`gx`, `gy` = floor of
 * degrees × 100) that map aggregates group by without engine-specific functions.
 *
 * Incidents are indexed for the API's filters at a million rows: time window (keyset paging
 * on `occurred_at DESC, id DESC`), sector, type, status, owner and bounding box; the time,
 * sector and type indexes carry the other filter columns so filtering needs no table reads. Seizures are exploded
 * into `border_incident_goods`, one row per goods line, with quantities also in a base unit.
 */
export const borderProjection: Projection = {
  name: "border",
  version: 1,
  tables: [
    "border_sectors",
    "border_level_proposals",
    "border_crossings",
    "border_deployments",
    "border_patrols",
    "border_patrol_crossings",
    "border_incidents",
    "border_incident_goods",
    "border_followups",
    "border_releases",
  ],
  types: [...PRESENCE_TYPES_READ, ...INCIDENT_TYPES_READ],
  async create(db: Kysely<unknown>) {
    const owned = (name: string) =>
      db.schema
        .createTable(name)
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("space", "text", (c) => c.notNull())
        .addColumn("owner", "text", (c) => c.notNull());
    const positioned = (name: string) =>
      owned(name)
        .addColumn("lat", "double precision", (c) => c.notNull())
        .addColumn("lon", "double precision", (c) => c.notNull())
        .addColumn("mgrs", "text", (c) => c.notNull())
        .addColumn("gx", "integer", (c) => c.notNull())
        .addColumn("gy", "integer", (c) => c.notNull());

    await owned("border_sectors")
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("units", "text", (c) => c.notNull())
      .addColumn("level", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("border_sectors_code").on("border_sectors").columns(["code", "id"]).execute();
    await db.schema
      .createTable("border_level_proposals")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("sector_id", "text", (c) => c.notNull())
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("level", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("citations", "text", (c) => c.notNull())
      .addColumn("proposed_by", "text", (c) => c.notNull())
      .addColumn("proposer", "text", (c) => c.notNull())
      .addColumn("proposed_at", "text", (c) => c.notNull())
      .addColumn("hlc", "text", (c) => c.notNull())
      // pending | accepted | rejected
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("answered_by", "text")
      .addColumn("answerer", "text")
      .addColumn("answered_at", "text")
      .addColumn("answer_hlc", "text")
      .addColumn("comment", "text")
      .execute();
    await db.schema.createIndex("border_level_proposals_sector").on("border_level_proposals").columns(["sector_id", "hlc"]).execute();

    await positioned("border_crossings")
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("modes", "text", (c) => c.notNull())
      .addColumn("sector_id", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("risk", "text", (c) => c.notNull())
      .addColumn("approximate", "integer", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("border_crossings_sector").on("border_crossings").columns(["sector_id", "name"]).execute();
    await db.schema.createIndex("border_crossings_place").on("border_crossings").columns(["lon", "lat"]).execute();

    await positioned("border_deployments")
      .addColumn("unit", "text", (c) => c.notNull())
      .addColumn("crossing_id", "text")
      .addColumn("sector_id", "text")
      .addColumn("from_at", "text", (c) => c.notNull())
      .addColumn("to_at", "text")
      .addColumn("strength", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("border_deployments_crossing").on("border_deployments").columns(["crossing_id", "from_at"]).execute();
    await db.schema.createIndex("border_deployments_sector").on("border_deployments").columns(["sector_id", "from_at"]).execute();
    await db.schema.createIndex("border_deployments_from").on("border_deployments").columns(["from_at", "id"]).execute();

    await owned("border_patrols")
      .addColumn("unit", "text", (c) => c.notNull())
      .addColumn("sector_id", "text")
      .addColumn("route", "text", (c) => c.notNull())
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text", (c) => c.notNull())
      .addColumn("crossing_ids", "text", (c) => c.notNull())
      .addColumn("findings", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("border_patrols_started").on("border_patrols").columns(["started_at", "id"]).execute();
    await db.schema.createIndex("border_patrols_sector").on("border_patrols").columns(["sector_id", "started_at"]).execute();
    // One row per crossing a patrol visited: presence at a crossing in a window is one range read.
    await db.schema
      .createTable("border_patrol_crossings")
      .addColumn("patrol_id", "text", (c) => c.notNull())
      .addColumn("crossing_id", "text", (c) => c.notNull())
      .addColumn("owner", "text", (c) => c.notNull())
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("border_patrol_crossings_pk", ["patrol_id", "crossing_id"])
      .execute();
    await db.schema
      .createIndex("border_patrol_crossings_crossing")
      .on("border_patrol_crossings")
      .columns(["crossing_id", "ended_at"])
      .execute();

    await positioned("border_incidents")
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("occurred_at", "text", (c) => c.notNull())
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("month", "text", (c) => c.notNull())
      .addColumn("reported_at", "text", (c) => c.notNull())
      .addColumn("crossing_id", "text")
      .addColumn("sector_id", "text")
      .addColumn("impact", "text", (c) => c.notNull())
      .addColumn("reliability", "text", (c) => c.notNull())
      .addColumn("credibility", "integer", (c) => c.notNull())
      // The hlc of the report or follow-up that set impact / confidence: the latest wins.
      .addColumn("impact_hlc", "text", (c) => c.notNull())
      .addColumn("confidence_hlc", "text", (c) => c.notNull())
      .addColumn("goods", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("originator", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("closed_at", "text")
      .addColumn("closed_reason", "text")
      .addColumn("late_report", "integer", (c) => c.notNull())
      .addColumn("followup_count", "integer", (c) => c.notNull())
      .addColumn("derived_space", "text")
      .addColumn("derived_id", "text")
      .execute();
    const incidentIndex = (name: string, columns: string[]) =>
      db.schema.createIndex(`border_incidents_${name}`).on("border_incidents").columns(columns).execute();
    // The time index carries every column the list and map filters test (and the grid cells
    // aggregates group by), so a time window is filtered and counted inside the index.
    await incidentIndex("time", ["occurred_at", "id", "lon", "lat", "gx", "gy", "type", "sector_id", "owner"]);
    await incidentIndex("sector", ["sector_id", "occurred_at", "id", "type", "lon", "lat"]);
    await incidentIndex("type", ["type", "occurred_at", "id", "sector_id", "lon", "lat"]);
    // Open incidents are the few; closed ones are most and need no index of their own.
    await db.schema
      .createIndex("border_incidents_open")
      .on("border_incidents")
      .columns(["occurred_at", "id"])
      .where(sql.ref("status"), "=", "open")
      .execute();
    // A small box over a long window: a range on lon, lat tested in the index, then sorted.
    await incidentIndex("place", ["lon", "lat", "occurred_at"]);
    // Most incidents name no crossing and few are released copies: partial indexes, so the
    // planner never skip-scans a column that is mostly NULL for unrelated queries.
    await db.schema
      .createIndex("border_incidents_crossing")
      .on("border_incidents")
      .columns(["crossing_id", "occurred_at"])
      .where("crossing_id", "is not", null)
      .execute();
    await db.schema
      .createIndex("border_incidents_derived")
      .on("border_incidents")
      .column("derived_id")
      .where("derived_id", "is not", null)
      .execute();

    await db.schema
      .createTable("border_incident_goods")
      .addColumn("incident_id", "text", (c) => c.notNull())
      .addColumn("source_id", "text", (c) => c.notNull())
      .addColumn("line", "integer", (c) => c.notNull())
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("quantity", "double precision", (c) => c.notNull())
      .addColumn("unit", "text", (c) => c.notNull())
      .addColumn("base_quantity", "double precision", (c) => c.notNull())
      .addColumn("base_unit", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("sector_id", "text")
      .addColumn("crossing_id", "text")
      .addColumn("owner", "text", (c) => c.notNull())
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("occurred_at", "text", (c) => c.notNull())
      .addColumn("month", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("border_incident_goods_pk", ["source_id", "line"])
      .execute();
    await db.schema.createIndex("border_incident_goods_incident").on("border_incident_goods").column("incident_id").execute();
    await db.schema
      .createIndex("border_incident_goods_month")
      .on("border_incident_goods")
      .columns(["month", "category", "base_unit", "base_quantity"])
      .execute();
    await db.schema
      .createIndex("border_incident_goods_sector")
      .on("border_incident_goods")
      .columns(["sector_id", "month", "category"])
      .execute();
    await db.schema.createIndex("border_incident_goods_time").on("border_incident_goods").columns(["occurred_at", "category"]).execute();

    await db.schema
      .createTable("border_followups")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("incident_id", "text", (c) => c.notNull())
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("author_node", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("goods", "text", (c) => c.notNull())
      .addColumn("impact", "text")
      .addColumn("reliability", "text")
      .addColumn("credibility", "integer")
      .addColumn("posted_at", "text", (c) => c.notNull())
      .addColumn("hlc", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("border_followups_incident").on("border_followups").columns(["incident_id", "hlc"]).execute();

    await db.schema
      .createTable("border_releases")
      .addColumn("incident_id", "text", (c) => c.notNull())
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("copy_id", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("released_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("border_releases_pk", ["incident_id", "space"])
      .execute();
  },
  async apply(tx, e) {
    if ((INCIDENT_TYPES_READ as readonly string[]).includes(e.type)) return applyIncidentEvent(tx, e);
    return applyPresenceEvent(tx, e);
  },
};
