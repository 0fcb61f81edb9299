import { type KeyObject, verify } from "node:crypto";
import { canonicalEnvelope } from "../../core/log/canonical";
import type { Event } from "../../core/log/envelope";
import { readChain, rowToEvent } from "../db/rows";
import type { NodeRuntime } from "../node";

/**
 * Re-checks, in the background, every signature of the large pages the replicator applied
 * on the strength of their last signature (DESIGN.md: "check the rest in the background").
 * It works in small slices with rests between them. While the replicator is catching up
 * (`yieldWhile`), it verifies one signature at a time and rests three times as long as it
 * worked, so the catch-up keeps the cores; otherwise it takes larger slices, uses libuv's whole
 * pool and rests a quarter as long as it worked, leaving room for live traffic. A bad signature — which only the origin itself
 * could have chained onto — is reported through `onBad`, which quarantines it and so halts
 * that stream.
 */
export interface Range {
  readonly peer: string;
  readonly space: string;
  readonly origin: string;
  readonly from: number;
  readonly to: number;
}

/** Events read and checked per slice while the replicator catches up, and otherwise. */
const BUSY_SLICE = 100;
const IDLE_SLICE = 500;
/** The longest rest between two slices, ms. */
const MAX_REST_MS = 250;
/** Signatures verified at once when the replicator is not catching up (libuv's default pool). */
const IDLE_PARALLEL = 4;

/** Verifies on libuv's thread pool, so the check never holds the event loop. */
function verifyOffLoop(event: Event, key: KeyObject): Promise<boolean> {
  const sig = Buffer.from(event.sig, "base64url");
  if (sig.length !== 64 || sig.toString("base64url") !== event.sig) return Promise.resolve(false);
  return new Promise((resolve) => verify(null, Buffer.from(canonicalEnvelope(event)), key, sig, (err, ok) => resolve(!err && ok)));
}

/** Verifies every event with at most `parallel` verifications in flight; the results in order. */
async function verifyAll(events: readonly Event[], key: KeyObject, parallel: number): Promise<boolean[]> {
  const results: boolean[] = new Array(events.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < events.length; i = next++) results[i] = await verifyOffLoop(events[i] as Event, key);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, events.length) }, worker));
  return results;
}

export function createBackgroundCheck(node: NodeRuntime, onBad: (range: Range, seq: number) => Promise<void>) {
  const queue: Range[] = [];
  let running: Promise<void> | undefined;
  let stopped = false;
  let busy = () => false;

  async function drain(): Promise<void> {
    for (let range = queue.shift(); range && !stopped; range = queue.shift()) {
      const key = await node.db.connection((sql) => node.historicKeyOf(range.origin, sql));
      for (let after = range.from - 1; after < range.to && !stopped; ) {
        const started = Date.now();
        const yielding = busy();
        const slice = yielding ? BUSY_SLICE : IDLE_SLICE;
        const rows = await node.db.connection((sql) => readChain(sql, range.space, range.origin, after, Math.min(slice, range.to - after)));
        if (rows.length === 0) break;
        const results = key ? await verifyAll(rows.map(rowToEvent), key, yielding ? 1 : IDLE_PARALLEL) : rows.map(() => false);
        const bad = results.indexOf(false);
        if (bad >= 0) {
          await onBad(range, Number(rows[bad]?.seq));
          return drain();
        }
        after = Number(rows.at(-1)?.seq);
        // A slice that waited on a busy event loop took long without working long: the rest
        // is capped, so the check resumes soon after the catch-up ends.
        const rest = Math.min(MAX_REST_MS, (yielding ? 3 : 0.25) * (Date.now() - started));
        await new Promise((r) => setTimeout(r, Math.max(1, rest)));
      }
    }
  }

  return {
    /** While `catchingUp` says so, the check yields the cores to the replicator (see above). */
    yieldWhile(catchingUp: () => boolean): void {
      busy = catchingUp;
    },
    /** Queues a range of one chain for re-checking. */
    add(range: Range): void {
      queue.push(range);
      running ??= drain().finally(() => {
        running = undefined;
      });
    },
    async stop(): Promise<void> {
      stopped = true;
      await running;
    },
    /** Resolves when everything queued so far has been checked (tests, benchmarks). */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
