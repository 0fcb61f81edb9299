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
 *
 * The worker checkpoints when the WAL holds more than `thresholdBytes` not yet copied back,
 * as SQLite's own autocheckpoint does. The WAL file never shrinks (after a checkpoint, writers
 * start again at its beginning), so its size says nothing once it has passed the threshold:
 * what is pending is read from the WAL-index header in the `-shm` file (sqlite.org/walformat.html),
 * and only where that cannot be read does the file size stand in for it.
 */
export interface Checkpointer {
  /** Called after each commit: starts the worker once the WAL has grown past the threshold. */
  committed(): void;
  /** Stops the worker and closes its connection. */
  close(): Promise<void>;
}

/**
 * Runs in the worker: a PASSIVE checkpoint whenever the WAL holds more than the threshold not
 * yet checkpointed. The WAL-index header (native byte order) gives the page size at byte 14,
 * the frames in the WAL (mxFrame) at byte 16, and the frames already copied back (nBackfill)
 * at byte 96; each frame is a page and a 24-byte header.
 */
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const { closeSync, openSync, readSync, statSync } = require("node:fs");
const { endianness } = require("node:os");
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 0");
const header = Buffer.alloc(100);
const le = endianness() === "LE";
let shm;
const walSize = () => { try { return statSync(workerData.path + "-wal").size; } catch { return 0; } };
const pending = () => {
  try {
    shm ??= openSync(workerData.path + "-shm", "r");
    if (readSync(shm, header, 0, header.length, 0) === header.length) {
      const page = le ? header.readUInt16LE(14) : header.readUInt16BE(14);
      const frames = le ? header.readUInt32LE(16) : header.readUInt32BE(16);
      const copied = le ? header.readUInt32LE(96) : header.readUInt32BE(96);
      if (page > 0) return Math.max(0, frames - copied) * ((page === 1 ? 65536 : page) + 24);
    }
  } catch {}
  return walSize();
};
const tick = () => {
  if (pending() > workerData.threshold) {
    try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
  }
};
const timer = setInterval(tick, workerData.intervalMs);
tick();
parentPort.on("message", () => {
  clearInterval(timer);
  if (shm !== undefined) closeSync(shm);
  db.close();
  parentPort.close();
});
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
