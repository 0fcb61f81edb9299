import { type Sql, type Statement, statement } from "../db/database";

/** One statement a projection writes with: its text (`?` placeholders) and parameters. */
export interface Write {
  readonly text: string;
  readonly params: readonly unknown[];
}

/**
 * PostgreSQL statements prepared under a name, by text. A projection writes few shapes (by
 * incident type, goods lines, crossing or not), each once per incident: preparing one saves
 * PostgreSQL parsing and planning a long multi-table INSERT every time, and the client
 * sending its text. The border tables never change shape while a node runs. Past the
 * bound, rarer shapes go unnamed, so a connection holds a bounded number of statements.
 */
const prepared = new Map<string, Statement>();
const MAX_PREPARED = 200;

function named(text: string): Statement | string {
  const known = prepared.get(text);
  if (known) return known;
  if (prepared.size >= MAX_PREPARED) return text;
  const s = statement(text);
  prepared.set(text, s);
  return s;
}

/**
 * Runs writes that go to different tables and do not read what another of them writes. On
 * PostgreSQL, where every statement is a round trip, they go as one statement: each write
 * but the last becomes a data-modifying CTE, which PostgreSQL runs exactly once and against
 * the same snapshot as the others (hence the rule above). SQLite has no data-modifying CTEs
 * and no round trips: there the writes run one after another, in order.
 */
export async function runWrites(sql: Sql, writes: readonly (Write | undefined)[]): Promise<void> {
  const present = writes.filter((w): w is Write => w !== undefined);
  if (sql.dialect === "sqlite") {
    for (const w of present) await sql.run(w.text, w.params);
    return;
  }
  if (present.length === 0) return;
  if (present.length === 1) {
    const w = present[0] as Write;
    await sql.run(named(w.text), w.params);
    return;
  }
  const last = present.length - 1;
  const params: unknown[] = [];
  let text = "WITH ";
  for (let i = 0; i < present.length; i++) {
    const w = present[i] as Write;
    text += i < last ? `w${i} AS (${w.text})${i < last - 1 ? ", " : " "}` : w.text;
    for (const p of w.params) params.push(p);
  }
  await sql.run(named(text), params);
}
