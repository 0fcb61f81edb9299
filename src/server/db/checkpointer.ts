import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Moves SQLite's WAL checkpoints off the event loop. By default the connection that commits
 * past 1,000 WAL pages copies the WAL back into the database file and fsyncs both, inside
 * that COMMIT: a stall of milliseconds on the thread that serves requests and applies
 * replication. Instead the node's connection never checkpoints (`wal_autocheckpoint = 0`),
 * and once the WAL passes `thresholdBytes` a worker thread with its own connection runs
 * PASSIVE checkpoints, which never block writers or readers. The worker starts only then, so
 * a node that writes little never runs one. Closing the main connection afterwards still
 * checkpoints and removes the WAL, as SQLite does for the last connection.
 */
export interface Checkpointer {
  /** Called after each commit: starts the worker once the WAL has grown past the threshold. */
  committed(): void;
  /** Stops the worker and closes its connection. */
  close(): Promise<void>;
}

/** Runs in the worker: a PASSIVE checkpoint whenever the WAL holds more than the threshold. */
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const { statSync } = require("node:fs");
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 0");
const walSize = () => { try { return statSync(workerData.path + "-wal").size; } catch { return 0; } };
const tick = () => {
  if (walSize() > workerData.threshold) {
    try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
  }
};
const timer = setInterval(tick, workerData.intervalMs);
tick();
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export function createCheckpointer(path: string, opts: { thresholdBytes?: number; intervalMs?: number } = {}): Checkpointer {
  const threshold = opts.thresholdBytes ?? 4 * 1024 * 1024;
  let worker: Worker | undefined;
  return {
    committed() {
      if (worker) return;
      let size = 0;
      try {
        size = statSync(`${path}-wal`).size;
      } catch {
        return;
      }
      if (size <= threshold) return;
      const module = createRequire(import.meta.url).resolve("better-sqlite3");
      worker = new Worker(WORKER, { eval: true, workerData: { module, path, threshold, intervalMs: opts.intervalMs ?? 50 } });
      worker.unref();
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (!w) return;
      const exited = new Promise((resolve) => w.once("exit", resolve));
      // Held while it stops, or nothing would keep this process waiting for it.
      w.ref();
      w.postMessage("stop");
      await exited;
    },
  };
}
