/**
 * Border-picture reads at scale (issue 5): 1,000,000 incidents over a year on two peered
 * nodes (see border-queries/seed.ts: the demo's picture through the commands, the bulk
 * through `decideIncident` + `store.append` on each side's own node, ve's half replicated to
 * co), then each dashboard, coverage, report and map query timed on co over HTTP in-process
 * (Fastify `app.inject`: routing, auth, validation and serialisation included, no socket):
 * p50/p95/p99 ms, on SQLite and PostgreSQL. Goal: p95 ≤ 20 ms for dashboard aggregates and
 * map queries (bbox + time window). Beside wall times, this process's CPU per request
 * (excluding PostgreSQL's own work) and the load average, since other processes on the
 * machine stretch the tail.
 *
 * PostgreSQL gets co's tables from the SQLite run (border-queries/copy.ts: log and projections,
 * row for row); BENCH_PG_SEED=replay restores the log from a backup and rebuilds every
 * projection by replay instead (about an hour for a million), BENCH_PG_SEED=append runs the
 * whole write path there too (hours on a shared machine).
 *
 * BENCH_INCIDENTS (1,000,000), BENCH_REQUESTS (200 timed after 20 warm-up per query),
 * BENCH_ENGINES=sqlite,postgres, BENCH_KEEP=DIR keeps each engine's seeded nodes (DIR/<engine>,
 * PostgreSQL database enlace_bench_border_kept) and reuses them on the next run.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { consoleActor, createToken, createUser } from "../src/server/admin/commands";
import { buildApp } from "../src/server/app";
import { openNode } from "../src/server/node";
import { copyToPostgres } from "./border-queries/copy";
import { restoreOnPostgres } from "./border-queries/restore";
import { createNodes, type Pair, type SeedResult, seed } from "./border-queries/seed";
import { PG_ADMIN, percentile, report, scratchPostgres } from "./lib";

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const KEEP = process.env.BENCH_KEEP;
const GOAL_MS = 20;
const DAY = 86_400_000;

interface Seeded {
  pair: Pair;
  now: number;
  result: SeedResult | { how: string; seconds: number };
}

async function prepare(engine: string, pgUrl: string | undefined, fromSqlite: Seeded | undefined): Promise<Seeded> {
  const keep = KEEP ? join(KEEP, engine) : undefined;
  const saved = keep ? join(keep, "seeded.json") : undefined;
  if (saved && existsSync(saved)) return JSON.parse(readFileSync(saved, "utf8")) as Seeded;
  if (keep) mkdirSync(keep, { recursive: true });
  if (pgUrl && fromSqlite && process.env.BENCH_PG_SEED !== "append") {
    const dir = join(keep ?? mkdtempSync(join(tmpdir(), "enlace-bench-border-pg-")), "co");
    const say = (line: string) => console.error(`   ${engine}: ${line}`);
    const replay = process.env.BENCH_PG_SEED === "replay";
    const r = replay
      ? await restoreOnPostgres(fromSqlite.pair.dirs.co, fromSqlite.pair.env.co, dir, pgUrl, say)
      : await copyToPostgres(fromSqlite.pair.dirs.co, fromSqlite.pair.env.co, dir, pgUrl, say);
    say(`co ${replay ? "restored and replayed" : "copied table by table"} from the SQLite run in ${r.seconds.toFixed(0)} s`);
    const seeded = {
      pair: { dirs: { co: r.dir, ve: "" }, env: { co: r.env, ve: {} } },
      now: fromSqlite.now,
      result: { how: replay ? "backup, restore, replay" : "tables copied from SQLite", seconds: r.seconds },
    };
    if (saved) writeFileSync(saved, JSON.stringify(seeded));
    return seeded;
  }
  const pair = await createNodes(keep, pgUrl);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  console.error(`   ${engine}: seeding ${INCIDENTS.toLocaleString("en")} incidents…`);
  const result = await seed(pair, INCIDENTS, now, (line) => console.error(`   ${engine}: ${line}`));
  console.error(
    `   ${engine}: seeded in ${result.seconds.toFixed(0)} s (replication caught up ${result.replicatedSeconds.toFixed(0)} s after the last append)`,
  );
  const seeded = { pair, now, result };
  if (saved) writeFileSync(saved, JSON.stringify(seeded));
  return seeded;
}

const iso = (ms: number) => new Date(ms).toISOString();
const round = (n: number) => Math.round(n * 100) / 100;

/** The queries, as a console and a script would make them, relative to the seed's `now`. */
function cases(now: number): [string, string, boolean][] {
  const w = (days: number) => `from=${iso(now - days * DAY)}&to=${iso(now)}`;
  const border = "bbox=-73.5,0.5,-66.5,12.5";
  const sector = "bbox=-73,7,-72,8.5";
  const city = "bbox=-72.6,7.7,-72.3,8";
  const street = "bbox=-72.52,7.86,-72.47,7.9";
  const yesterday = iso(now - DAY).slice(0, 10);
  // [name, url, counts toward the goal]
  return [
    ["seizures by category, 365 d", `/api/v1/dashboard/seizures?groupBy=category&${w(365)}`, true],
    ["seizures by sector, 365 d", `/api/v1/dashboard/seizures?groupBy=sector&${w(365)}`, true],
    ["seizures by month, 365 d", `/api/v1/dashboard/seizures?groupBy=month&${w(365)}`, true],
    ["seizures by side, 30 d", `/api/v1/dashboard/seizures?groupBy=side&${w(30)}`, true],
    [
      "seizures by category, calendar months, one side",
      `/api/v1/dashboard/seizures?groupBy=category&from=${iso(now - 200 * DAY).slice(0, 8)}01&to=${iso(now - 40 * DAY).slice(0, 7)}-01&side=ve`,
      true,
    ],
    ["trends (24 months by type)", `/api/v1/dashboard/trends?at=${iso(now)}`, true],
    ["busiest crossings, 30 d", `/api/v1/dashboard/crossings/busiest?${w(30)}`, true],
    ["busiest crossings, 365 d", `/api/v1/dashboard/crossings/busiest?${w(365)}`, true],
    ["coverage", `/api/v1/coverage?at=${iso(now)}`, true],
    ["daily report (JSON), tz −05:00", `/api/v1/reports/daily?date=${yesterday}&tz=-05:00`, false],
    ["map: whole border, zoom 5, 7 d", `/api/v1/map/incidents?${border}&zoom=5&${w(7)}`, true],
    ["map: whole border, zoom 5, 30 d", `/api/v1/map/incidents?${border}&zoom=5&${w(30)}`, true],
    ["map: sector box, zoom 8, 7 d", `/api/v1/map/incidents?${sector}&zoom=8&${w(7)}`, true],
    ["map: sector box, zoom 8, 30 d", `/api/v1/map/incidents?${sector}&zoom=8&${w(30)}`, true],
    ["map: city box, zoom 11, 7 d", `/api/v1/map/incidents?${city}&zoom=11&${w(7)}`, true],
    ["map: city box, zoom 11, 30 d", `/api/v1/map/incidents?${city}&zoom=11&${w(30)}`, true],
    ["map: street box, zoom 14, 7 d", `/api/v1/map/incidents?${street}&zoom=14&${w(7)}`, true],
    ["map: street box, zoom 14, 30 d", `/api/v1/map/incidents?${street}&zoom=14&${w(30)}`, true],
    ["map: whole border, weapons only, 30 d", `/api/v1/map/incidents?${border}&zoom=5&type=smuggling_weapons&${w(30)}`, true],
    ["map heat: whole border, zoom 5, 30 d", `/api/v1/map/heat?${border}&zoom=5&${w(30)}`, true],
    ["map heat: sector box, zoom 8, 30 d", `/api/v1/map/heat?${sector}&zoom=8&${w(30)}`, true],
    ["incident list: city box, 7 d, 100", `/api/v1/incidents?${city}&${w(7)}&limit=100`, true],
    ["incident list: city box, 30 d, 100", `/api/v1/incidents?${city}&${w(30)}&limit=100`, true],
  ];
}

async function measure(engine: string, seeded: Seeded, rows: Record<string, string | number>[]) {
  const openedAt = performance.now();
  // A bumped projection version is rebuilt from the log here.
  const node = await openNode(seeded.pair.dirs.co, { env: seeded.pair.env.co });
  const openSeconds = (performance.now() - openedAt) / 1000;
  console.error(`   ${engine}: node opened in ${openSeconds.toFixed(1)} s`);
  // What autovacuum does on a production server: without statistics the planner guesses.
  if (engine === "postgres") await node.db.connection((sql) => sql.run("VACUUM ANALYZE"));
  const ctx = { store: node.store, actor: consoleActor(node.config.node) };
  const username = `bench${Date.now().toString(36)}`;
  await createUser(ctx, { username, role: "viewer", password: "correct horse battery" });
  const { token } = await createToken(ctx, { username, label: "bench" });
  const app = await buildApp({ node });
  const headers = { authorization: `Bearer ${token}` };
  const held = await node.db.connection((sql) =>
    sql.all<{ n: number; sides: number }>("SELECT COUNT(*) AS n, COUNT(DISTINCT side) AS sides FROM border_stats_incidents WHERE dup = 0"),
  );
  console.error(`   ${engine}: co holds ${Number(held[0]?.n).toLocaleString("en")} incidents of ${held[0]?.sides} sides`);
  for (const [name, url, goal] of cases(seeded.now)) {
    const get = async () => {
      const res = await app.inject({ method: "GET", url, headers });
      if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return res;
    };
    for (let i = 0; i < WARMUP; i++) await get();
    const times: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    let shape = "";
    for (let i = 0; i < REQUESTS; i++) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      const res = await get();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      bytes = res.rawPayload.length;
      if (i === 0 && url.includes("/map/")) {
        const fc = res.json<{ mode: string; total: number; features: unknown[] }>();
        shape = `${fc.mode}: ${fc.features.length} features, ${fc.total} incidents`;
      }
    }
    const p95 = percentile(times, 95);
    const row = {
      engine,
      query: name,
      "p50 ms": round(percentile(times, 50)),
      "p95 ms": round(p95),
      "p99 ms": round(percentile(times, 99)),
      "cpu p50 ms": round(percentile(cpu, 50)),
      KB: Math.round(bytes / 1024),
      goal: goal ? (p95 <= GOAL_MS ? "met" : "MISSED") : "—",
      answer: shape,
    };
    console.error(
      `   ${engine} ${name}: p50 ${row["p50 ms"]} p95 ${row["p95 ms"]} p99 ${row["p99 ms"]} cpu ${row["cpu p50 ms"]} ms ${shape}`,
    );
    rows.push(row);
  }
  await app.close();
  await node.close();
  return { engine, incidents: Number(held[0]?.n), seed: seeded.result, openSeconds: round(openSeconds), loadAverage: loadavg().map(round) };
}

/** BENCH_KEEP's PostgreSQL database: created once, never dropped by the bench. */
async function keptPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = "enlace_bench_border_kept";
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const held = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (held.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return { url: PG_ADMIN.replace(/\/[^/]*$/, `/${name}`), drop: async () => {} };
}

const rows: Record<string, string | number>[] = [];
const runs: unknown[] = [];
const temporary: string[] = [];
let sqliteSeed: Seeded | undefined;
for (const engine of ENGINES) {
  const pgDb = engine === "postgres" ? (KEEP ? await keptPostgres() : await scratchPostgres("border")) : undefined;
  if (engine === "postgres" && !pgDb) continue;
  try {
    // Without a SQLite run in this process, a kept one serves as PostgreSQL's source.
    const kept =
      KEEP && existsSync(join(KEEP, "sqlite", "seeded.json"))
        ? (JSON.parse(readFileSync(join(KEEP, "sqlite", "seeded.json"), "utf8")) as Seeded)
        : undefined;
    const seeded = await prepare(engine, pgDb?.url, sqliteSeed ?? kept);
    if (engine === "sqlite") sqliteSeed = seeded;
    runs.push(await measure(engine, seeded, rows));
    if (!KEEP) temporary.push(join(seeded.pair.dirs.co, ".."));
  } finally {
    await pgDb?.drop();
  }
}
for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
report("border-queries", rows, {
  goal: `p95 ≤ ${GOAL_MS} ms for dashboard aggregates and map queries (bbox + time window) with ${INCIDENTS.toLocaleString("en")} incidents`,
  seeding:
    "demo picture through the border commands; the rest through decideIncident + store.append on each side's node; ve's half replicated to co",
  runs,
});
