import type { Event } from "../../core/log/envelope";
import { recordSubjects } from "./chain-index";
import { type Sql, statement } from "./database";
import { type ProjectionSet, projectEvents, type StoredEvent } from "./projections";
import { EVENT_COLUMNS, insertEventsSql } from "./rows";

/** Events per multi-row INSERT on SQLite (14 values each: far below its parameter limit). */
const SQLITE_CHUNK = 200;

/** PostgreSQL types of EVENT_COLUMNS, for the arrays `unnest` reads. */
const PG_TYPES: Record<(typeof EVENT_COLUMNS)[number], string> = {
  id: "text",
  space: "text",
  origin: "text",
  seq: "bigint",
  prev: "text",
  hlc: "text",
  actor: "text",
  type: "text",
  v: "int",
  subject: "text",
  data: "text",
  sig: "text",
  hash: "text",
  stored_at: "bigint",
};

/**
 * One statement for any number of events on PostgreSQL, where every statement is a round
 * trip: the rows (one array per column, unnested in order, so `pos` follows the order of the
 * batch), the subjects that `create` events start and the chain heads they move, as
 * data-modifying CTEs of one INSERT. They touch different tables, so none needs to see
 * another's rows.
 */
const PG_INSERT = statement(`WITH e AS (
    INSERT INTO events (${EVENT_COLUMNS.join(", ")})
    SELECT ${EVENT_COLUMNS.join(", ")} FROM unnest(${EVENT_COLUMNS.map((c) => `?::${PG_TYPES[c]}[]`).join(", ")})
      WITH ORDINALITY AS r(${EVENT_COLUMNS.join(", ")}, ord)
    ORDER BY ord
    RETURNING pos, id
  ), s AS (
    INSERT INTO subjects (space, subject, owner, type) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])
  ), h AS (
    INSERT INTO heads (space, origin, seq, hash, hlc) SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])
    ON CONFLICT (space, origin) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, hlc = excluded.hlc
  )
  SELECT pos, id FROM e`);

const HEAD_UPSERT = statement(
  "INSERT INTO heads (space, origin, seq, hash, hlc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (space, origin) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, hlc = excluded.hlc",
);

type Signed = { readonly event: Event; readonly hash: string };

/** The values of one event's row, in EVENT_COLUMNS order, written into `out` at `at`. */
function putRow(out: unknown[], at: number, { event: e, hash }: Signed, storedAt: number): void {
  out[at] = e.id;
  out[at + 1] = e.space;
  out[at + 2] = e.origin;
  out[at + 3] = e.seq;
  out[at + 4] = e.prev;
  out[at + 5] = e.hlc;
  out[at + 6] = e.actor;
  out[at + 7] = e.type;
  out[at + 8] = e.v;
  out[at + 9] = e.subject;
  out[at + 10] = JSON.stringify(e.data);
  out[at + 11] = e.sig;
  out[at + 12] = hash;
  out[at + 13] = storedAt;
}

/** The last event of each (space, origin) chain in the batch: where its head moves. */
function tipsOf(batch: readonly Signed[]): Signed[] {
  const tips = new Map<string, Signed>();
  for (const signed of batch) tips.set(`${signed.event.space}\u0000${signed.event.origin}`, signed);
  return [...tips.values()];
}

/** PostgreSQL: rows, subjects and heads in one round trip; each event's log position by id. */
async function insertPostgres(sql: Sql, batch: readonly Signed[], storedAt: number, creates: (e: Event) => boolean) {
  const width = EVENT_COLUMNS.length;
  const columns: unknown[][] = EVENT_COLUMNS.map(() => new Array(batch.length));
  const row: unknown[] = new Array(width);
  batch.forEach((signed, i) => {
    putRow(row, 0, signed, storedAt);
    for (let c = 0; c < width; c++) (columns[c] as unknown[])[i] = row[c];
  });
  const made = batch.filter(({ event }) => creates(event)).map(({ event }) => event);
  const tips = tipsOf(batch);
  const params = [
    ...columns,
    made.map((e) => e.space),
    made.map((e) => e.subject),
    made.map((e) => e.origin),
    made.map((e) => e.type),
    tips.map((t) => t.event.space),
    tips.map((t) => t.event.origin),
    tips.map((t) => t.event.seq),
    tips.map((t) => t.hash),
    tips.map((t) => t.event.hlc),
  ];
  const positions = new Map<string, number>();
  for (const r of await sql.all<{ pos: number; id: string }>(PG_INSERT, params)) positions.set(r.id, Number(r.pos));
  return positions;
}

/** SQLite: multi-row inserts of rows and subjects, then one upsert per chain head. */
async function insertSqlite(sql: Sql, batch: readonly Signed[], storedAt: number, creates: (e: Event) => boolean) {
  const positions = new Map<string, number>();
  const width = EVENT_COLUMNS.length;
  for (let i = 0; i < batch.length; i += SQLITE_CHUNK) {
    const n = Math.min(SQLITE_CHUNK, batch.length - i);
    const params: unknown[] = new Array(n * width);
    for (let k = 0; k < n; k++) putRow(params, k * width, batch[i + k] as Signed, storedAt);
    for (const r of await sql.all<{ pos: number; id: string }>(insertEventsSql(n), params)) positions.set(r.id, Number(r.pos));
  }
  await recordSubjects(sql, batch, creates);
  for (const { event: e, hash } of tipsOf(batch)) await sql.run(HEAD_UPSERT, [e.space, e.origin, e.seq, hash, e.hlc]);
  return positions;
}

/**
 * Writes signed, checked events: their rows, the subjects `create` events start, the chain
 * heads they move, then the projections. Local appends and received events share it, so
 * both are stored and projected identically. Runs inside the caller's transaction.
 */
export async function insertEvents(
  sql: Sql,
  batch: readonly Signed[],
  options: { readonly storedAt: number; readonly creates: (e: Event) => boolean; readonly projections: ProjectionSet },
): Promise<StoredEvent[]> {
  if (batch.length === 0) return [];
  const positions = await (sql.dialect === "postgres" ? insertPostgres : insertSqlite)(sql, batch, options.storedAt, options.creates);
  const stored: StoredEvent[] = new Array(batch.length);
  batch.forEach((signed, i) => {
    const e = signed.event;
    stored[i] = {
      id: e.id,
      space: e.space,
      origin: e.origin,
      seq: e.seq,
      prev: e.prev,
      hlc: e.hlc,
      actor: e.actor,
      type: e.type,
      v: e.v,
      subject: e.subject,
      data: e.data,
      sig: e.sig,
      pos: positions.get(e.id) ?? 0,
      hash: signed.hash,
    };
  });
  await projectEvents(sql, options.projections, stored);
  return stored;
}
