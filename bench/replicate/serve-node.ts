/**
 * `node --import tsx bench/replicate/serve-node.ts DIR`: `enlace serve` for the replication
 * bench, with the bench model (which `enlace serve` does not load), in a process of its own
 * as a node across a border would be. The environment carries DATABASE_URL and
 * ENLACE_PG_SCHEMA. It answers the bench over the IPC channel (see `Request`) and stops
 * cleanly on SIGTERM (so a `--cpu-prof` profile is written).
 */
import { uuidv7 } from "../../src/core/log/ids";
import { serveNode } from "../../src/server/main";
import { benchModel, preciseNow } from "./model";

/** What the bench asks of a serving child; each answer carries the request's `id`. */
export type Request =
  | { id: number; op: "cpu" }
  | { id: number; op: "replicate" }
  | { id: number; op: "head"; space: string; origin: string }
  | { id: number; op: "pings"; space: string; count: number; paceMs: number };

const dir = process.argv[2];
if (!dir) throw new Error("usage: serve-node.ts DIR");
// Replication starts only when the bench asks (a catch-up source has nothing to pull).
const running = await serveNode(dir, { model: benchModel(), logLevel: "warn", env: process.env, replicate: false });

/** Appends one ping every `paceMs` (each carrying its own send time) and returns how long each append took. */
async function pings(space: string, count: number, paceMs: number): Promise<number[]> {
  const took: number[] = [];
  const start = preciseNow() + 200;
  for (let i = 0; i < count; i++) {
    const wait = start + i * paceMs - preciseNow();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const data = { sentAt: preciseNow(), i };
    await running.node.store.append([{ space, type: "bench.pinged", subject: uuidv7(), actor: "bench@co", data }]);
    took.push(preciseNow() - data.sentAt);
  }
  return took;
}

async function answer(req: Request): Promise<unknown> {
  switch (req.op) {
    case "cpu": {
      const c = process.cpuUsage();
      return c.user + c.system;
    }
    case "replicate":
      await running.replicator.start();
      return true;
    case "head":
      return (await running.node.store.heads(req.space))[req.origin]?.seq ?? 0;
    case "pings":
      return pings(req.space, req.count, req.paceMs);
  }
}

process.on("message", (req: Request) => {
  answer(req).then(
    (value) => process.send?.({ id: req.id, value }),
    (err: Error) => process.send?.({ id: req.id, error: err.message }),
  );
});
process.send?.({ ready: running.url });
process.once("SIGTERM", () => {
  void running.stop().then(() => process.exit(0));
});
