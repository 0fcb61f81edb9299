import { type KeyObject, verify } from "node:crypto";
import { availableParallelism } from "node:os";
import { canonicalEnvelope } from "../../core/log/canonical";
import type { Event } from "../../core/log/envelope";
import { readChain, rowToEvent } from "../db/rows";
import type { NodeRuntime } from "../node";
import { createVerifyPool, type VerifyItem } from "./verify-pool";

/**
 * Re-checks, in the background, every signature of the large pages the replicator applied
 * on the strength of their last signature (DESIGN.md: "check the rest in the background").
 * It works in small slices with rests between them. While the replicator is catching up
 * (`yieldWhile`), it verifies on one worker thread and rests three times as long as it worked,
 * so the catch-up keeps the cores; otherwise it takes larger slices, uses a worker per core
 * (verify-pool.ts) and rests a quarter as long as it worked, leaving room for live traffic.
 * A bad signature — which only the origin itself could have chained onto — is reported
 * through `onBad`, which quarantines it and so halts that stream.
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
/** Workers checking at once when the replicator is not catching up: one per core, at most four. */
const IDLE_PARALLEL = Math.max(1, Math.min(4, availableParallelism()));

/** An event's signed bytes and signature, or undefined when the signature is not 64 canonical bytes. */
function itemOf(event: Event): VerifyItem | undefined {
  const sig = Buffer.from(event.sig, "base64url");
  if (sig.length !== 64 || sig.toString("base64url") !== event.sig) return undefined;
  return [Buffer.from(canonicalEnvelope(event)), sig];
}

/** Verifies on libuv's thread pool: what the check falls back to if a worker fails. */
function verifyOffLoop(item: VerifyItem, key: KeyObject): Promise<boolean> {
  return new Promise((resolve) => verify(null, item[0], key, item[1], (err, ok) => resolve(!err && ok)));
}

export function createBackgroundCheck(node: NodeRuntime, onBad: (range: Range, seq: number) => Promise<void>) {
  const pool = createVerifyPool(IDLE_PARALLEL);
  /** Every signature of `events`, checked off the event loop; the results in order. */
  async function verifyAll(events: readonly Event[], key: KeyObject, parallel: number): Promise<boolean[]> {
    const items = events.map(itemOf);
    const wellFormed = items.filter((i): i is VerifyItem => i !== undefined);
    const checked = await pool
      .verify(key, wellFormed, parallel)
      .catch(() => Promise.all(wellFormed.map((item) => verifyOffLoop(item, key))));
    let k = 0;
    return items.map((i) => (i === undefined ? false : (checked[k++] ?? false)));
  }
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
      await pool.close();
    },
    /** Resolves when everything queued so far has been checked (tests, benchmarks). */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}
