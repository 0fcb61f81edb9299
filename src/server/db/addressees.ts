import type { EventRegistry } from "../../core/log/registry";
import type { Sql } from "./database";

/** An event as the writer check sees it, local (`v` may be implied) or received. */
interface Written {
  readonly space: string;
  readonly subject: string;
  readonly type: string;
  readonly v?: number;
  readonly data: Record<string, unknown>;
}

/**
 * The nodes the `addressee` writer rule admits for an event: those named by the event that
 * created its subject (held, or among the first `before` events of the same batch).
 * Undefined for every other rule, so the common path costs one map lookup and no query.
 */
export async function addresseesFor(
  sql: Sql,
  registry: EventRegistry,
  event: Written,
  batch: readonly Written[],
  before = batch.length,
): Promise<readonly string[] | undefined> {
  if (registry.get(event.type, event.v ?? 1)?.writer !== "addressee") return undefined;
  // A subject's first event in the log is the one that created it (nothing about a subject is
  // admitted before it exists); the (space, subject) index finds it.
  const rows = await sql.all<{ type: string; v: number; data: string }>(
    "SELECT type, v, data FROM events WHERE space = ? AND subject = ? ORDER BY pos LIMIT 1",
    [event.space, event.subject],
  );
  const row = rows[0];
  if (row) return registry.addresseesOf({ type: row.type, v: Number(row.v), data: JSON.parse(row.data) as Record<string, unknown> });
  const created = batch
    .slice(0, before)
    .find((e) => e.space === event.space && e.subject === event.subject && registry.get(e.type, e.v ?? 1)?.writer === "create");
  return created ? registry.addresseesOf({ type: created.type, v: created.v ?? 1, data: created.data }) : [];
}
