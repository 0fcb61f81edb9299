import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FastifyServerOptions } from "fastify";
import type { Role } from "../core/admin/schema";
import { consoleActor, createUser } from "../server/admin/commands";
import { userByUsername } from "../server/admin/queries";
import { CONFIG_FILE, ConfigError, readNodeConfig } from "../server/config";
import { acceptInvite, createInvite, createSpace, joinSpace } from "../server/federation/commands";
import { activePeer, listSpaces } from "../server/federation/queries";
import type { ReplicatorOptions } from "../server/federation/replicator";
import type { RunningNode } from "../server/main";
import { initNode, type NodeRuntime } from "../server/node";
import { type CommandSpec, required, UsageError } from "./args";

/** The two demo nodes and their default ports. */
export const DEMO_NODES = [
  { id: "co", name: "Fuerzas Militares de Colombia", country: "CO", port: 8401, label: "Colombia" },
  { id: "ve", name: "Fuerza Armada Nacional Bolivariana", country: "VE", port: 8402, label: "Venezuela" },
] as const;
/** The binational space co proposes and ve joins. */
export const DEMO_SPACE = "Espacio binacional Colombia–Venezuela";
/** One password for every demo user on both nodes: this is demo data, not a deployment. */
export const DEMO_PASSWORD = "enlace-demo-2023";
/** Demo users on both nodes: username, role, and the role's name in Spanish. */
export const DEMO_USERS: readonly (readonly [string, Role, string])[] = [
  ["admin", "admin", "administrador"],
  ["comandante", "commander", "comandante"],
  ["oficial", "officer", "oficial"],
  ["analista", "analyst", "analista"],
  ["observador", "viewer", "observador"],
];

/** Where the demo lives and how it runs (tests pass quiet logs and fast replication). */
export interface DemoOptions {
  readonly dir: string;
  /** Delete DIR/co and DIR/ve first and start over. */
  readonly fresh?: boolean;
  /** Ports for co and ve; an existing demo must have been set up on the same ones. */
  readonly ports?: readonly [number, number];
  readonly logger?: FastifyServerOptions["logger"];
  readonly replication?: ReplicatorOptions;
  /** false: no illustrative commitments (tests that only need the two nodes). */
  readonly seed?: boolean;
}

/** The running demo: both nodes, the shared space, and one way to stop it all. */
export interface DemoHandle {
  readonly nodes: readonly RunningNode[];
  readonly space: string;
  stop(): Promise<void>;
}

/** The demo is SQLite by design: a stray DATABASE_URL must not move it elsewhere. */
const demoEnv = (): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: "", ENLACE_PG_SCHEMA: "" });

/** Checks that `dir` holds both demo folders or neither, on the requested ports. */
function checkFolders(dir: string, ports: readonly [number, number] | undefined): boolean {
  const present = DEMO_NODES.map((n) => existsSync(join(dir, n.id, CONFIG_FILE)));
  if (!present.some(Boolean)) return false;
  const fresh = `run \`enlace demo --dir ${dir} --fresh${ports ? ` --ports ${ports.join(",")}` : ""}\` to start over`;
  if (!present.every(Boolean)) throw new ConfigError(`${dir} holds only part of a demo; ${fresh}`);
  DEMO_NODES.forEach((n, i) => {
    const config = readNodeConfig(join(dir, n.id));
    if (config.node !== n.id) throw new ConfigError(`${join(dir, n.id)} holds node ${config.node}, not ${n.id}; ${fresh}`);
    const wanted = ports?.[i];
    if (wanted !== undefined && config.port !== wanted) {
      const stored = DEMO_NODES.map((m) => readNodeConfig(join(dir, m.id)).port).join(",");
      throw new ConfigError(`the demo in ${dir} was set up on ports ${stored} (its peers know those URLs); ${fresh}`);
    }
  });
  return true;
}

async function ensureUsers(node: NodeRuntime): Promise<void> {
  const ctx = { store: node.store, actor: consoleActor(node.config.node) };
  for (const [username, role] of DEMO_USERS) {
    if (await node.db.connection((sql) => userByUsername(sql, username))) continue;
    await createUser(ctx, { username, role, password: DEMO_PASSWORD });
  }
}

/** Peers co and ve (unless both already pin each other) and puts them in the demo space. */
async function link(co: NodeRuntime, ve: NodeRuntime): Promise<string> {
  const operator = (n: NodeRuntime) => ({ store: n.store, actor: consoleActor(n.config.node) });
  const pinned = async (a: NodeRuntime, b: NodeRuntime) =>
    (await a.db.connection((sql) => activePeer(sql, b.config.node)))?.public_key === b.keys.publicKeyText;
  if (!(await pinned(co, ve)) || !(await pinned(ve, co))) {
    const { token } = await createInvite(operator(co), co, 1);
    await acceptInvite(operator(ve), ve, token);
  }
  const spaces = await co.db.connection(listSpaces);
  const existing = spaces.find((s) => s.name === DEMO_SPACE && s.createdBy === "co" && s.members.some((m) => m.node === "ve"));
  const space = existing?.id ?? (await createSpace(operator(co), { name: DEMO_SPACE, members: ["co", "ve"] }));
  const joined = (await ve.db.connection(listSpaces)).find((s) => s.id === space)?.members.find((m) => m.node === "ve")?.joined;
  if (!joined) await joinSpace(operator(ve), ve, space);
  return space;
}

/**
 * Runs the two-node demo in this process: creates (or reuses) DIR/co and DIR/ve, their demo
 * users, the peering and the binational space, and serves both until `stop`.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoHandle> {
  // Only the demo's own folders go: a mistyped --dir must never cost anything else.
  if (opts.fresh) for (const n of DEMO_NODES) rmSync(join(opts.dir, n.id), { recursive: true, force: true });
  const env = demoEnv();
  if (!checkFolders(opts.dir, opts.ports)) {
    for (const [i, n] of DEMO_NODES.entries()) {
      const node = await initNode({
        dir: join(opts.dir, n.id),
        node: n.id,
        name: n.name,
        country: n.country,
        port: opts.ports?.[i] ?? n.port,
        env,
      });
      await node.close();
    }
  }
  // The server and the demo's data are loaded here, not when the CLI starts: other commands
  // start in about half the time without them.
  const { serveNode } = await import("../server/main");
  const nodes: RunningNode[] = [];
  const stop = async () => {
    // Replicators first: each node's server would otherwise wait for the other's long-polls.
    await Promise.all(nodes.map((n) => n.replicator.stop()));
    for (const n of nodes) await n.stop();
  };
  try {
    for (const n of DEMO_NODES) {
      const dir = join(opts.dir, n.id);
      const running = await serveNode(dir, {
        env,
        logger: opts.logger ?? { level: "warn" },
        ...(opts.replication ? { replication: opts.replication } : {}),
      }).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== "EADDRINUSE") throw err;
        throw new ConfigError(
          `port ${readNodeConfig(dir).port} is in use (is the demo already running?); choose others with --ports A,B and --fresh`,
        );
      });
      nodes.push(running);
      await ensureUsers(running.node);
    }
    const [co, ve] = nodes as [RunningNode, RunningNode];
    const space = await link(co.node, ve.node);
    await Promise.all(nodes.map((n) => n.replicator.refresh()));
    if (opts.seed !== false) await (await import("./demo-seed")).seedDemo(co.node, ve.node);
    return { nodes, space, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** What the demo prints: both URLs, the space and the logins, Spanish first. */
export function demoBanner(demo: DemoHandle, dir: string): string {
  const users = DEMO_USERS.map(([u, role, es]) => `    ${u.padEnd(11)} ${es} / ${role}`);
  return [
    "",
    "Enlace — demostración con dos nodos / two-node demo (datos de demostración / demo data)",
    ...DEMO_NODES.map((n, i) => `  ${`${n.label} (${n.id})`.padEnd(16)} ${demo.nodes[i]?.url}   ${join(dir, n.id)}`),
    `  Espacio binacional / binational space: ${DEMO_SPACE}`,
    `    id ${demo.space}`,
    `  Usuarios en ambos nodos / users on both nodes — contraseña / password: ${DEMO_PASSWORD}`,
    ...users,
    "  Ctrl-C detiene ambos nodos / stops both nodes",
    "",
  ].join("\n");
}

function parsePorts(v: string | boolean | undefined): [number, number] | undefined {
  if (v === undefined) return undefined;
  const m = typeof v === "string" ? /^(\d{1,5}),(\d{1,5})$/.exec(v) : null;
  const ports = m ? [Number(m[1]), Number(m[2])] : [];
  const [a, b] = ports;
  if (a === undefined || b === undefined || a === b || ports.some((p) => p < 1 || p > 65535)) {
    throw new UsageError("--ports takes two different ports, e.g. 8401,8402");
  }
  return [a, b];
}

/** `enlace demo`: what `npm start` runs. */
export const demoCommands: CommandSpec[] = [
  {
    name: "demo",
    summary: "Run the two-node demo (Colombia and Venezuela, peered in one binational space)",
    usage: "enlace demo --dir DIR [--fresh] [--ports 8401,8402]",
    options: { dir: { type: "string" }, fresh: { type: "boolean" }, ports: { type: "string" } },
    async run(v, p) {
      if (p.length > 0) throw new UsageError(`unexpected argument '${p[0]}'`);
      const dir = required(v, "dir");
      const ports = parsePorts(v.ports);
      await (await import("../server/http/web")).ensureWebBuild();
      const demo = await runDemo({
        dir,
        fresh: v.fresh === true,
        ...(ports ? { ports } : {}),
        logger: { level: process.env.ENLACE_LOG_LEVEL ?? "warn" },
      });
      console.log(demoBanner(demo, dir));
      const stop = () => {
        console.log("deteniendo / stopping…");
        demo.stop().then(
          () => process.exit(0),
          (err: Error) => {
            console.error(`enlace demo: ${err.message}`);
            process.exit(1);
          },
        );
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
  },
];
