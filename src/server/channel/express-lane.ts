import { z } from "zod";
import { type Event, eventSchema } from "../../core/log/envelope";
import type { PeerClient } from "../federation/client";
import type { NodeRuntime } from "../node";
import { admitExpress, type ExpressFacts, readFacts } from "./express-admit";
import { createProvisionalStore, type ProvisionalStore } from "./provisional";

/**
 * The receiving side of the express lane (docs/federation.md, section 14): one long-poll per
 * peer on its `/federation/v1/express`, beside the chain streams and never behind them.
 * What it admits is shown at once as provisional; when the chain catch-up applies the same
 * event, the provisional copy is settled (confirmed, or contradicted if its origin signed
 * another event at that position). The replicator owns the lane: it starts a loop for every
 * peer it replicates with and stops them with itself.
 */
export interface ExpressLaneOptions {
  readonly waitMs?: number;
  readonly log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

const pageSchema = z.object({ cursor: z.number().int().min(0), events: z.array(z.unknown()).max(1000) });
const NOT_SERVED_MS = 30_000;
/** How often the snapshot of keys and memberships the checks use is re-read in the background. */
const FACTS_MS = 2000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

export function createExpressLane(node: NodeRuntime, options: ExpressLaneOptions = {}) {
  const provisional: ProvisionalStore = createProvisionalStore();
  const waitMs = options.waitMs ?? 25_000;
  const loops = new Map<string, { client: PeerClient; controller: AbortController; done: Promise<void> }>();
  let facts: ExpressFacts | undefined;
  let stopped = false;
  const readNow = async () => {
    facts = await node.db.connection((sql) => readFacts(node, sql));
    return facts;
  };
  const factsOf = async (fresh: boolean) => (fresh || !facts ? readNow() : facts);
  void readNow().catch(() => {});
  const refresher = setInterval(() => void readNow().catch(() => {}), FACTS_MS);
  refresher.unref();
  const unsubscribe = node.store.subscribe((events) => {
    if (provisional.size === 0) return;
    for (const e of events) provisional.settle(e);
  });

  async function loop(peer: string, client: PeerClient, signal: AbortSignal): Promise<void> {
    let after = 0;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const res = await client.request("GET", `/federation/v1/express?after=${after}&wait=${waitMs}`, {
          signal,
          timeoutMs: waitMs + 30_000,
        });
        if (res.status === 404) {
          // A peer without the lane: its urgent messages come in their chains only.
          await sleep(NOT_SERVED_MS, signal);
          continue;
        }
        if (res.status !== 200) throw new Error(`${peer} answered ${res.status}`);
        if (res.body.length === 0) continue;
        const page = pageSchema.parse(JSON.parse(res.body.toString("utf8")));
        const events = page.events.flatMap((line) => {
          const parsed = eventSchema.safeParse(line);
          return parsed.success ? [parsed.data as Event] : [];
        });
        const { refused } = await admitExpress(node, provisional, peer, events, factsOf);
        for (const r of refused) options.log?.warn({ peer, message: r.id, reason: r.reason }, "express message refused");
        after = page.cursor;
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const backoff = Math.min(30_000, 250 * 2 ** Math.min(failures, 7));
        options.log?.info({ peer, err: (err as Error).message }, "express lane retrying");
        await sleep(backoff / 2 + Math.random() * (backoff / 2), signal);
      }
    }
  }

  return {
    provisional,
    /** Runs the lane to `peer` (once per peer; a new client, e.g. after re-peering, replaces it). */
    ensure(peer: string, client: PeerClient): void {
      // A refresh still under way when the replicator stopped must not start a loop again.
      if (stopped) return;
      const running = loops.get(peer);
      if (running?.client === client) return;
      running?.controller.abort();
      const controller = new AbortController();
      const done = loop(peer, client, controller.signal).finally(() => {
        if (loops.get(peer)?.controller === controller) loops.delete(peer);
      });
      loops.set(peer, { client, controller, done });
    },
    async forget(peer: string): Promise<void> {
      const l = loops.get(peer);
      l?.controller.abort();
      await l?.done;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(refresher);
      unsubscribe();
      for (const l of loops.values()) l.controller.abort();
      await Promise.allSettled([...loops.values()].map((l) => l.done));
    },
  };
}

export type ExpressLane = ReturnType<typeof createExpressLane>;
