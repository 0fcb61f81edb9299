/**
 * Incident creation over HTTP (issue 5): a real node serves from a child process on
 * loopback; N clients in this process each send `POST /api/v1/incidents` back to back over
 * keep-alive connections (Node's fetch, or node:http with BENCH_CLIENT=http), authenticated
 * by a bearer API token as a script would be. Each incident is a different illustrative report on Colombian territory near
 * the border (from the demo's generator), so every request runs the own-territory check,
 * MGRS, signing, the insert and the projection. Per engine (SQLite, PostgreSQL) and number
 * of clients: incidents/s, latency p50/p99, the server's CPU per incident, and the load
 * average (the machine is shared: other work stretches the figures). Goal: ≥ 2,000/s.
 *
 * BENCH_CLIENTS=1,16,64 (clients per run), BENCH_SECONDS=8 (timed seconds per run, after a
 * 2-second warm-up at the same concurrency), BENCH_ENGINES=sqlite,postgres, BENCH_PROFILE=DIR
 * (a CPU profile of the serving child per timed run, warm-up excluded, in
 * DIR/<engine>/run-<n>.cpuprofile: the n-th entry of BENCH_CLIENTS; the table's `incidents`
 * column is what that run served).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createBorderShape } from "../src/cli/demo-border";
import { planBorderDemo } from "../src/cli/demo-border-plan";
import { consoleActor, createToken, createUser } from "../src/server/admin/commands";
import { initNode, openNode } from "../src/server/node";
import { type ServingChild, spawnServer } from "./border-http/child";
import { poster } from "./border-http/client";
import { percentile, report, scratchPostgres } from "./lib";

const CLIENTS = (process.env.BENCH_CLIENTS ?? "1,16,64").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const GOAL = 2000;
const PROFILE = process.env.BENCH_PROFILE;
const CLIENT = process.env.BENCH_CLIENT === "http" ? "http" : "fetch";

/** A pool of request bodies: the demo's Colombian incidents, sent as a client would. */
function bodies(): string[] {
  const plan = planBorderDemo(createBorderShape(), { now: Date.now(), incidents: 4000, seed: 7 });
  return plan.incidents
    .filter((i) => i.side === "co")
    .map((i) =>
      JSON.stringify({
        type: i.type,
        occurredAt: new Date(i.occurredAt).toISOString(),
        position: i.position,
        impact: i.impact,
        confidence: i.confidence,
        goods: i.goods,
        summary: i.summary,
        originator: i.originator,
      }),
    );
}

interface RunResult {
  ok: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError?: string;
}

/** `clients` loops posting back to back until `seconds` have passed; latencies in ms. */
async function load(url: string, token: string, pool: readonly string[], clients: number, seconds: number): Promise<RunResult> {
  const { post, close } = poster(CLIENT, url, token, clients);
  const latencies: number[] = [];
  const result: RunResult = { ok: 0, errors: 0, seconds: 0, latencies };
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const body = pool[next++ % pool.length] as string;
      const t0 = performance.now();
      const res = await post(body);
      latencies.push(performance.now() - t0);
      if (res.status === 201) result.ok++;
      else {
        result.errors++;
        result.firstError ??= `${res.status} ${res.text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  result.seconds = (performance.now() - started) / 1000;
  close();
  return result;
}

async function runEngine(engine: string, pool: readonly string[], rows: Record<string, string | number>[]): Promise<void> {
  const pg = engine === "postgres" ? await scratchPostgres("border_http") : undefined;
  if (engine === "postgres" && !pg) return;
  const root = mkdtempSync(join(tmpdir(), "enlace-bench-border-http-"));
  const dir = join(root, "co");
  const env = { ...process.env, DATABASE_URL: pg?.url ?? "", ENLACE_PG_SCHEMA: "" };
  let child: ServingChild | undefined;
  try {
    await (await initNode({ dir, node: "co", name: "Fuerzas Militares de Colombia", country: "CO", port: 0, env })).close();
    const node = await openNode(dir, { env });
    const ctx = { store: node.store, actor: consoleActor("co") };
    await createUser(ctx, { username: "bench", role: "officer", password: "correct horse battery" });
    const { token } = await createToken(ctx, { username: "bench", label: "border-http bench" });
    await node.close();
    child = await spawnServer(dir, env, PROFILE ? join(PROFILE, engine) : undefined);
    let sent = 0;
    for (const clients of CLIENTS) {
      const warm = await load(child.url, token, pool, clients, WARMUP_SECONDS);
      if (warm.errors) throw new Error(`${engine}: ${warm.errors} failed requests, first: ${warm.firstError}`);
      const cpu0 = await child.cpu();
      const own0 = process.cpuUsage();
      const run = await load(child.url, token, pool, clients, SECONDS);
      const own = process.cpuUsage(own0);
      const cpu1 = await child.cpu();
      sent += warm.ok + run.ok;
      if (run.errors) throw new Error(`${engine}: ${run.errors} failed requests, first: ${run.firstError}`);
      const rate = run.ok / run.seconds;
      rows.push({
        engine,
        client: CLIENT,
        clients,
        incidents: run.ok,
        "incidents/s": Math.round(rate),
        "p50 ms": Number(percentile(run.latencies, 50).toFixed(2)),
        "p99 ms": Number(percentile(run.latencies, 99).toFixed(2)),
        "server CPU µs/incident": Math.round((cpu1 - cpu0) / run.ok),
        "client CPU µs/request": Math.round((own.user + own.system) / run.ok),
        "load 1m": Number(loadavg()[0]?.toFixed(2)),
        goal: rate >= GOAL ? "met" : "not met",
      });
      console.error(`   ${engine}, ${clients} clients: ${Math.round(rate)} incidents/s`);
    }
    await child.stop();
    // Every 201 is an incident in the projection: nothing was acknowledged and lost.
    const check = await openNode(dir, { env });
    const [stored] = await check.db.connection((sql) => sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM border_incidents"));
    await check.close();
    if (Number(stored?.n) !== sent) throw new Error(`${engine}: ${sent} incidents acknowledged, ${stored?.n} stored`);
  } finally {
    await child?.stop();
    rmSync(root, { recursive: true, force: true });
    await pg?.drop();
  }
}

const pool = bodies();
const rows: Record<string, string | number>[] = [];
for (const engine of ENGINES) await runEngine(engine, pool, rows);
report("border-http", rows, { goal: `${GOAL} incidents/s`, seconds: SECONDS, clients: CLIENTS, loadavg: loadavg() });
