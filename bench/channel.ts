/**
 * The command channel between two real nodes (issue 6). co and ve each run `enlace serve` in a
 * child process (SQLite, or each its own PostgreSQL schema), peered through the real handshake
 * and sharing one binational space; a direct conversation joins ana@co and vic@ve. The bench
 * process is the clients: it posts to co over HTTP and reads vic's event stream on ve.
 * 1. latency: one routine message every 10 ms (BENCH_CHANNEL_SECONDS, default 60 s, after a
 *    warm-up of 200); for each, the time from sending the POST to co until the
 *    `message.posted` frame arrives on vic's stream on ve → p50, p99 (and co's answer time).
 * 2. saturation: BENCH_CHANNEL_CLIENTS (64) clients post BENCH_CHANNEL_MESSAGES (20,000) routine
 *    messages as fast as co answers; the rate at which co answers (each answer is a committed
 *    transaction), and the rate until ve has stored every one of them too (durable on both).
 * Goals: p99 ≤ 5 ms at 100 messages/s; ≥ 2,000 messages/s stored on both nodes.
 * BENCH_ENGINES (sqlite,postgres) picks the engines; BENCH_CHANNEL_PARTS (latency,saturation) the
 * parts; BENCH_PROFILE=DIR writes CPU profiles.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, get, request } from "node:http";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { consoleActor, createToken, createUser } from "../src/server/admin/commands";
import { createConversation } from "../src/server/channel/commands";
import { openDatabase } from "../src/server/db/database";
import { acceptInvite, createInvite, createSpace, joinSpace } from "../src/server/federation/commands";
import { type RunningNode, serveNode } from "../src/server/main";
import { initNode } from "../src/server/node";
import { median, percentile, report, scratchPostgres } from "./lib";

const SECONDS = Number(process.env.BENCH_CHANNEL_SECONDS ?? 60);
const RATE = 100;
const WARMUP = 200;
const CLIENTS = Number(process.env.BENCH_CHANNEL_CLIENTS ?? 64);
const MESSAGES = Number(process.env.BENCH_CHANNEL_MESSAGES ?? 20_000);
const PARTS = (process.env.BENCH_CHANNEL_PARTS ?? "latency,saturation").split(",");
const BIN = new URL("../bin/enlace.js", import.meta.url).pathname;
/** BENCH_PROFILE=DIR: CPU profiles of both serving processes (DIR/co, DIR/ve). */
const PROFILE = process.env.BENCH_PROFILE;
const now = () => performance.now();

interface Engine {
  readonly name: "sqlite" | "postgres";
  readonly url?: string;
}
interface Side {
  readonly id: "co" | "ve";
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly url: string;
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

/** Two peered nodes with one shared space, two commanders and their conversation; left stopped. */
async function prepare(engine: Engine, root: string) {
  const sides: Side[] = [];
  for (const [id, name, country] of [
    ["co", "Fuerzas Militares de Colombia", "CO"],
    ["ve", "Fuerza Armada Nacional Bolivariana", "VE"],
  ] as const) {
    const env = {
      ...process.env,
      DATABASE_URL: engine.url ?? "",
      ENLACE_PG_SCHEMA: engine.url ? `channel_${id}` : "",
      ENLACE_LOG_LEVEL: "warn",
    };
    const port = await freePort();
    const dir = join(root, id);
    await (await initNode({ dir, node: id, name, country, port, env })).close();
    sides.push({ id, dir, env, url: `http://127.0.0.1:${port}` });
  }
  const [coSide, veSide] = sides as [Side, Side];
  const serve = (s: Side) => serveNode(s.dir, { env: s.env, logger: false, replicate: false });
  const co = await serve(coSide);
  const ve = await serve(veSide);
  const admin = (r: RunningNode) => ({ store: r.node.store, actor: consoleActor(r.node.config.node) });
  const { token } = await createInvite(admin(co), co.node);
  await acceptInvite(admin(ve), ve.node, token);
  const space = await createSpace(admin(co), { name: "Espacio binacional (bench)", members: ["ve"] });
  await joinSpace(admin(ve), ve.node, space);
  const user = async (r: RunningNode, username: string) => {
    await createUser(admin(r), { username, role: "commander", password: "correct horse battery" });
    return (await createToken(admin(r), { username, label: "bench" })).token;
  };
  const tokens = { ana: await user(co, "ana"), vic: await user(ve, "vic") };
  const anaCtx = { store: co.node.store, actor: { username: "ana", role: "commander" as const, node: "co" } };
  const { id: conversation } = await createConversation(anaCtx, { title: "", members: ["vic@ve"], tlp: "amber", direct: true });
  await co.stop();
  await ve.stop();
  return { co: coSide, ve: veSide, tokens, conversation };
}

async function spawnServe(side: Side): Promise<ChildProcess> {
  const prof = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${join(PROFILE, side.id)}`] : [];
  const child = spawn(process.execPath, [...prof, BIN, "serve", "--dir", side.dir], {
    env: side.env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`enlace serve (${side.id}) exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${side.url}/healthz`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`enlace serve (${side.id}) did not answer`);
}

/** CPU time (ms) a child has used so far, from /proc (Linux; clock ticks of 10 ms). */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** vic's event stream: when each message first appeared on it (performance.now()). */
function openStream(url: string, token: string): Promise<{ seen: Map<string, number>; close: () => void }> {
  const seen = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const req = get(`${url}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        const at = now();
        buffer += chunk;
        let start = 0;
        for (let i = buffer.indexOf("\n\n"); i !== -1; i = buffer.indexOf("\n\n", start)) {
          const frame = buffer.slice(start, i);
          start = i + 2;
          if (!frame.includes("event: message.posted\n")) continue;
          const id = /"id":"([0-9a-f-]{36})"/.exec(frame)?.[1];
          if (id && !seen.has(id)) seen.set(id, at);
        }
        buffer = buffer.slice(start);
      });
      res.once("data", () => resolve({ seen, close: () => req.destroy() }));
    });
    req.on("error", reject);
  });
}

/**
 * Posts over node:http with a keep-alive agent: it costs the bench process (which shares the
 * machine's cores with both nodes) far less CPU per request than fetch.
 */
function poster(url: string, token: string, conversation: string) {
  const target = new URL(`${url}/api/v1/conversations/${conversation}/messages`);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  return (i: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ body: `Parte ${i}: patrullaje sin novedad en el sector ${i % 17}, coordenadas 7.${i} N` });
      const req = request(
        target,
        {
          method: "POST",
          agent,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            text += c;
          });
          res.on("end", () => {
            const id = /"id":"([0-9a-f-]{36})"/.exec(text)?.[1];
            if (res.statusCode !== 201 || !id) reject(new Error(`co answered ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve(id);
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
}

async function waitUntil(what: string, probe: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = now() + ms;
  while (!(await probe())) {
    if (now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  median: number;
  answerP50: number;
  answerP99: number;
  achieved: number;
  coPacedCpuMs: number;
  vePacedCpuMs: number;
}
interface Saturation {
  answeredRate: number;
  onBothRate: number;
  coCpuMs: number;
  veCpuMs: number;
}
type Post = (i: number) => Promise<string>;

/** 1. Latency at 100 messages/s, paced by the clock (a slow answer does not delay the next). */
async function latency(engine: Engine, children: ChildProcess[], post: Post, ve: Side, vicToken: string): Promise<Latency> {
  const stream = await openStream(ve.url, vicToken);
  const total = WARMUP + SECONDS * RATE;
  const sent: { id: string; t0: number; answered: number }[] = [];
  const inFlight: Promise<void>[] = [];
  const cpu0 = children.map(cpuMs);
  const start = now();
  for (let i = 0; i < total; i++) {
    const due = start + i * (1000 / RATE);
    if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
    const t0 = now();
    inFlight.push(post(i).then((id) => void sent.push({ id, t0, answered: now() - t0 })));
  }
  await Promise.all(inFlight);
  await waitUntil("every message on vic's stream", async () => sent.every((s) => stream.seen.has(s.id)), 60_000);
  const [coPacedCpu, vePacedCpu] = children.map((c, i) => (cpuMs(c) - (cpu0[i] ?? 0)) / total);
  stream.close();
  const measured = sent.sort((a, b) => a.t0 - b.t0).slice(WARMUP);
  const endToEnd = measured.map((s) => (stream.seen.get(s.id) as number) - s.t0);
  const answered = measured.map((s) => s.answered);
  const achieved = (measured.length / ((measured.at(-1)?.t0 ?? 0) - (measured[0]?.t0 ?? 0))) * 1000;
  console.error(
    `   ${engine.name}: latency phase done (${measured.length} messages at ${achieved.toFixed(0)}/s; CPU ms/message co ${coPacedCpu?.toFixed(2)}, ve ${vePacedCpu?.toFixed(2)}); load ${loadavg()[0]?.toFixed(1)}`,
  );
  return {
    p50: percentile(endToEnd, 50),
    p99: percentile(endToEnd, 99),
    max: Math.max(...endToEnd),
    median: median(endToEnd),
    answerP50: percentile(answered, 50),
    answerP99: percentile(answered, 99),
    achieved,
    coPacedCpuMs: coPacedCpu ?? 0,
    vePacedCpuMs: vePacedCpu ?? 0,
  };
}

/** 2. Saturation: as fast as co answers, until ve holds them all. */
async function saturation(engine: Engine, children: ChildProcess[], post: Post, heldOnVe: () => Promise<number>): Promise<Saturation> {
  const base = await heldOnVe();
  let next = 0;
  const cpu0 = children.map(cpuMs);
  const t0 = now();
  const clients = Array.from({ length: CLIENTS }, async () => {
    // Numbered after the latency part's messages, so every body differs.
    while (next < MESSAGES) await post(WARMUP + SECONDS * RATE + next++);
  });
  await Promise.all(clients);
  const answeredAll = now() - t0;
  await waitUntil("every message stored on ve", async () => (await heldOnVe()) >= base + MESSAGES, 600_000);
  const onBoth = now() - t0;
  const [coCpu, veCpu] = children.map((c, i) => (cpuMs(c) - (cpu0[i] ?? 0)) / MESSAGES);
  console.error(
    `   ${engine.name}: ${MESSAGES} messages answered in ${answeredAll.toFixed(0)} ms, on ve after ${onBoth.toFixed(0)} ms; CPU ms/message co ${coCpu?.toFixed(2)}, ve ${veCpu?.toFixed(2)}; load ${loadavg()[0]?.toFixed(1)}`,
  );
  return {
    answeredRate: MESSAGES / (answeredAll / 1000),
    onBothRate: MESSAGES / (onBoth / 1000),
    coCpuMs: coCpu ?? 0,
    veCpuMs: veCpu ?? 0,
  };
}

async function run(engine: Engine): Promise<{ latency?: Latency; saturation?: Saturation }> {
  const root = mkdtempSync(join(tmpdir(), "enlace-bench-channel-"));
  const { co, ve, tokens, conversation } = await prepare(engine, root);
  const children = [await spawnServe(co), await spawnServe(ve)];
  const veDb = await openDatabase({ url: engine.url ?? join(ve.dir, "enlace.db"), ...(engine.url ? { schema: "channel_ve" } : {}) });
  const heldOnVe = async () =>
    Number(
      (
        await veDb.connection((sql) =>
          sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM channel_messages WHERE conversation = ?", [conversation]),
        )
      )[0]?.n,
    );
  try {
    await waitUntil(
      "the conversation on ve",
      async () => (await veDb.connection((sql) => sql.all("SELECT 1 FROM channel_conversations WHERE id = ?", [conversation]))).length > 0,
      60_000,
    );
    const post = poster(co.url, tokens.ana, conversation);
    return {
      ...(PARTS.includes("latency") ? { latency: await latency(engine, children, post, ve, tokens.vic) } : {}),
      ...(PARTS.includes("saturation") ? { saturation: await saturation(engine, children, post, heldOnVe) } : {}),
    };
  } finally {
    await veDb.close();
    for (const c of children) await stopChild(c);
    rmSync(root, { recursive: true, force: true });
  }
}

const wanted = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",");
const engines: Engine[] = wanted.includes("sqlite") ? [{ name: "sqlite" }] : [];
const pgDb = wanted.includes("postgres") ? await scratchPostgres("channel") : undefined;
if (pgDb) engines.push({ name: "postgres", url: pgDb.url });
const round = (n: number) => Number(n.toFixed(2));
const rows: Record<string, string | number>[] = [];
const results: Record<string, unknown> = {};
try {
  for (const engine of engines) {
    const { latency: l, saturation: r } = await run(engine);
    results[engine.name] = Object.fromEntries(Object.entries({ ...l, ...r }).map(([k, v]) => [k, round(v)]));
    if (l) {
      rows.push({
        engine: engine.name,
        case: `POST on co → message.posted on a ve user's stream, ${RATE} messages/s for ${SECONDS} s`,
        "p50 ms": round(l.p50),
        "p99 ms": round(l.p99),
        "max ms": round(l.max),
      });
      rows.push({
        engine: engine.name,
        case: "  of which co's answer to the POST",
        "p50 ms": round(l.answerP50),
        "p99 ms": round(l.answerP99),
      });
    }
    if (r) {
      rows.push({
        engine: engine.name,
        case: `saturation, ${CLIENTS} clients, ${MESSAGES} messages: answered by co (committed)`,
        "messages/s": Math.round(r.answeredRate),
        "CPU ms/message": round(r.coCpuMs),
      });
      rows.push({
        engine: engine.name,
        case: "  … and stored on ve too",
        "messages/s": Math.round(r.onBothRate),
        "CPU ms/message": round(r.veCpuMs),
      });
    }
  }
} finally {
  await pgDb?.drop();
}
report("channel", rows, { results, loadavg: loadavg(), goal: "p99 ≤ 5 ms at 100 messages/s; ≥ 2,000 messages/s stored on both nodes" });
