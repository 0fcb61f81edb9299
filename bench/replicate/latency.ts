import { uuidv7 } from "../../src/core/log/ids";
import { preciseNow } from "./model";
import { createPair, type Engine, spawnServing } from "./pair";

/**
 * Append-to-applied latency: co appends one `bench.pinged` every `paceMs`, each carrying the
 * moment it was appended; ve records (now − sentAt) as its store applies each one, through
 * the normal long-poll path. The first `warmup` pings are not counted.
 * - "processes": co runs in a child process and ve in this one, each with its own event loop
 *   (what a deployment sees: two nodes never share a process);
 * - "one-process": both nodes in this process, sharing one event loop (the earlier setup).
 */
export interface LatencyRun {
  /** Append-to-applied, ms. */
  readonly total: number[];
  /** co's own append (stamp, sign, insert, commit), ms. */
  readonly append: number[];
}

export async function measureLatency(
  engine: Engine,
  mode: "processes" | "one-process",
  opts: { pings: number; warmup: number; paceMs: number },
): Promise<LatencyRun> {
  const pair = await createPair(engine, mode === "processes" ? "lp" : "l1");
  const { ve } = pair.running;
  const total: number[] = [];
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  ve.node.store.subscribe((events) => {
    const now = preciseNow();
    for (const e of events) {
      if (e.type !== "bench.pinged" || (e.data.i as number) < opts.warmup) continue;
      total.push(now - (e.data.sentAt as number));
      if (total.length === opts.pings) finish();
    }
  });
  const count = opts.warmup + opts.pings;
  let stopCo = async () => {};
  try {
    let appended: Promise<number[]>;
    if (mode === "processes") {
      await pair.running.co.stop();
      const co = await spawnServing(pair.co);
      stopCo = () => co.stop();
      await co.replicate();
      await ve.replicator.start();
      appended = co.pings(pair.space, count, opts.paceMs);
    } else {
      const co = pair.running.co;
      stopCo = () => co.stop();
      await co.replicator.start();
      await ve.replicator.start();
      appended = localPings(co.node.store, pair.space, count, opts.paceMs);
    }
    const append = (await appended).slice(opts.warmup);
    const timeout = new Promise<void>((_, reject) =>
      setTimeout(() => reject(new Error(`only ${total.length} pings applied`)), 30_000).unref(),
    );
    await Promise.race([finished, timeout]);
    return { total, append };
  } finally {
    await ve.replicator.stop();
    await stopCo();
    await ve.stop();
    pair.dispose();
  }
}

/** The pings of serve-node.ts, appended from this process. */
async function localPings(
  store: {
    append(events: { space: string; type: string; subject: string; actor: string; data: Record<string, unknown> }[]): Promise<unknown>;
  },
  space: string,
  count: number,
  paceMs: number,
): Promise<number[]> {
  const took: number[] = [];
  const start = preciseNow() + 200;
  for (let i = 0; i < count; i++) {
    const wait = start + i * paceMs - preciseNow();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const data = { sentAt: preciseNow(), i };
    await store.append([{ space, type: "bench.pinged", subject: uuidv7(), actor: "bench@co", data }]);
    took.push(preciseNow() - data.sentAt);
  }
  return took;
}
