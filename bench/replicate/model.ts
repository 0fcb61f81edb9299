import { z } from "zod";
import { defineEvent } from "../../src/core/log/registry";
import type { Projection } from "../../src/server/db/projections";
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
    await tx.run("INSERT INTO bench_pings (id, i) VALUES (?, ?)", [e.subject, e.data.i]);
  },
};

/** The bench model: sampleModel()'s note types plus the ping. */
export const benchModel = () =>
  nodeModel({ events: [noteCreated, noteAmended, noteRemarked, benchPinged], projections: [notesProjection, pingsProjection] });

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across local processes. */
export const preciseNow = () => performance.timeOrigin + performance.now();
