import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consoleActor } from "../../src/server/admin/commands";
import { acceptInvite, createInvite, createSpace, joinSpace } from "../../src/server/federation/commands";
import type { ReplicatorOptions } from "../../src/server/federation/replicator";
import { type RunningNode, serveNode } from "../../src/server/main";
import { initNode } from "../../src/server/node";
import { benchModel } from "./model";

/** Where a bench node keeps its data: SQLite in its folder, or a PostgreSQL schema of its own. */
export interface Engine {
  readonly name: "sqlite" | "postgres";
  readonly url?: string;
}

/** One node folder of the pair and the environment that points any process at its database. */
export interface Side {
  readonly id: "co" | "ve";
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

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

/** Serves a side in this process with the bench model; replication starts only when asked. */
export function serveHere(side: Side, replication: ReplicatorOptions = {}): Promise<RunningNode> {
  return serveNode(side.dir, { env: side.env, model: benchModel(), logger: false, replicate: false, replication });
}

/**
 * Two fresh nodes, co and ve, peered (keys pinned through the real handshake over HTTP) and
 * both members of one new shared space, which ve has joined. Both are left running in this
 * process with their replicators stopped.
 */
export async function createPair(engine: Engine, tag: string) {
  const root = mkdtempSync(join(tmpdir(), "enlace-bench-repl-"));
  const sides: Side[] = [];
  for (const [id, name, country] of [
    ["co", "Fuerzas Militares de Colombia", "CO"],
    ["ve", "Fuerza Armada Nacional Bolivariana", "VE"],
  ] as const) {
    const schema = engine.url ? `${id}_${tag}` : "";
    const env = { ...process.env, DATABASE_URL: engine.url ?? "", ENLACE_PG_SCHEMA: schema };
    const dir = join(root, id);
    await (await initNode({ dir, node: id, name, country, port: await freePort(), env })).close();
    sides.push({ id, dir, env });
  }
  const [coSide, veSide] = sides as [Side, Side];
  const co = await serveHere(coSide);
  const ve = await serveHere(veSide);
  const ctx = (r: RunningNode) => ({ store: r.node.store, actor: consoleActor(r.node.config.node) });
  const { token } = await createInvite(ctx(co), co.node);
  await acceptInvite(ctx(ve), ve.node, token);
  const space = await createSpace(ctx(co), { name: "Espacio binacional (bench)", members: ["co", "ve"] });
  await joinSpace(ctx(ve), ve.node, space);
  return {
    co: coSide,
    ve: veSide,
    space,
    running: { co, ve },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A node served from a child process (serve-node.ts), and the requests the bench makes of it. */
export interface ServingChild {
  readonly process: ChildProcess;
  readonly url: string;
  /** The CPU time (µs) the child has used so far. */
  cpu(): Promise<number>;
  /** Starts the child's replicator. */
  replicate(): Promise<void>;
  /** The child's chain head of `origin` in `space`. */
  head(space: string, origin: string): Promise<number>;
  /** Has the child append `count` pings, one every `paceMs`; how long each of its appends took (ms). */
  pings(space: string, count: number, paceMs: number): Promise<number[]>;
  /** SIGTERM, then waits for the child to have stopped its node and exited. */
  stop(): Promise<void>;
}

/**
 * Serves a side from a child process (bench/replicate/serve-node.ts), so its event loop has a
 * core of its own, as a peer across a border would. `profileDir` adds `--cpu-prof`.
 */
export async function spawnServing(side: Side, profileDir?: string): Promise<ServingChild> {
  const script = new URL("./serve-node.ts", import.meta.url).pathname;
  const prof = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...prof, "--import", "tsx", script, side.dir], {
    env: side.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the serving child exited with ${code}`)));
    child.on("message", (m: { ready?: string; id?: number; value?: unknown; error?: string }) => {
      if (m.ready) return resolve(m.ready);
      const w = m.id === undefined ? undefined : waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id as number);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.value);
    });
  });
  const ask = <T>(req: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, ...req });
    });
  return {
    process: child,
    url,
    cpu: () => ask<number>({ op: "cpu" }),
    replicate: () => ask<void>({ op: "replicate" }),
    head: (space, origin) => ask<number>({ op: "head", space, origin }),
    pings: (space, count, paceMs) => ask<number[]>({ op: "pings", space, count, paceMs }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
