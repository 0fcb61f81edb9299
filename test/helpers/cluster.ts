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
import type { NodeModel } from "../../src/server/registry";
import { freshDatabaseUrl } from "./db";

const NAMES: Record<string, [string, string]> = {
  co: ["Fuerzas Militares de Colombia", "CO"],
  ve: ["Fuerza Armada Nacional Bolivariana", "VE"],
  br: ["Forças Armadas do Brasil", "BR"],
};

/** A free TCP port on loopback (the OS picks; we release it for the node to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ClusterMember {
  readonly id: string;
  readonly dir: string;
  readonly port: number;
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
  /** Set while the node runs in this process. */
  running?: RunningNode;
  /** Set while the node runs as a child process. */
  child?: ChildProcess;
}

/**
 * Two or three real nodes on loopback, each with its own folder and database (SQLite file
 * or PostgreSQL schema, following the engine under test), started in-process or as child
 * processes of `enlace serve`. `link` peers them and puts them in one shared space.
 */
export async function createCluster(ids: string[], opts: { model?: NodeModel; replication?: ReplicatorOptions } = {}) {
  const root = mkdtempSync(join(tmpdir(), "enlace-cluster-"));
  const cleanups: Array<() => Promise<void>> = [];
  const members: ClusterMember[] = [];
  for (const id of ids) {
    const target = await freshDatabaseUrl();
    cleanups.push(target.cleanup);
    const env: NodeJS.ProcessEnv = target.schema
      ? { ...process.env, DATABASE_URL: target.url, ENLACE_PG_SCHEMA: target.schema }
      : { ...process.env, DATABASE_URL: "", ENLACE_PG_SCHEMA: "" };
    const port = await freePort();
    const dir = join(root, id);
    const [name, country] = NAMES[id] ?? [`Node ${id}`, "ZZ"];
    const node = await initNode({ dir, node: id, name, country, port, env });
    await node.close();
    members.push({ id, dir, port, url: `http://127.0.0.1:${port}`, env });
  }
  const byId = (id: string) => {
    const m = members.find((x) => x.id === id);
    if (!m) throw new Error(`no member ${id}`);
    return m;
  };

  async function start(id: string): Promise<RunningNode> {
    const m = byId(id);
    m.running = await serveNode(m.dir, {
      env: m.env,
      logger: false,
      ...(opts.model ? { model: opts.model } : {}),
      replication: { refreshMs: 500, receiptMs: 1000, waitMs: 10_000, ...opts.replication },
    });
    return m.running;
  }

  async function stop(id: string): Promise<void> {
    const m = byId(id);
    await m.running?.stop();
    m.running = undefined;
    if (m.child && m.child.exitCode === null && m.child.signalCode === null) {
      m.child.kill("SIGTERM");
      await new Promise((r) => m.child?.once("exit", r));
    }
    m.child = undefined;
  }

  /** Runs `enlace serve` for a member in a child process and waits until it answers. */
  async function spawnNode(id: string): Promise<ChildProcess> {
    const m = byId(id);
    const bin = new URL("../../bin/enlace.js", import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, "serve", "--dir", m.dir], {
      env: { ...m.env, ENLACE_LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    // Drain stderr so a chatty child never blocks on a full pipe.
    child.stderr?.resume();
    m.child = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`enlace serve for ${id} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${m.url}/healthz`)).ok) return child;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`enlace serve for ${id} did not answer`);
  }

  /** Peers every pair (in-process nodes) and creates one space that all of them join. */
  async function link(name = "Espacio binacional"): Promise<string> {
    const running = members.map((m) => {
      if (!m.running) throw new Error(`${m.id} is not running in-process`);
      return m.running;
    });
    for (let i = 0; i < running.length; i++) {
      for (let j = i + 1; j < running.length; j++) {
        const a = running[i] as RunningNode;
        const b = running[j] as RunningNode;
        const { token } = await createInvite({ store: a.node.store, actor: consoleActor(a.node.config.node) }, a.node);
        await acceptInvite({ store: b.node.store, actor: consoleActor(b.node.config.node) }, b.node, token);
      }
    }
    const first = running[0] as RunningNode;
    const space = await createSpace(
      { store: first.node.store, actor: consoleActor(first.node.config.node) },
      { name, members: members.map((m) => m.id) },
    );
    for (const r of running.slice(1)) await joinSpace({ store: r.node.store, actor: consoleActor(r.node.config.node) }, r.node, space);
    for (const r of running) await r.replicator.refresh();
    return space;
  }

  return {
    members,
    member: byId,
    start,
    stop,
    spawnNode,
    link,
    async dispose() {
      for (const m of members) await stop(m.id).catch(() => {});
      for (const c of cleanups) await c().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
