import type { Event } from "../../core/log/envelope";
import type { Sql } from "./database";
import type { StoredEvent } from "./projections";

/** Column list of `events` in the order `eventRow` produces values. */
export const EVENT_COLUMNS = [
  "id",
  "space",
  "origin",
  "seq",
  "prev",
  "hlc",
  "actor",
  "type",
  "v",
  "subject",
  "data",
  "sig",
  "hash",
  "stored_at",
] as const;

export interface EventRow {
  pos: number;
  id: string;
  space: string;
  origin: string;
  seq: number;
  prev: string;
  hlc: string;
  actor: string;
  type: string;
  v: number;
  subject: string;
  data: string;
  sig: string;
  hash: string;
  stored_at: number;
}

export function eventRow(e: Event, hash: string, storedAt: number): unknown[] {
  return [e.id, e.space, e.origin, e.seq, e.prev, e.hlc, e.actor, e.type, e.v, e.subject, JSON.stringify(e.data), e.sig, hash, storedAt];
}

/** The envelope exactly as signed: the row minus local bookkeeping. */
export function rowToEvent(r: EventRow): Event {
  return {
    id: r.id,
    space: r.space,
    origin: r.origin,
    seq: Number(r.seq),
    prev: r.prev,
    hlc: r.hlc,
    actor: r.actor,
    type: r.type,
    v: Number(r.v),
    subject: r.subject,
    data: JSON.parse(r.data) as Record<string, unknown>,
    sig: r.sig,
  };
}

export function rowToStored(r: EventRow): StoredEvent {
  return { ...rowToEvent(r), pos: Number(r.pos), hash: r.hash };
}

const SELECT_EVENTS = `SELECT pos, ${EVENT_COLUMNS.join(", ")} FROM events`;

/** Events of one chain after `afterSeq`, ascending. */
export function readChain(sql: Sql, space: string, origin: string, afterSeq: number, limit: number): Promise<EventRow[]> {
  return sql.all<EventRow>(`${SELECT_EVENTS} WHERE space = ? AND origin = ? AND seq > ? ORDER BY seq LIMIT ?`, [
    space,
    origin,
    afterSeq,
    limit,
  ]);
}

/** Events in local log order after position `afterPos`, optionally of one space. */
export function readLog(sql: Sql, afterPos: number, limit: number, space?: string): Promise<EventRow[]> {
  return space === undefined
    ? sql.all<EventRow>(`${SELECT_EVENTS} WHERE pos > ? ORDER BY pos LIMIT ?`, [afterPos, limit])
    : sql.all<EventRow>(`${SELECT_EVENTS} WHERE space = ? AND pos > ? ORDER BY pos LIMIT ?`, [space, afterPos, limit]);
}

const insertTexts = new Map<number, string>();

/** Multi-row INSERT text for `rows` events, built once per row count. */
export function insertEventsSql(rows: number): string {
  let text = insertTexts.get(rows);
  if (text === undefined) {
    const one = `(${EVENT_COLUMNS.map(() => "?").join(", ")})`;
    text = `INSERT INTO events (${EVENT_COLUMNS.join(", ")}) VALUES ${Array(rows).fill(one).join(", ")} RETURNING pos, id`;
    insertTexts.set(rows, text);
  }
  return text;
}
