import type { Kysely } from "kysely";
import type { Event } from "../../core/log/envelope";
import type { Dialect, Sql } from "./database";

/** An event as the store hands it to projections: parsed, with its local log position. */
export interface StoredEvent extends Event {
  readonly pos: number;
  readonly hash: string;
}

/**
 * A projection derives plain tables from the log. It owns its tables outright: `create`
 * makes them, `apply` is the only code that writes them, and bumping `version` makes the
 * node drop and rebuild them from the log at start. Tables are never written elsewhere.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly tables: readonly string[];
  /** Event types this projection reads; others are not handed to it. */
  readonly types: readonly string[];
  create(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  apply(tx: Sql, event: StoredEvent): Promise<void>;
}

/** The projections of a node, indexed by the event types they read. */
export interface ProjectionSet {
  readonly all: readonly Projection[];
  for(type: string): readonly Projection[];
}

export function createProjectionSet(projections: readonly Projection[]): ProjectionSet {
  const byType = new Map<string, Projection[]>();
  for (const p of projections) {
    for (const t of p.types) byType.set(t, [...(byType.get(t) ?? []), p]);
  }
  return { all: projections, for: (type) => byType.get(type) ?? [] };
}

/** Drops and recreates the tables of `projections` inside `sql`'s transaction. */
export async function resetProjections(sql: Sql, projections: readonly Projection[]): Promise<void> {
  const schemaDb = sql.kysely as unknown as Kysely<unknown>;
  for (const p of projections) {
    for (const t of p.tables) await schemaDb.schema.dropTable(t).ifExists().execute();
    await p.create(schemaDb, sql.dialect);
    await sql.run("DELETE FROM projection_state WHERE name = ?", [p.name]);
    await sql.run("INSERT INTO projection_state (name, version) VALUES (?, ?)", [p.name, p.version]);
  }
}
