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
  /**
   * Optional: projects many events at once, with the same effect as `apply` on each in turn
   * (e.g. one multi-row INSERT instead of one statement per event, which on PostgreSQL is
   * one round trip instead of thousands). The store hands it this projection's events of a
   * batch in log order, possibly after later events of the batch went to other projections,
   * so a projection that reads another projection's tables must not define it.
   */
  applyMany?(tx: Sql, events: readonly StoredEvent[]): Promise<void>;
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

/**
 * Runs the projections over stored events in log order. Events for projections with
 * `applyMany` are gathered and handed over together; they are flushed before any
 * per-event `apply`, so a projection without it sees every earlier event projected.
 */
export async function projectEvents(sql: Sql, set: ProjectionSet, events: readonly StoredEvent[]): Promise<void> {
  const pending = new Map<Projection, StoredEvent[]>();
  const flush = async () => {
    for (const [p, list] of pending) await p.applyMany?.(sql, list);
    pending.clear();
  };
  for (const e of events) {
    for (const p of set.for(e.type)) {
      if (!p.applyMany) {
        await flush();
        await p.apply(sql, e);
        continue;
      }
      const list = pending.get(p);
      if (list) list.push(e);
      else pending.set(p, [e]);
    }
  }
  await flush();
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
