/**
 * Events appended per second through the store's `append` (stamp → chain → sign → insert →
 * project, one transaction per batch), in batches of 1 and 100, and as single events from 64
 * concurrent callers (which group commit coalesces into shared transactions), on SQLite and
 * PostgreSQL, with node:crypto's Ed25519 sign and verify rates measured in the same run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { canonicalBytes } from "../src/core/log/canonical";
import { generateNodeKeys, signBytes, verifyBytes } from "../src/core/log/crypto";
import { NATIONAL_SPACE, type NewEvent } from "../src/core/log/envelope";
import { uuidv7 } from "../src/core/log/ids";
import { defineEvent } from "../src/core/log/registry";
import { statement } from "../src/server/db/database";
import type { Projection } from "../src/server/db/projections";
import { initNode, openNode } from "../src/server/node";
import { nodeModel } from "../src/server/registry";
import { median, report, scratchPostgres } from "./lib";

/** A representative event: a create with a dozen fields, projected into one row. */
const sample = defineEvent({
  type: "bench.sampled",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.object({ title: z.string(), level: z.number(), lat: z.number(), lon: z.number(), tags: z.array(z.string()) }),
});

/** Prepared once per PostgreSQL connection, as a projection's hot statement should be. */
const INSERT_SAMPLE = statement("INSERT INTO bench_samples (id, title, level) VALUES (?, ?, ?)");

const sampleProjection: Projection = {
  name: "bench_samples",
  version: 1,
  tables: ["bench_samples"],
  types: ["bench.sampled"],
  async create(db) {
    await db.schema
      .createTable("bench_samples")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text")
      .addColumn("level", "integer")
      .execute();
  },
  async apply(tx, e) {
    await tx.run(INSERT_SAMPLE, [e.subject, e.data.title, e.data.level]);
  },
};

const model = nodeModel({ events: [sample], projections: [sampleProjection] });

function newEvent(i: number): NewEvent {
  return {
    space: NATIONAL_SPACE,
    type: "bench.sampled",
    subject: uuidv7(),
    actor: "bench@co",
    data: { title: `Actividad ilustrativa ${i}`, level: i % 4, lat: 7.89 + i / 1e6, lon: -72.5, tags: ["demo", "bench"] },
  };
}

/** `callers` concurrent loops, each appending one event at a time until `total` are stored. */
async function concurrently(append: (events: NewEvent[]) => Promise<unknown>, total: number, callers: number): Promise<void> {
  let next = 0;
  const caller = async () => {
    while (next < total) await append([newEvent(next++)]);
  };
  await Promise.all(Array.from({ length: callers }, caller));
}

async function measure(env: NodeJS.ProcessEnv, batch: number, total: number, runs: number, callers = 1): Promise<number[]> {
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const dir = join(mkdtempSync(join(tmpdir(), "enlace-bench-")), "node");
    const schema = env.DATABASE_URL ? `b_${r}_${batch}_${callers}` : undefined;
    const init = await initNode({ dir, node: "co", name: "Bench", country: "CO", env, ...(schema ? { schema } : {}) });
    await init.close();
    const node = await openNode(dir, { env, model, ...(schema ? { schema } : {}) });
    const batches = Array.from({ length: total / batch }, (_, b) => Array.from({ length: batch }, (_, i) => newEvent(b * batch + i)));
    const started = process.hrtime.bigint();
    if (callers > 1) await concurrently((events) => node.store.append(events), total, callers);
    else for (const events of batches) await node.store.append(events);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(total / seconds);
    await node.close();
    rmSync(join(dir, ".."), { recursive: true, force: true });
  }
  return rates;
}

function cryptoRates(n: number): { sign: number; verify: number } {
  const keys = generateNodeKeys();
  const bytes = canonicalBytes({ ...newEvent(1), id: uuidv7(), origin: "co", seq: 1, prev: "0".repeat(64), hlc: "x", v: 1 });
  let t = process.hrtime.bigint();
  let sig = "";
  for (let i = 0; i < n; i++) sig = signBytes(bytes, keys.privateKey);
  const sign = n / (Number(process.hrtime.bigint() - t) / 1e9);
  t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) verifyBytes(bytes, sig, keys.publicKey);
  const verify = n / (Number(process.hrtime.bigint() - t) / 1e9);
  return { sign, verify };
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const rows: Record<string, string | number>[] = [];
const c = cryptoRates(20_000);
rows.push({ engine: "node:crypto", case: "Ed25519 sign (reference)", "events/s (median)": Math.round(c.sign) });
rows.push({ engine: "node:crypto", case: "Ed25519 verify (reference)", "events/s (median)": Math.round(c.verify) });

const wanted = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const engines: Array<{ engine: string; env: NodeJS.ProcessEnv; drop?: () => Promise<void> }> = wanted.includes("sqlite")
  ? [{ engine: "sqlite", env: { ...process.env, DATABASE_URL: "" } }]
  : [];
const pgDb = wanted.includes("postgres") ? await scratchPostgres("append") : undefined;
if (pgDb) engines.push({ engine: "postgres", env: { ...process.env, DATABASE_URL: pgDb.url }, drop: pgDb.drop });

for (const { engine, env } of engines) {
  for (const [batch, total, callers] of [
    [1, 2_000, 1],
    [100, 50_000, 1],
    [1, 20_000, 64],
  ] as const) {
    const rates = await measure(env, batch, total, RUNS, callers);
    const what = callers > 1 ? `single events from ${callers} concurrent callers` : `batches of ${batch}`;
    rows.push({
      engine,
      case: `append, ${what} (${total} events × ${RUNS} runs)`,
      "events/s (median)": Math.round(median(rates)),
    });
  }
  console.error(`   ${engine} done; load ${loadavg()[0]?.toFixed(1)}`);
}
await pgDb?.drop();
report("append", rows, { loadavg: loadavg(), goal: "≥ 20,000 events/s on SQLite in batches of 100; ≥ 2,000 single-event writes/s" });
