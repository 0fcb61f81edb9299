import { z } from "zod";
import { defineEvent } from "../../src/core/log/registry";
import { type Sql, statement } from "../../src/server/db/database";
import type { Projection, StoredEvent } from "../../src/server/db/projections";
import { nodeModel } from "../../src/server/registry";
import { noteAmended, noteCreated, noteRemarked, notesProjection } from "../../test/fixtures/sample-model";

/**
 * The domain both sides of the replication bench know: the test notes (catch-up) and a
 * ping that carries the moment it was appended (latency), projected like any other type.
 * The serving child and the applying bench process must load the same model.
 */
export const benchPinged = defineEvent({
  type: "bench.pinged",
  v: 1,
  writer: "create",
  spaces: "shared",
  data: z.strictObject({ sentAt: z.number(), i: z.number().int() }),
});

const INSERT_PING = statement("INSERT INTO bench_pings (id, i) VALUES (?, ?)");
const INSERT_NOTES_PG = statement(
  "INSERT INTO notes (id, space, owner, text) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])",
);

const pingsProjection: Projection = {
  name: "bench_pings",
  version: 1,
  tables: ["bench_pings"],
  types: ["bench.pinged"],
  async create(db) {
    await db.schema
      .createTable("bench_pings")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("i", "integer", (c) => c.notNull())
      .execute();
  },
  async apply(tx, e) {
    await tx.run(INSERT_PING, [e.subject, e.data.i]);
  },
};

/** Rows per multi-row INSERT on SQLite (4 values each). */
const NOTE_CHUNK = 500;

/** Inserts created notes in as few statements as the engine allows. */
async function insertNotes(tx: Sql, events: readonly StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (tx.dialect === "postgres") {
    await tx.run(INSERT_NOTES_PG, [
      events.map((e) => e.subject),
      events.map((e) => e.space),
      events.map((e) => e.origin),
      events.map((e) => e.data.text),
    ]);
    return;
  }
  for (let i = 0; i < events.length; i += NOTE_CHUNK) {
    const chunk = events.slice(i, i + NOTE_CHUNK);
    await tx.run(
      `INSERT INTO notes (id, space, owner, text) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
      chunk.flatMap((e) => [e.subject, e.space, e.origin, e.data.text]),
    );
  }
}

/**
 * The test notes projection with a batch method, as a bulk type's projection would have:
 * consecutive creations become one statement; anything else is applied in its place.
 */
export const batchNotesProjection: Projection = {
  ...notesProjection,
  async applyMany(tx, events) {
    let run: StoredEvent[] = [];
    for (const e of events) {
      if (e.type === "note.created") {
        run.push(e);
        continue;
      }
      await insertNotes(tx, run);
      run = [];
      await notesProjection.apply(tx, e);
    }
    await insertNotes(tx, run);
  },
};

/** The bench model: sampleModel()'s note types plus the ping. */
export const benchModel = () =>
  nodeModel({ events: [noteCreated, noteAmended, noteRemarked, benchPinged], projections: [batchNotesProjection, pingsProjection] });

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across local processes. */
export const preciseNow = () => performance.timeOrigin + performance.now();
