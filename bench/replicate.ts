/**
 * Replication between two real nodes over HTTP on loopback (issue 3):
 * 1. catch-up: co holds 100,000 events of a shared space; ve starts its replicator and the
 *    time until ve has applied all of them gives events/s (SQLite and PostgreSQL, median of
 *    BENCH_RUNS runs), and so does the time until the replicator's background re-check of
 *    every signature is also done. co serves from a child process, ve applies in this one, so each side
 *    has its own core. The CPU time each side spent in that window is reported per event too
 *    (it says what a side costs whatever else the machine is doing). node:crypto's per-event
 *    Ed25519 verify rate is measured in the same run: what catch-up would be capped at if
 *    every event's signature were checked instead of the last of each page.
 * 2. latency: co appends one event every 10 ms; ve records (now − the event's sentAt) as it
 *    applies each one → p50 and p99. Both nodes run in this process (one event loop).
 * BENCH_PROFILE=DIR writes CPU profiles of the catch-up: ve's timed window and the serving child.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { signEvent, verifyEventSignature } from "../src/core/log/chain";
import { generateNodeKeys } from "../src/core/log/crypto";
import { type Event, GENESIS_PREV } from "../src/core/log/envelope";
import { uuidv7 } from "../src/core/log/ids";
import { median, percentile, report, scratchPostgres } from "./lib";
import { preciseNow } from "./replicate/model";
import { childCpu, createPair, type Engine, serveHere, spawnServing, stopChild } from "./replicate/pair";

const TOTAL = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PINGS = Number(process.env.BENCH_PINGS ?? 2_000);
const WARMUP_PINGS = 100;
const PACE_MS = 10;
const PROFILE = process.env.BENCH_PROFILE;

const note = (space: string, i: number) => ({
  space,
  type: "note.created",
  subject: uuidv7(),
  actor: "bench@co",
  data: { text: `Patrullaje coordinado en el sector ${i % 97}: sin novedad, coordenadas 7.${i} N, -72.${i} W`, n: i },
});

const cpuNow = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

interface CatchUp {
  /** Events/s until ve has applied the last event. */
  rate: number;
  /** Events/s until ve has also re-checked every signature in the background. */
  verifiedRate: number;
  applyingUs: number;
  verifiedUs: number;
  servingUs: number;
}

/** Starts the V8 profiler of this process when profiling; the returned function writes the profile. */
async function profileWindow(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** One catch-up run: fill co (untimed), serve it from a child, time ve's replicator to the head. */
async function catchUp(engine: Engine, run: number): Promise<CatchUp> {
  const pair = await createPair(engine, `c${run}`);
  const { space } = pair;
  for (let b = 0; b < TOTAL; b += 1000) {
    await pair.running.co.node.store.append(Array.from({ length: Math.min(1000, TOTAL - b) }, (_, i) => note(space, b + i)));
  }
  const target = (await pair.running.co.node.store.heads(space)).co?.seq ?? 0;
  await pair.running.co.stop();
  await pair.running.ve.stop();
  const profDir = PROFILE ? join(PROFILE, `${engine.name}-${run}`) : undefined;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const child = await spawnServing(pair.co, profDir);
  const ve = await serveHere(pair.ve);
  try {
    const reached = new Promise<number>((resolve) => {
      ve.node.store.subscribe((events) => {
        if (events.some((e) => e.space === space && e.origin === "co" && e.seq >= target)) resolve(preciseNow());
      });
    });
    const stopProfile = await profileWindow(profDir && join(profDir, "applying.cpuprofile"));
    const servingBefore = await childCpu(child);
    const applyingBefore = cpuNow();
    const started = preciseNow();
    await ve.replicator.start();
    const seconds = ((await reached) - started) / 1000;
    const applyingUs = (cpuNow() - applyingBefore) / TOTAL;
    const servingUs = ((await childCpu(child)) - servingBefore) / TOTAL;
    // Pages were applied on their last signature; the replicator re-checks the others in the background.
    await ve.replicator.verified();
    const verifiedSeconds = (preciseNow() - started) / 1000;
    const verifiedUs = (cpuNow() - applyingBefore) / TOTAL;
    await stopProfile();
    const held = await ve.node.db.connection((sql) => sql.all<{ n: number }>("SELECT count(*) AS n FROM notes WHERE space = ?", [space]));
    if (Number(held[0]?.n) !== TOTAL) throw new Error(`ve holds ${held[0]?.n} notes, not ${TOTAL}`);
    console.error(
      `   ${engine.name} run ${run + 1}: ${TOTAL} events applied in ${seconds.toFixed(2)} s, every signature re-checked at ${verifiedSeconds.toFixed(2)} s; ` +
        `CPU µs/event: applying ${applyingUs.toFixed(1)} (${verifiedUs.toFixed(1)} with the re-check), serving ${servingUs.toFixed(1)}; load ${loadavg()[0]?.toFixed(1)}`,
    );
    return { rate: TOTAL / seconds, verifiedRate: TOTAL / verifiedSeconds, applyingUs, verifiedUs, servingUs };
  } finally {
    // Stop pulling before the peer goes away, so no loop is left backing off against it.
    await ve.replicator.stop();
    await stopChild(child);
    await ve.stop();
    pair.dispose();
  }
}

interface Latency {
  total: number[];
  append: number[];
}

/** co appends a ping every PACE_MS; ve records append-to-applied for each (after a warm-up). */
async function latency(engine: Engine): Promise<Latency> {
  const pair = await createPair(engine, "lat");
  const { co, ve } = pair.running;
  const out: Latency = { total: [], append: [] };
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  ve.node.store.subscribe((events) => {
    const now = preciseNow();
    for (const e of events) {
      if (e.type !== "bench.pinged" || (e.data.i as number) < WARMUP_PINGS) continue;
      out.total.push(now - (e.data.sentAt as number));
      if (out.total.length === PINGS) finish();
    }
  });
  try {
    await co.replicator.start();
    await ve.replicator.start();
    const start = preciseNow() + 200;
    for (let i = 0; i < WARMUP_PINGS + PINGS; i++) {
      const wait = start + i * PACE_MS - preciseNow();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const data = { sentAt: preciseNow(), i };
      await co.node.store.append([{ space: pair.space, type: "bench.pinged", subject: uuidv7(), actor: "bench@co", data }]);
      if (i >= WARMUP_PINGS) out.append.push(preciseNow() - data.sentAt);
    }
    const timeout = new Promise<void>((_, reject) =>
      setTimeout(() => reject(new Error(`only ${out.total.length} pings applied`)), 30_000).unref(),
    );
    await Promise.race([finished, timeout]);
    console.error(`   ${engine.name} latency: ${PINGS} pings; load ${loadavg()[0]?.toFixed(1)}`);
    return out;
  } finally {
    await ve.replicator.stop();
    await co.replicator.stop();
    await ve.stop();
    await co.stop();
    pair.dispose();
  }
}

/** node:crypto verifying one event's signature at a time, over distinct signed notes. */
function verifyRate(n: number): number {
  const keys = generateNodeKeys();
  const events: Event[] = [];
  let prev = GENESIS_PREV;
  for (let i = 0; i < n; i++) {
    const hlc = "2026-11-27T18:40:00.000Z/0000";
    const { event, hash } = signEvent(
      { ...note("bench-space", i), id: uuidv7(), origin: "co", seq: i + 1, prev, hlc, v: 1 },
      keys.privateKey,
    );
    events.push(event);
    prev = hash;
  }
  const t = preciseNow();
  for (const e of events) if (!verifyEventSignature(e, keys.publicKey)) throw new Error("a signature did not verify");
  return n / ((preciseNow() - t) / 1000);
}

const engines: Engine[] = [{ name: "sqlite" }];
const pgDb = await scratchPostgres("replicate");
if (pgDb) engines.push({ name: "postgres", url: pgDb.url });

const rows: Record<string, string | number>[] = [];
const runs: Record<string, CatchUp[]> = {};
const latencies: Record<string, Record<string, number>> = {};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
try {
  const verify = verifyRate(5_000);
  rows.push({
    engine: "node:crypto",
    case: "Ed25519 verifyEventSignature, one event at a time (reference)",
    "events/s": Math.round(verify),
  });
  for (const engine of engines) {
    const results: CatchUp[] = [];
    for (let r = 0; r < RUNS; r++) results.push(await catchUp(engine, r));
    runs[engine.name] = results.map((c) => ({
      rate: Math.round(c.rate),
      verifiedRate: Math.round(c.verifiedRate),
      applyingUs: round(c.applyingUs, 1),
      verifiedUs: round(c.verifiedUs, 1),
      servingUs: round(c.servingUs, 1),
    }));
    const med = (f: (c: CatchUp) => number) => median(results.map(f));
    rows.push({
      engine: engine.name,
      case: `catch-up of ${TOTAL} events over HTTP, co serving from a child process: applied (median of ${RUNS})`,
      "events/s": Math.round(med((c) => c.rate)),
      "CPU µs/event applying": round(
        med((c) => c.applyingUs),
        1,
      ),
      "CPU µs/event serving": round(
        med((c) => c.servingUs),
        1,
      ),
    });
    rows.push({
      engine: engine.name,
      case: "  … and every signature re-checked in the background",
      "events/s": Math.round(med((c) => c.verifiedRate)),
      "CPU µs/event applying": round(
        med((c) => c.verifiedUs),
        1,
      ),
    });
  }
  for (const engine of engines) {
    const lat = await latency(engine);
    latencies[engine.name] = {
      p50: round(percentile(lat.total, 50)),
      p99: round(percentile(lat.total, 99)),
      max: round(Math.max(...lat.total)),
      appendP50: round(percentile(lat.append, 50)),
      appendP99: round(percentile(lat.append, 99)),
    };
    rows.push({
      engine: engine.name,
      case: `append-to-applied at ${1000 / PACE_MS} events/s (${PINGS} events, both nodes in one process)`,
      "p50 ms": round(percentile(lat.total, 50)),
      "p99 ms": round(percentile(lat.total, 99)),
    });
    rows.push({
      engine: engine.name,
      case: "  of which co's own append (sign, insert, commit)",
      "p50 ms": round(percentile(lat.append, 50)),
      "p99 ms": round(percentile(lat.append, 99)),
    });
  }
} finally {
  await pgDb?.drop();
}
report("replicate", rows, { runs, latencies, loadavg: loadavg(), goal: "≥ 50,000 events/s catch-up; p99 ≤ 10 ms" });
