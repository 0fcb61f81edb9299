import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBorderShape, seedBorder } from "../../src/cli/demo-border";
import type { PlannedIncident } from "../../src/cli/demo-border-incidents";
import { planBorderDemo } from "../../src/cli/demo-border-plan";
import { decideIncident } from "../../src/core/border/decide-incidents";
import { incidentInput } from "../../src/core/border/inputs";
import { NATIONAL_SPACE, type NewEvent } from "../../src/core/log/envelope";
import { uuidv7 } from "../../src/core/log/ids";
import { consoleActor } from "../../src/server/admin/commands";
import { borderGeo } from "../../src/server/border/atlas";
import { acceptInvite, createInvite, createSpace, joinSpace } from "../../src/server/federation/commands";
import { type RunningNode, serveNode } from "../../src/server/main";
import { initNode } from "../../src/server/node";

/**
 * The border-queries bench's data, written through the real write paths on two peered
 * nodes: the demo's own seeding (sectors, crossings, deployments, patrols and 5,000
 * incidents through the border commands), then the bulk of the incidents as the commands
 * would write them (`decideIncident`, so the own-territory check runs, then `store.append`
 * in batches: registry, rule, signature, chain and every projection), each side on its own
 * node, the other side's half arriving on co by the replicator, as between two forces.
 * Incidents reuse positions, goods and crossings planned by the demo's generator (valid on
 * each side's territory) and spread over the 365 days before `now`.
 */
export interface SeedResult {
  readonly incidents: number;
  readonly seconds: number;
  readonly replicatedSeconds: number;
}

const DAY = 86_400_000;
const BATCH = 5_000;
const POOL = 20_000;
const SEED = 20230511;
/** How far co may fall behind ve's shared incidents before ve waits. */
const LAG = 50_000;

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

/** Deterministic random numbers (mulberry32), so two runs seed the same picture. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Pair {
  readonly dirs: { co: string; ve: string };
  readonly env: { co: NodeJS.ProcessEnv; ve: NodeJS.ProcessEnv };
}

/** Two node folders, co and ve, initialised on the engine (`pgUrl`: one schema each). */
export async function createNodes(root: string | undefined, pgUrl: string | undefined): Promise<Pair> {
  const base = root ?? mkdtempSync(join(tmpdir(), "enlace-bench-border-"));
  const make = async (id: "co" | "ve", name: string, country: string) => {
    const env = { ...process.env, DATABASE_URL: pgUrl ?? "", ENLACE_PG_SCHEMA: pgUrl ? `bench_${id}` : "" };
    const dir = join(base, id);
    await (await initNode({ dir, node: id, name, country, port: await freePort(), env })).close();
    return { dir, env };
  };
  const co = await make("co", "Fuerzas Militares de Colombia (bench)", "CO");
  const ve = await make("ve", "Fuerza Armada Nacional Bolivariana (bench)", "VE");
  return { dirs: { co: co.dir, ve: ve.dir }, env: { co: co.env, ve: ve.env } };
}

const count = async (r: RunningNode, text: string, params: unknown[] = []) =>
  Number((await r.node.db.connection((sql) => sql.all<{ n: number }>(text, params)))[0]?.n ?? 0);

/** Waits until co holds at least `want` of ve's incidents. */
async function caughtUp(co: RunningNode, want: number): Promise<void> {
  while ((await count(co, "SELECT COUNT(*) AS n FROM border_stats_incidents WHERE side = 've'")) < want) {
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function seed(pair: Pair, total: number, now: number, log: (line: string) => void): Promise<SeedResult> {
  const started = performance.now();
  const co = await serveNode(pair.dirs.co, { env: pair.env.co, logger: false });
  const ve = await serveNode(pair.dirs.ve, { env: pair.env.ve, logger: false });
  try {
    const ctx = (r: RunningNode) => ({ store: r.node.store, actor: consoleActor(r.node.config.node) });
    const { token } = await createInvite(ctx(co), co.node);
    await acceptInvite(ctx(ve), ve.node, token);
    const space = await createSpace(ctx(co), { name: "Espacio binacional (bench)", members: ["co", "ve"] });
    await joinSpace(ctx(ve), ve.node, space);
    await co.replicator.refresh();
    await ve.replicator.refresh();

    const base = Math.min(5_000, total);
    await seedBorder(co.node, ve.node, { now, incidents: base, seed: SEED });
    log(`demo picture seeded (${base} incidents through the commands) in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    // co pulls ve's half as it is written; ve need not apply co's half, which the bench never reads there.
    await ve.replicator.stop();
    // The same plan, with more incidents: its crossings are the ones just written.
    const plan = planBorderDemo(createBorderShape(), { now, seed: SEED, incidents: POOL });
    const pool = plan.incidents;
    const positionKeys = new Map(plan.crossings.map((c) => [c.key, `${c.side}:${c.position.lat}:${c.position.lon}`]));
    const nodes = { co, ve };
    const ids = await refsOf(co, space);
    const rnd = random(7);
    const geo = borderGeo();
    const pending = { co: [] as NewEvent[], ve: [] as NewEvent[] };
    let written = base;
    let veShared = 0;
    const flush = async (side: "co" | "ve") => {
      if (side === "ve") veShared += pending.ve.filter((e) => e.space !== NATIONAL_SPACE).length;
      await nodes[side].node.store.append(pending[side]);
      written += pending[side].length;
      pending[side] = [];
      // co pulls as ve writes; a bounded lag keeps the replicator's pages (and memory) small.
      if (side === "ve") await caughtUp(co, veShared - LAG);
    };
    for (let i = base; i < total; i++) {
      const p = pool[i % pool.length] as PlannedIncident;
      const occurredAt = new Date(now - Math.floor(rnd() * 365 * DAY)).toISOString();
      const crossing = p.crossing ? ids.crossings.get(positionKeys.get(p.crossing) ?? "") : undefined;
      const sector = ids.sectors.get(p.sector);
      const target = { space: p.national ? NATIONAL_SPACE : space, actor: `bench@${p.side}`, side: p.side, geo };
      const input = incidentInput.parse({
        type: p.type,
        occurredAt,
        position: p.position,
        crossingId: crossing?.id ?? null,
        sectorId: sector?.id ?? null,
        impact: p.impact,
        confidence: p.confidence,
        goods: p.goods,
        summary: p.summary,
        originator: p.originator,
      });
      pending[p.side].push(...decideIncident(input, { crossing, sector }, uuidv7(), now, target));
      if (pending[p.side].length >= BATCH) await flush(p.side);
      if (i % 50_000 === 0 && i > base) log(`${written} incidents written, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await flush("co");
    await flush("ve");
    const appended = performance.now();
    log(`${total} incidents written in ${((appended - started) / 1000).toFixed(0)} s; waiting for co to hold ve's shared ones`);
    await caughtUp(
      co,
      await count(ve, "SELECT COUNT(*) AS n FROM border_stats_incidents WHERE side = 've' AND space <> ?", [NATIONAL_SPACE]),
    );
    await co.replicator.verified();
    const done = performance.now();
    return { incidents: total, seconds: (done - started) / 1000, replicatedSeconds: (done - appended) / 1000 };
  } finally {
    await ve.replicator.stop();
    await co.replicator.stop();
    await ve.stop();
    await co.stop();
  }
}

async function refsOf(co: RunningNode, space: string) {
  return co.node.db.connection(async (sql) => {
    const crossings = await sql.all<{ id: string; space: string; owner: string; lat: number; lon: number }>(
      "SELECT id, space, owner, lat, lon FROM border_crossings",
    );
    const sectors = await sql.all<{ id: string; space: string; owner: string; code: string }>(
      "SELECT id, space, owner, code FROM border_sectors",
    );
    return {
      space,
      crossings: new Map(
        crossings.map((c) => [`${c.owner}:${Number(c.lat)}:${Number(c.lon)}`, { id: c.id, space: c.space, ownerNode: c.owner }]),
      ),
      sectors: new Map(sectors.map((s) => [s.code, { id: s.id, space: s.space, ownerNode: s.owner }])),
    };
  });
}
