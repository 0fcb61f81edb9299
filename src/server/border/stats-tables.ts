import type { Kysely } from "kysely";
import { INCIDENT_TYPES } from "../../core/border/schema";
import type { Dialect } from "../db/database";
import { sql } from "../db/kysely";

/**
 * The tables of the border-picture read model (dashboards, coverage, map). Plain SQL that
 * both engines accept: `bigint` holds milliseconds, `double precision` quantities and
 * coordinate sums. Aggregate tables are keyed by what queries filter on and, on SQLite,
 * stored WITHOUT ROWID so a range of keys is one contiguous read; on PostgreSQL the map
 * cells' key index INCLUDEs the counts, so a map query can be an index-only scan.
 */
export const TYPE_COLUMNS = INCIDENT_TYPES.map((t) => `t_${t}`);

export const STATS_TABLES = [
  "border_stats_sectors",
  "border_stats_crossings",
  "border_stats_presence",
  "border_stats_incidents",
  "border_stats_goods",
  "border_stats_followups",
  "border_stats_counts",
  "border_stats_seizures",
  "border_stats_crossing_counts",
  "border_map_cells",
] as const;

export async function createStatsTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const clustered = dialect === "sqlite" ? " WITHOUT ROWID" : "";
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`CREATE TABLE border_stats_sectors (
    id text PRIMARY KEY, space text NOT NULL, owner text NOT NULL, code text NOT NULL, name text NOT NULL, path text NOT NULL,
    min_lon double precision NOT NULL, min_lat double precision NOT NULL, max_lon double precision NOT NULL, max_lat double precision NOT NULL)`);
  // sector_id '' = none within reach; sector_explicit 1 = named by the report, never reassigned.
  await run(`CREATE TABLE border_stats_crossings (
    id text PRIMARY KEY, space text NOT NULL, side text NOT NULL, name text NOT NULL, category text NOT NULL, status text NOT NULL,
    risk text NOT NULL, approximate integer NOT NULL, lon double precision NOT NULL, lat double precision NOT NULL,
    sector_id text NOT NULL, sector_explicit integer NOT NULL, sector_dist double precision NOT NULL)`);
  // One row per deployment at a crossing, and per (patrol, crossing visited); end_ms of an open deployment is far future.
  await run(`CREATE TABLE border_stats_presence (
    id text PRIMARY KEY, kind text NOT NULL, source_id text NOT NULL, crossing_id text NOT NULL, side text NOT NULL, unit text NOT NULL,
    start_ms bigint NOT NULL, end_ms bigint NOT NULL)`);
  await run("CREATE INDEX border_stats_presence_end ON border_stats_presence (end_ms, start_ms, crossing_id)");
  await run("CREATE INDEX border_stats_presence_crossing ON border_stats_presence (crossing_id, end_ms)");
  // dup 1 = a released copy whose national source this node holds: counted once, as the source.
  await run(`CREATE TABLE border_stats_incidents (
    id text PRIMARY KEY, space text NOT NULL, side text NOT NULL, type text NOT NULL, ms bigint NOT NULL, day integer NOT NULL,
    reported_ms bigint NOT NULL, lon double precision NOT NULL, lat double precision NOT NULL,
    sector_id text NOT NULL, sector_explicit integer NOT NULL, sector_dist double precision NOT NULL, crossing_id text NOT NULL,
    impact text NOT NULL, status text NOT NULL, closed_ms bigint, dup integer NOT NULL, source_id text NOT NULL,
    goods_n integer NOT NULL, followups integer NOT NULL, summary text NOT NULL, originator text NOT NULL)`);
  // Covers what the daily report counts over a day (impact, late first reports) without reading rows.
  await run("CREATE INDEX border_stats_incidents_ms ON border_stats_incidents (ms, dup, impact, reported_ms)");
  await run("CREATE INDEX border_stats_incidents_day_lon ON border_stats_incidents (day, lon, lat)");
  await run("CREATE INDEX border_stats_incidents_type_day ON border_stats_incidents (type, day)");
  await run("CREATE INDEX border_stats_incidents_closed ON border_stats_incidents (closed_ms) WHERE closed_ms IS NOT NULL");
  await run(`CREATE TABLE border_stats_goods (
    incident_id text NOT NULL, category text NOT NULL, unit text NOT NULL, quantity double precision NOT NULL,
    PRIMARY KEY (incident_id, category, unit))${clustered}`);
  await run("CREATE TABLE border_stats_followups (id text PRIMARY KEY, incident_id text NOT NULL, side text NOT NULL, ms bigint NOT NULL)");
  await run("CREATE INDEX border_stats_followups_ms ON border_stats_followups (ms)");
  // grain 'h' (period = hour number), 'd' (UTC day number) or 'm' (year·12 + month − 1).
  await run(`CREATE TABLE border_stats_counts (
    grain text NOT NULL, period integer NOT NULL, sector text NOT NULL, side text NOT NULL, type text NOT NULL,
    n integer NOT NULL, seized integer NOT NULL, PRIMARY KEY (grain, period, sector, side, type))${clustered}`);
  // unit '' rows count the incidents with goods of the category, in any unit.
  await run(`CREATE TABLE border_stats_seizures (
    grain text NOT NULL, period integer NOT NULL, sector text NOT NULL, side text NOT NULL, category text NOT NULL, unit text NOT NULL,
    quantity double precision NOT NULL, n integer NOT NULL, PRIMARY KEY (grain, period, sector, side, category, unit))${clustered}`);
  await run(`CREATE TABLE border_stats_crossing_counts (
    grain text NOT NULL, period integer NOT NULL, crossing_id text NOT NULL, side text NOT NULL, n integer NOT NULL,
    PRIMARY KEY (grain, period, crossing_id, side))${clustered}`);
  const counts = ["n integer NOT NULL", "sum_lon double precision NOT NULL", "sum_lat double precision NOT NULL"]
    .concat(TYPE_COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`))
    .join(", ");
  const include = dialect === "postgres" ? ` INCLUDE (n, sum_lon, sum_lat, ${TYPE_COLUMNS.join(", ")})` : "";
  // grain 'd' (period = day) for every band, 'h' (period = hour) for the wide ones too.
  await run(`CREATE TABLE border_map_cells (
    band integer NOT NULL, grain text NOT NULL, period integer NOT NULL, cx integer NOT NULL, cy integer NOT NULL, side text NOT NULL,
    sector text NOT NULL, ${counts}, PRIMARY KEY (band, grain, period, cx, cy, side, sector)${include})${clustered}`);
}
