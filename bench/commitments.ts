/**
 * Commitments reads at scale (issue 4): one statement with 5 agreements, 20 operations,
 * 10,000 activities and 200,000 progress reports, seeded through the real write path
 * (decide functions + store.append), then each roll-up and list query timed over HTTP
 * in-process (Fastify `app.inject`: routing, auth, validation and serialisation included,
 * no socket) → p50/p95/p99 ms, on SQLite and PostgreSQL. Goal: p95 ≤ 20 ms. Beside the wall
 * times, the bench process's CPU per request (which excludes PostgreSQL's own work) and
 * the load average at the end, since other processes on the machine stretch the tail.
 *
 * BENCH_REQUESTS (default 300) timed requests per query after 30 warm-up ones;
 * BENCH_ENGINES=sqlite,postgres; BENCH_KEEP=DIR keeps each engine's seeded node (folder in
 * DIR/<engine>, PostgreSQL database enlace_bench_commitments_kept) and reuses it on the next
 * run, so a change can be measured without seeding again (a bumped projection version is
 * then rebuilt from the log at open).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { NATIONAL_SPACE } from "../src/core/log/envelope";
import { consoleActor, createToken, createUser } from "../src/server/admin/commands";
import { buildApp } from "../src/server/app";
import { initNode, openNode } from "../src/server/node";
import { type SimClock, seed } from "./commitments/seed";
import { PG_ADMIN, percentile, report, scratchPostgres } from "./lib";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const KEEP = process.env.BENCH_KEEP;
const GOAL_MS = 20;
const PLAN = {
  activities: 10_000,
  reports: 200_000,
  agreements: 5,
  // The largest operation, one of ~500, and 18 of 450: 10,000 in all.
  sizes: [1_400, 500, ...Array.from({ length: 18 }, () => 450)],
};
const BASELINE = "2025-11-11";

interface Ids {
  statementId: string;
  operationIds: string[];
  activityIds: string[];
  twentyReports: string;
  seedSeconds: number;
  events: number;
}

/** A seeded node folder: fresh, or the one BENCH_KEEP holds from an earlier run. */
async function prepare(env: NodeJS.ProcessEnv, schema: string | undefined, keep: string | undefined): Promise<{ dir: string; ids: Ids }> {
  const dir = keep ? join(keep, "node") : join(mkdtempSync(join(tmpdir(), "enlace-bench-commitments-")), "node");
  const saved = keep ? join(keep, "seeded.json") : undefined;
  if (saved && existsSync(saved)) return { dir, ids: JSON.parse(readFileSync(saved, "utf8")) as Ids };
  if (keep) mkdirSync(keep, { recursive: true });
  const opts = { env, ...(schema ? { schema } : {}) };
  await (await initNode({ dir, node: "co", name: "Bench", country: "CO", genesis: false, ...opts })).close();
  // The node's whole life runs on a simulated clock, its genesis included.
  const clock: SimClock = { ms: Date.parse("2024-03-01T12:00:00Z") };
  const node = await openNode(dir, { ...opts, wallClock: () => clock.ms });
  const { node: id, name, country } = node.config;
  await node.store.append([
    {
      space: NATIONAL_SPACE,
      type: "node.created",
      subject: id,
      actor: `system@${id}`,
      data: { node: id, name, country, publicKey: node.keys.publicKeyText },
    },
  ]);
  console.error(`   seeding ${PLAN.activities} activities and ${PLAN.reports} reports…`);
  const s = await seed(node, clock, PLAN);
  await node.close();
  console.error(`   seeded ${s.events} events in ${s.seconds.toFixed(1)} s`);
  const ids: Ids = {
    statementId: s.statementId,
    operationIds: s.operationIds,
    activityIds: s.activityIds,
    twentyReports: [...s.reportsPerActivity].find(([, n]) => n === 20)?.[0] ?? "",
    seedSeconds: s.seconds,
    events: s.events,
  };
  if (saved) writeFileSync(saved, JSON.stringify(ids));
  return { dir, ids };
}

async function runEngine(engine: string, env: NodeJS.ProcessEnv, schema: string | undefined, rows: Record<string, string | number>[]) {
  const keep = KEEP ? join(KEEP, engine) : undefined;
  const { dir, ids } = await prepare(env, schema, keep);
  const openedAt = process.hrtime.bigint();
  const node = await openNode(dir, { env, ...(schema ? { schema } : {}) });
  const openSeconds = Number(process.hrtime.bigint() - openedAt) / 1e9;
  // What autovacuum does on a production server (the test server runs with it off): without
  // statistics the planner guesses every filter matches 0.5 % of the rows.
  if (engine === "postgres") await node.db.connection((sql) => sql.run("VACUUM ANALYZE"));
  const ctx = { store: node.store, actor: consoleActor(node.config.node) };
  const username = `bench${Date.now().toString(36)}`;
  await createUser(ctx, { username, role: "viewer", password: "correct horse battery" });
  const { token } = await createToken(ctx, { username, label: "bench" });
  const app = await buildApp({ node });
  const headers = { authorization: `Bearer ${token}` };
  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url, headers });
    if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return res;
  };

  // The cursor of page 51 (items 5,001–5,100), reached by following `next` as a client would.
  let cursor = "";
  for (let page = 0; page < 50; page++) {
    const next = (JSON.parse((await get(`/api/v1/activities?limit=100${cursor ? `&cursor=${cursor}` : ""}`)).body) as { next: string })
      .next;
    cursor = next;
  }
  const [largest, op500] = ids.operationIds;
  const cases: [string, string][] = [
    ["rollup, operation of 500", `/api/v1/operations/${op500}/rollup`],
    ["rollup, largest operation (1,400)", `/api/v1/operations/${largest}/rollup`],
    [`rollup?baseline, operation of 500`, `/api/v1/operations/${op500}/rollup?baseline=${BASELINE}`],
    [`rollup?baseline, largest operation`, `/api/v1/operations/${largest}/rollup?baseline=${BASELINE}`],
    ["activities?limit=100, first page", "/api/v1/activities?limit=100"],
    ["activities?limit=100, page 51 (cursor)", `/api/v1/activities?limit=100&cursor=${cursor}`],
    ["activities?status=late&limit=100", "/api/v1/activities?status=late&limit=100"],
    ["activities?operationId&status=complete_late", `/api/v1/activities?operationId=${op500}&status=complete_late&limit=100`],
    ["statements", "/api/v1/statements"],
    ["agreements", "/api/v1/agreements"],
    ["operations", "/api/v1/operations"],
    ["activities/{id} (20 reports)", `/api/v1/activities/${ids.twentyReports}`],
    ["reports/progress?statementId", `/api/v1/reports/progress?statementId=${ids.statementId}`],
  ];
  for (const [name, url] of cases) {
    for (let i = 0; i < WARMUP; i++) await get(url);
    const times: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      const res = await get(url);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      bytes = res.rawPayload.length;
    }
    const p95 = percentile(times, 95);
    const row = {
      engine,
      query: name,
      "p50 ms": round(percentile(times, 50)),
      "p95 ms": round(p95),
      "p99 ms": round(percentile(times, 99)),
      // This process's CPU per request: what the query costs when no other process competes.
      "cpu p50 ms": round(percentile(cpu, 50)),
      KB: Math.round(bytes / 1024),
      goal: p95 <= GOAL_MS ? "met" : "MISSED",
    };
    console.error(`   ${engine} ${name}: p50 ${row["p50 ms"]} p95 ${row["p95 ms"]} p99 ${row["p99 ms"]} cpu ${row["cpu p50 ms"]} ms`);
    rows.push(row);
  }
  await app.close();
  await node.close();
  if (!keep) rmSync(join(dir, ".."), { recursive: true, force: true });
  return {
    engine,
    seedSeconds: round(ids.seedSeconds),
    events: ids.events,
    openSeconds: round(openSeconds),
    loadAverage: loadavg().map(round),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** BENCH_KEEP's PostgreSQL database: created once, never dropped by the bench. */
async function keptPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = "enlace_bench_commitments_kept";
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const held = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (held.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return { url: PG_ADMIN.replace(/\/[^/]*$/, `/${name}`), drop: async () => {} };
}

const rows: Record<string, string | number>[] = [];
const seeded: unknown[] = [];
if (ENGINES.includes("sqlite"))
  seeded.push(await runEngine("sqlite", { ...process.env, DATABASE_URL: "", ENLACE_PG_SCHEMA: "" }, undefined, rows));
if (ENGINES.includes("postgres")) {
  const pgDb = KEEP ? await keptPostgres() : await scratchPostgres("commitments");
  if (pgDb) {
    try {
      seeded.push(await runEngine("postgres", { ...process.env, DATABASE_URL: pgDb.url, ENLACE_PG_SCHEMA: "" }, "bench", rows));
    } finally {
      await pgDb.drop();
    }
  }
}
report("commitments", rows, {
  goal: `p95 ≤ ${GOAL_MS} ms for roll-up and list queries`,
  transport: "Fastify app.inject (HTTP in-process: routing, bearer auth, validation, JSON; no socket)",
  dataset: { ...PLAN, sizes: undefined, operations: PLAN.sizes.length, largestOperation: PLAN.sizes[0] },
  requestsPerQuery: REQUESTS,
  seeded,
});
