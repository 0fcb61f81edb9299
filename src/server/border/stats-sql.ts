import type { Sql } from "../db/database";

/**
 * Adds rows into an aggregate table in one statement: a new key is inserted, an existing
 * key has its values increased (negative values subtract). Rows must have distinct keys,
 * since PostgreSQL refuses to update one row twice in a statement.
 */
export async function addInto(sql: Sql, table: string, keys: readonly string[], values: readonly string[], rows: readonly unknown[][]) {
  if (rows.length === 0) return;
  const width = keys.length + values.length;
  const tuple = `(${Array.from({ length: width }, () => "?").join(", ")})`;
  const set = values.map((v) => `${v} = ${table}.${v} + excluded.${v}`).join(", ");
  await sql.run(
    `INSERT INTO ${table} (${[...keys, ...values].join(", ")}) VALUES ${rows.map(() => tuple).join(", ")} ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${set}`,
    rows.flat(),
  );
}

/** `?, ?, ?` for a list, so `IN (…)` lists of any length share one pattern. */
export const marks = (n: number): string => Array.from({ length: n }, () => "?").join(", ");
