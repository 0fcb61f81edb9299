import { Agent, request } from "node:http";
import { join } from "node:path";
import { consoleActor, createToken, createUser } from "../../src/server/admin/commands";
import { createActivity, createOperation } from "../../src/server/commitments/commands";
import { percentile } from "../lib";
import { preciseNow } from "./model";
import { createPair, type Engine, spawnServing } from "./pair";

/**
 * Single-event writes through HTTP at full speed, as many users recording at once would make
 * them: `clients` concurrent keep-alive connections each POST one progress report after
 * another (`/api/v1/activities/{id}/reports`: bearer token, validation, the command's read,
 * one event appended and projected, 201). co and ve each run in a child process, ve
 * replicating; this process only sends requests. The rate at which co answered is what a
 * node sustains; the rate until ve has applied the last one is "stored on both nodes".
 */
export interface WritesRun {
  /** Requests answered 201 by co per second. */
  readonly accepted: number;
  /** Events per second until ve held every one of them. */
  readonly onBoth: number;
  /** Request latency on co, ms. */
  readonly p50: number;
  readonly p99: number;
  /** CPU time per write, µs: co serving the requests, ve applying them. */
  readonly coUs: number;
  readonly veUs: number;
}

function post(agent: Agent, url: URL, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function measureWrites(engine: Engine, opts: { writes: number; clients: number; profileDir?: string }): Promise<WritesRun> {
  const pair = await createPair(engine, "w");
  const ctx = { store: pair.running.co.node.store, actor: consoleActor("co") };
  await createUser(ctx, { username: "bench", role: "officer", password: "correct horse battery" });
  const { token } = await createToken(ctx, { username: "bench", label: "bench" });
  const operationId = await createOperation(ctx, {
    name: "Operación de prueba (bench)",
    description: "",
    agreementIds: [],
    space: pair.space,
  });
  const activity = await createActivity(ctx, {
    operationId,
    title: "Patrullaje coordinado (bench)",
    description: "",
    responsibleUnit: "Unidad de prueba",
    dueDate: "2030-12-31",
    milestones: [],
    weight: 1,
  });
  await pair.running.co.stop();
  await pair.running.ve.stop();
  const co = await spawnServing(pair.co, opts.profileDir && join(opts.profileDir, "co"));
  const ve = await spawnServing(pair.ve, opts.profileDir && join(opts.profileDir, "ve"));
  const agent = new Agent({ keepAlive: true, maxSockets: opts.clients });
  try {
    await co.replicate();
    await ve.replicate();
    const url = new URL(`/api/v1/activities/${activity}/reports`, co.url);
    const date = new Date().toISOString().slice(0, 10);
    const body = (i: number) => JSON.stringify({ date, proposedLevel: 1, narrative: `Informe de avance ${i}: patrullaje sin novedad.` });
    // A short warm-up, so connections, caches and JIT are in place.
    await Promise.all(Array.from({ length: opts.clients }, (_, i) => post(agent, url, token, body(i))));
    const before = await co.head(pair.space, "co");
    const cpu = { co: await co.cpu(), ve: await ve.cpu() };
    const latencies: number[] = [];
    let sent = 0;
    const started = preciseNow();
    const client = async () => {
      while (sent < opts.writes) {
        const i = sent++;
        const t = preciseNow();
        const status = await post(agent, url, token, body(i));
        if (status !== 201) throw new Error(`co answered ${status}`);
        latencies.push(preciseNow() - t);
      }
    };
    await Promise.all(Array.from({ length: opts.clients }, client));
    const acceptedAt = preciseNow();
    const target = await co.head(pair.space, "co");
    if (target - before < opts.writes) throw new Error(`co's chain grew by ${target - before}, not ${opts.writes}`);
    while ((await ve.head(pair.space, "co")) < target) await new Promise((r) => setTimeout(r, 2));
    const bothAt = preciseNow();
    return {
      accepted: opts.writes / ((acceptedAt - started) / 1000),
      onBoth: opts.writes / ((bothAt - started) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      coUs: ((await co.cpu()) - cpu.co) / opts.writes,
      veUs: ((await ve.cpu()) - cpu.ve) / opts.writes,
    };
  } finally {
    agent.destroy();
    await ve.stop();
    await co.stop();
    pair.dispose();
  }
}
