/**
 * Replication between two real nodes over HTTP on loopback (issue 3):
 * 1. catch-up: co holds 100,000 events of a shared space; ve starts its replicator and the
 *    time until ve has applied all of them gives events/s (SQLite and PostgreSQL, median of
 *    BENCH_RUNS runs), and so does the time until the replicator's background re-check of
 *    every signature is also done. co serves from a child process, ve applies in this one, so
 *    each side has its own core. The CPU time each side spent in that window is reported per
 *    event too (it says what a side costs whatever else the machine is doing). node:crypto's
 *    per-event Ed25519 verify rate is measured in the same run: what catch-up would be capped
 *    at if every event's signature were checked instead of the last of each page.
 * 2. latency: co appends one event every 10 ms; ve records (now − the event's sentAt) as it
 *    applies each one → p50 and p99, with the two nodes in separate processes (as deployed)
 *    and, for comparison, in one process (bench/replicate/latency.ts).
 * 3. live writes: single-event writes through co's HTTP API from 64 concurrent clients; the
 *    rate co answers them and the rate until ve holds them too (bench/replicate/writes.ts).
 * 4. floor: the SQLite statements of applying BENCH_EVENTS events with every value precomputed
 *    (bench/replicate/floor.ts): what catch-up would cost if parsing and checking were free.
 * BENCH_PROFILE=DIR writes CPU profiles of the catch-up: ve's timed window and the serving child.
 * BENCH_ENGINES (sqlite,postgres) and BENCH_PARTS (catchup,latency,writes,floor) select what runs.
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
import { measureSqliteFloor } from "./replicate/floor";
import { measureLatency } from "./replicate/latency";
import { preciseNow } from "./replicate/model";
import { createPair, type Engine, serveHere, spawnServing } from "./replicate/pair";
import { measureWrites } from "./replicate/writes";

const TOTAL = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PINGS = Number(process.env.BENCH_PINGS ?? 2_000);
const WARMUP_PINGS = 100;
const PACE_MS = 10;
const PROFILE = process.env.BENCH_PROFILE;
const WRITES = Number(process.env.BENCH_WRITES ?? 20_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
const PAGE = Number(process.env.BENCH_PAGE ?? 0);
const PARTS = (process.env.BENCH_PARTS ?? "catchup,latency,writes,floor").split(",");

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
  const ve = await serveHere(pair.ve, PAGE ? { pageSize: PAGE } : {});
  try {
    const reached = new Promise<number>((resolve) => {
      ve.node.store.subscribe((events) => {
        if (events.some((e) => e.space === space && e.origin === "co" && e.seq >= target)) resolve(preciseNow());
      });
    });
    const stopProfile = await profileWindow(profDir && join(profDir, "applying.cpuprofile"));
    const servingBefore = await child.cpu();
    const applyingBefore = cpuNow();
    const started = preciseNow();
    await ve.replicator.start();
    const seconds = ((await reached) - started) / 1000;
    const applyingUs = (cpuNow() - applyingBefore) / TOTAL;
    const servingUs = ((await child.cpu()) - servingBefore) / TOTAL;
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
    await child.stop();
    await ve.stop();
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

const wanted = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const engines: Engine[] = wanted.includes("sqlite") ? [{ name: "sqlite" }] : [];
const pgDb = wanted.includes("postgres") ? await scratchPostgres("replicate") : undefined;
if (pgDb) engines.push({ name: "postgres", url: pgDb.url });

const rows: Record<string, string | number>[] = [];
const runs: Record<string, CatchUp[]> = {};
const latencies: Record<string, Record<string, number>> = {};
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const writes: Record<string, Record<string, number>> = {};
try {
  const verify = verifyRate(5_000);
  rows.push({
    engine: "node:crypto",
    case: "Ed25519 verifyEventSignature, one event at a time (reference)",
    "events/s": Math.round(verify),
  });
  if (PARTS.includes("floor") && wanted.includes("sqlite")) {
    const floors = [];
    for (let r = 0; r < RUNS; r++) floors.push(await measureSqliteFloor(TOTAL));
    console.error(`   sqlite floor: ${floors.map((f) => Math.round(f.rate)).join(" · ")} events/s`);
    rows.push({
      engine: "sqlite",
      case: `storage floor: the statements of applying ${TOTAL} events, values precomputed (median of ${RUNS})`,
      "events/s": Math.round(median(floors.map((f) => f.rate))),
      "CPU µs/event applying": round(median(floors.map((f) => f.cpuUs)), 1),
    });
  }
  for (const engine of PARTS.includes("catchup") ? engines : []) {
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
  for (const engine of PARTS.includes("latency") ? engines : []) {
    for (const mode of ["processes", "one-process"] as const) {
      const lat = await measureLatency(engine, mode, { pings: PINGS, warmup: WARMUP_PINGS, paceMs: PACE_MS });
      console.error(`   ${engine.name} latency (${mode}): ${PINGS} pings; load ${loadavg()[0]?.toFixed(1)}`);
      latencies[`${engine.name}/${mode}`] = {
        p50: round(percentile(lat.total, 50)),
        p99: round(percentile(lat.total, 99)),
        max: round(Math.max(...lat.total)),
        appendP50: round(percentile(lat.append, 50)),
        appendP99: round(percentile(lat.append, 99)),
      };
      const where = mode === "processes" ? "each node in its own process" : "both nodes in one process";
      rows.push({
        engine: engine.name,
        case: `append-to-applied at ${1000 / PACE_MS} events/s (${PINGS} events, ${where})`,
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
  }
  for (const engine of PARTS.includes("writes") ? engines : []) {
    const profileDir = PROFILE ? join(PROFILE, `${engine.name}-writes`) : undefined;
    const w = await measureWrites(engine, { writes: WRITES, clients: CLIENTS, ...(profileDir ? { profileDir } : {}) });
    console.error(
      `   ${engine.name} live writes: ${Math.round(w.accepted)}/s accepted, ${Math.round(w.onBoth)}/s on both; CPU µs/write co ${w.coUs.toFixed(0)}, ve ${w.veUs.toFixed(0)}; load ${loadavg()[0]?.toFixed(1)}`,
    );
    writes[engine.name] = { accepted: Math.round(w.accepted), onBoth: Math.round(w.onBoth), p50: round(w.p50), p99: round(w.p99) };
    rows.push({
      engine: engine.name,
      case: `single-event writes through HTTP (${WRITES}, ${CLIENTS} clients): answered by co`,
      "events/s": Math.round(w.accepted),
      "p50 ms": round(w.p50),
      "p99 ms": round(w.p99),
      "CPU µs/event serving": round(w.coUs, 1),
    });
    rows.push({
      engine: engine.name,
      case: "  … and stored on ve too",
      "events/s": Math.round(w.onBoth),
      "CPU µs/event applying": round(w.veUs, 1),
    });
  }
} finally {
  await pgDb?.drop();
}
report("replicate", rows, {
  runs,
  latencies,
  writes,
  loadavg: loadavg(),
  goal: "≥ 50,000 events/s catch-up; p99 ≤ 10 ms; ≥ 2,000 single-event writes/s stored on both nodes",
});
