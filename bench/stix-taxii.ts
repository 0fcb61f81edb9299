/**
 * STIX export and TAXII paging at the size of issue 7: a report linking 100 groups (each
 * operating in 4 sectors), 100 sectors, 100 crossings and 100 incidents — a bundle of
 * about 1,000 STIX objects — and a TAXII collection of about 1,300 objects read 1,000 at a
 * time. Two real nodes (co, ve) peered in one binational space, served in this process;
 * the data is written through the capabilities' own commands by co and released into the
 * space. Requests go through Fastify `app.inject` (routing, auth, serialisation; no socket)
 * → p50/p95 ms on SQLite and PostgreSQL. Goal: each ≤ 200 ms.
 *
 * BENCH_REQUESTS (default 40) timed requests per case after 5 warm-up ones;
 * BENCH_ENGINES=sqlite,postgres.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { consoleActor, createToken, createUser } from "../src/server/admin/commands";
import { acceptInvite, createInvite, createSpace, joinSpace } from "../src/server/federation/commands";
import { type RunningNode, serveNode } from "../src/server/main";
import { initNode } from "../src/server/node";
import { collectionId } from "../src/server/taxii/collection";
import { writeIntel } from "../test/stix/graph-fixture";
import { percentile, report, scratchPostgres } from "./lib";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const WARMUP = 5;
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const GOAL_MS = 200;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** co and ve peered over HTTP, both in one new space; replication off (only co's data is read). */
async function pair(url: string | undefined, root: string) {
  const running: RunningNode[] = [];
  for (const [id, name, country] of [
    ["co", "Fuerzas Militares de Colombia", "CO"],
    ["ve", "Fuerza Armada Nacional Bolivariana", "VE"],
  ] as const) {
    const env = { ...process.env, DATABASE_URL: url ?? "", ENLACE_PG_SCHEMA: url ? `stix_${id}` : "" };
    const dir = join(root, id);
    await (await initNode({ dir, node: id, name, country, port: await freePort(), env })).close();
    running.push(await serveNode(dir, { env, logger: false, replicate: false }));
  }
  const [co, ve] = running as [RunningNode, RunningNode];
  const ctx = (r: RunningNode) => ({ store: r.node.store, actor: consoleActor(r.node.config.node) });
  await acceptInvite(ctx(ve), ve.node, (await createInvite(ctx(co), co.node)).token);
  const space = await createSpace(ctx(co), { name: "Espacio binacional (bench)", members: ["co", "ve"] });
  await joinSpace(ctx(ve), ve.node, space);
  return { co, ve, space };
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number; cpu: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const c = process.cpuUsage(cpu0);
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpu: (c.user + c.system) / 1000 / REQUESTS };
}

async function runEngine(engine: string, url: string | undefined, rows: Record<string, string | number>[]) {
  const root = mkdtempSync(join(tmpdir(), "enlace-bench-stix-"));
  const { co, ve, space } = await pair(url, root);
  try {
    const t0 = Date.now();
    const big = await writeIntel(co.node, {
      space,
      prefix: "A",
      counts: { sectors: 100, crossings: 100, incidents: 100, groups: 100, areas: 4 },
    });
    await writeIntel(co.node, { space, prefix: "B", counts: { sectors: 20, crossings: 20, incidents: 40, groups: 20, areas: 2 } });
    console.error(`   ${engine}: seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (engine === "postgres") await co.node.db.connection((sql) => sql.run("VACUUM ANALYZE"));
    const actor = consoleActor("co");
    await createUser({ store: co.node.store, actor }, { username: "bench", role: "analyst", password: "correct horse battery" });
    const { token } = await createToken({ store: co.node.store, actor }, { username: "bench", label: "bench" });
    const get = async (url: string, accept = "application/taxii+json;version=2.1") => {
      const res = await co.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}`, accept } });
      if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return JSON.parse(res.body) as { objects?: unknown[]; next?: string };
    };
    const objects = `/taxii2/enlace/collections/${collectionId(space)}/objects/`;
    const first = await get(`${objects}?limit=1000`);
    const exported = await get(`/api/v1/export/stix?report=${big.report}`, "application/stix+json");
    const cases: [string, string, number][] = [
      ["STIX export, one report", `/api/v1/export/stix?report=${big.report}`, exported.objects?.length ?? 0],
      ["TAXII objects, first page of 1,000", `${objects}?limit=1000`, first.objects?.length ?? 0],
      [
        "TAXII objects, next page",
        `${objects}?limit=1000&next=${encodeURIComponent(first.next ?? "")}`,
        (await get(`${objects}?limit=1000&next=${encodeURIComponent(first.next ?? "")}`)).objects?.length ?? 0,
      ],
      [
        "TAXII manifest, page of 1,000",
        `/taxii2/enlace/collections/${collectionId(space)}/manifest/?limit=1000`,
        (await get(`/taxii2/enlace/collections/${collectionId(space)}/manifest/?limit=1000`)).objects?.length ?? 0,
      ],
    ];
    for (const [name, url, count] of cases) {
      const r = await time(() => get(url, url.startsWith("/api/") ? "application/stix+json" : "application/taxii+json;version=2.1"));
      rows.push({
        engine,
        case: name,
        objects: count,
        "p50 ms": Number(r.p50.toFixed(1)),
        "p95 ms": Number(r.p95.toFixed(1)),
        "bench CPU ms/req": Number(r.cpu.toFixed(1)),
        goal: r.p95 <= GOAL_MS ? `≤ ${GOAL_MS} ✓` : `> ${GOAL_MS} ✗`,
      });
    }
  } finally {
    await co.stop();
    await ve.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

const rows: Record<string, string | number>[] = [];
for (const engine of ENGINES) {
  if (engine === "sqlite") await runEngine("sqlite", undefined, rows);
  if (engine === "postgres") {
    const pg = await scratchPostgres("stix");
    if (!pg) continue;
    try {
      await runEngine("postgres", pg.url, rows);
    } finally {
      await pg.drop();
    }
  }
}
report("stix-taxii", rows, { requests: REQUESTS, loadavg: loadavg().map((l) => Number(l.toFixed(2))) });
