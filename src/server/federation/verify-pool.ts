import type { KeyObject } from "node:crypto";
import { Worker } from "node:worker_threads";

/**
 * Ed25519 checks on worker threads, a batch per message. node:crypto's asynchronous `verify`
 * also runs off the event loop, but each call is its own job on libuv's pool: about 50 µs of
 * CPU on top of the ~130 µs of the check itself here. A worker checks a whole batch with the
 * synchronous call, so a batch of hundreds costs one hand-off each way. Workers start on first
 * use and do not keep the process alive; `close` ends them.
 */
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const { verify } = require("node:crypto");
parentPort.on("message", ({ id, key, items }) => {
  const results = items.map(([data, sig]) => {
    try { return verify(null, data, key, sig); } catch { return false; }
  });
  parentPort.postMessage({ id, results });
});
`;

/** One signature to check: the signed bytes and the 64-byte signature. */
export type VerifyItem = readonly [data: Uint8Array, sig: Uint8Array];

export interface VerifyPool {
  /** Checks `items` against `key` on at most `parallel` workers; the results in order. */
  verify(key: KeyObject, items: readonly VerifyItem[], parallel: number): Promise<boolean[]>;
  close(): Promise<void>;
}

export function createVerifyPool(size: number): VerifyPool {
  const workers: Worker[] = [];
  const pending = new Map<number, { worker: Worker; resolve: (r: boolean[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let turn = 0;
  let closed = false;

  const spawn = (): Worker => {
    const worker = new Worker(SOURCE, { eval: true });
    worker.unref();
    worker.on("message", ({ id, results }: { id: number; results: boolean[] }) => {
      pending.get(id)?.resolve(results);
      pending.delete(id);
    });
    // A worker that dies fails the batches it held; the next batch gets a fresh one.
    const fail = (err: Error) => {
      const i = workers.indexOf(worker);
      if (i >= 0) workers.splice(i, 1);
      for (const [id, p] of pending) {
        if (p.worker !== worker) continue;
        p.reject(err);
        pending.delete(id);
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`verify worker exited with ${code}`)));
    workers.push(worker);
    return worker;
  };
  const workerFor = (): Worker => {
    if (workers.length < size) return spawn();
    turn = (turn + 1) % workers.length;
    return workers[turn] as Worker;
  };
  const batch = (key: KeyObject, items: readonly VerifyItem[]): Promise<boolean[]> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error("the verify pool is closed"));
      const id = next++;
      const worker = workerFor();
      pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, key, items });
    });

  return {
    async verify(key, items, parallel) {
      const n = Math.max(1, Math.min(parallel, size, items.length));
      const per = Math.ceil(items.length / n);
      const parts: Promise<boolean[]>[] = [];
      for (let i = 0; i < items.length; i += per) parts.push(batch(key, items.slice(i, i + per)));
      return (await Promise.all(parts)).flat();
    },
    async close() {
      closed = true;
      const all = workers.splice(0);
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
