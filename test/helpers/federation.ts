import type { ChildProcess } from "node:child_process";
import { consoleActor } from "../../src/server/admin/commands";
import { databaseUrlFor, readNodeConfig } from "../../src/server/config";
import { type Database, openDatabase } from "../../src/server/db/database";
import type { RunningNode } from "../../src/server/main";
import type { createCluster } from "./cluster";

/** Shared pieces of the federation suites: polling, stopping nodes quickly, reading a node's tables. */
export type Cluster = Awaited<ReturnType<typeof createCluster>>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns something other than undefined/false, or fails after
 * `timeoutMs` naming what was awaited. Replication is asynchronous: tests wait for a fact,
 * never for a fixed time.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Stops an in-process member without waiting on its sockets. `RunningNode.stop` closes the
 * HTTP server gracefully, and a peer's long-poll in flight or a keep-alive socket that has
 * not sent a request keeps `server.close()` waiting (up to the long-poll `wait`, or Node's
 * 60 s headers timeout). Destroying the connections while it stops stands in for the
 * `forceCloseConnections: true` that `buildApp` does not set yet.
 */
export async function stopMember(cluster: Cluster, id: string): Promise<void> {
  const server = cluster.member(id).running?.app.server;
  const timer = setInterval(() => server?.closeAllConnections(), 20);
  try {
    await cluster.stop(id);
  } finally {
    clearInterval(timer);
  }
}

/** Stops every member quickly, then removes folders and databases. */
export async function disposeCluster(cluster: Cluster): Promise<void> {
  for (const m of cluster.members) {
    if (m.running) await stopMember(cluster, m.id);
  }
  await cluster.dispose();
}

/** Kills a member's child process with `signal` and waits for it to be gone. */
export async function killChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** The console administrator of a running node, as a command context. */
export const adminOf = (running: RunningNode) => ({ store: running.node.store, actor: consoleActor(running.node.config.node) });

/** Opens a member's database from the test process (the node may run in a child process). */
export async function openMemberDatabase(cluster: Cluster, id: string): Promise<Database> {
  const m = cluster.member(id);
  const url = databaseUrlFor(m.dir, readNodeConfig(m.dir), m.env);
  return openDatabase({ url, ...(m.env.ENLACE_PG_SCHEMA ? { schema: m.env.ENLACE_PG_SCHEMA } : {}) });
}

/** Events of one space held by a node, by origin. */
export async function countsOf(db: Database, space: string): Promise<Record<string, number>> {
  const rows = await db.connection((sql) =>
    sql.all<{ origin: string; n: number }>("SELECT origin, COUNT(*) AS n FROM events WHERE space = ? GROUP BY origin ORDER BY origin", [
      space,
    ]),
  );
  return Object.fromEntries(rows.map((r) => [r.origin, Number(r.n)]));
}
