import type { Sql } from "../db/database";
import { runWrites, type Write } from "./writes";

/**
 * An aggregate table and the columns an upsert names: its key, and the values it adds.
 * Statement texts are kept per row count, since a projection writes the same few shapes
 * again and again.
 */
export interface Aggregate {
  readonly table: string;
  readonly keys: readonly string[];
  readonly values: readonly string[];
  readonly texts: string[];
}

export const aggregate = (table: string, keys: readonly string[], values: readonly string[]): Aggregate => ({
  table,
  keys,
  values,
  texts: [],
});

function upsertText(a: Aggregate, count: number): string {
  let text = a.texts[count];
  if (text === undefined) {
    const tuple = `(${marks(a.keys.length + a.values.length)})`;
    const set = a.values.map((v) => `${v} = ${a.table}.${v} + excluded.${v}`).join(", ");
    text = `INSERT INTO ${a.table} (${[...a.keys, ...a.values].join(", ")}) VALUES ${Array.from({ length: count }, () => tuple).join(", ")} ON CONFLICT (${a.keys.join(", ")}) DO UPDATE SET ${set}`;
    a.texts[count] = text;
  }
  return text;
}

/**
 * The statement that adds rows into an aggregate table: a new key is inserted, an existing
 * key has its values increased (negative values subtract). Rows must have distinct keys,
 * since PostgreSQL refuses to update one row twice in a statement. None for no rows.
 */
export function upsert(into: Aggregate, rows: readonly unknown[][]): Write | undefined {
  if (rows.length === 0) return undefined;
  // A loop, not rows.flat(): flat() costs microseconds per call, and this runs for every incident.
  const params: unknown[] = [];
  for (const row of rows) for (const v of row) params.push(v);
  return { text: upsertText(into, rows.length), params };
}

/** Adds rows into an aggregate table in one statement (see `upsert`). */
export async function addInto(sql: Sql, into: Aggregate, rows: readonly unknown[][]): Promise<void> {
  await runWrites(sql, [upsert(into, rows)]);
}

/** `?, ?, ?` for a list, so `IN (…)` lists of any length share one pattern. */
export const marks = (n: number): string => Array.from({ length: n }, () => "?").join(", ");
