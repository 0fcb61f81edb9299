import { type ChainHead, EMPTY_HEAD, type Event } from "../../core/log/envelope";
import { type Sql, statement } from "./database";

/**
 * The indexes the event store keeps beside the log: chain heads (where the next event
 * links), subject owners (the single writer of each object) and the ids already held.
 * Every function reads or writes through the caller's transaction.
 */
const INSERT_CHUNK = 200;
const LOOKUP_CHUNK = 500;

/** The tip of a chain, locked against concurrent writers of that chain until commit. */
const LOCK_CHAIN = statement("SELECT pg_advisory_xact_lock(hashtext(?))");
const READ_HEAD = statement("SELECT seq, hash, hlc FROM heads WHERE space = ? AND origin = ?");
const OWNER = statement("SELECT owner FROM subjects WHERE space = ? AND subject = ?");
const OWNERS_PG = statement("SELECT subject, owner FROM subjects WHERE space = ? AND subject = ANY(?::text[])");
const HELD_IDS_PG = statement("SELECT id FROM events WHERE id = ANY(?::text[])");

export async function readHead(sql: Sql, space: string, origin: string): Promise<ChainHead & { hlc?: string }> {
  if (sql.dialect === "postgres") {
    // Serialises writers of one chain across app processes; released at commit.
    await sql.all(LOCK_CHAIN, [`${space}/${origin}`]);
  }
  const rows = await sql.all<{ seq: number; hash: string; hlc: string }>(READ_HEAD, [space, origin]);
  const row = rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash, hlc: row.hlc } : EMPTY_HEAD;
}

/** The origin that created a subject: its single writer. */
export async function ownerOf(sql: Sql, space: string, subject: string): Promise<string | undefined> {
  const rows = await sql.all<{ owner: string }>(OWNER, [space, subject]);
  return rows[0]?.owner;
}

/**
 * The owners of many subjects of one space, in one query per chunk instead of one per event
 * (on PostgreSQL a query is a round trip). Subjects are only recorded by `insert`, after the
 * checks, so reading them all before the checks sees what reading each in turn would.
 */
export async function ownersOf(sql: Sql, space: string, subjects: readonly string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const wanted = [...new Set(subjects)];
  if (wanted.length === 0) return owners;
  if (sql.dialect === "postgres") {
    const rows = await sql.all<{ subject: string; owner: string }>(OWNERS_PG, [space, wanted]);
    for (const r of rows) owners.set(r.subject, r.owner);
    return owners;
  }
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
    const rows = await sql.all<{ subject: string; owner: string }>(
      `SELECT subject, owner FROM subjects WHERE space = ? AND subject IN (${chunk.map(() => "?").join(", ")})`,
      [space, ...chunk],
    );
    for (const r of rows) owners.set(r.subject, r.owner);
  }
  return owners;
}

/** Records the subjects that `create` events start, in multi-row inserts (PostgreSQL: see insert.ts). */
export async function recordSubjects(sql: Sql, batch: readonly { event: Event }[], creates: (e: Event) => boolean): Promise<void> {
  const rows = batch.filter(({ event }) => creates(event));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const n = Math.min(INSERT_CHUNK, rows.length - i);
    const params: string[] = new Array(n * 4);
    for (let k = 0; k < n; k++) {
      const { event } = rows[i + k] as { event: Event };
      params[k * 4] = event.space;
      params[k * 4 + 1] = event.subject;
      params[k * 4 + 2] = event.origin;
      params[k * 4 + 3] = event.type;
    }
    await sql.run(subjectsInsertSql(n), params);
  }
}

const subjectTexts = new Map<number, string>();

/** Multi-row INSERT text for `rows` subjects, built once per row count. */
function subjectsInsertSql(rows: number): string {
  let text = subjectTexts.get(rows);
  if (text === undefined) {
    text = `INSERT INTO subjects (space, subject, owner, type) VALUES ${Array(rows).fill("(?, ?, ?, ?)").join(", ")}`;
    subjectTexts.set(rows, text);
  }
  return text;
}

/** Which of these events' ids some other held event already uses (ids are unique log-wide). */
export async function heldIds(sql: Sql, events: readonly Event[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (events.length === 0) return out;
  if (sql.dialect === "postgres") {
    const rows = await sql.all<{ id: string }>(HELD_IDS_PG, [events.map((e) => e.id)]);
    for (const r of rows) out.add(r.id);
    return out;
  }
  for (let i = 0; i < events.length; i += LOOKUP_CHUNK) {
    const ids = events.slice(i, i + LOOKUP_CHUNK).map((e) => e.id);
    const rows = await sql.all<{ id: string }>(`SELECT id FROM events WHERE id IN (${ids.map(() => "?").join(", ")})`, ids);
    for (const r of rows) out.add(r.id);
  }
  return out;
}
