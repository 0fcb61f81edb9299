/**
 * `node --import tsx bench/replicate/serve-node.ts DIR`: `enlace serve` for the replication
 * bench, with the bench model (which `enlace serve` does not load). The environment carries
 * DATABASE_URL and ENLACE_PG_SCHEMA. Prints `ready` once listening and `cpu <µs>` (its CPU
 * time so far) on each SIGUSR2; SIGTERM stops it cleanly (so a `--cpu-prof` profile is written).
 */
import { serveNode } from "../../src/server/main";
import { benchModel } from "./model";

const dir = process.argv[2];
if (!dir) throw new Error("usage: serve-node.ts DIR");
const running = await serveNode(dir, { model: benchModel(), logLevel: "warn", env: process.env });
process.stdout.write("ready\n");
process.on("SIGUSR2", () => {
  const c = process.cpuUsage();
  process.stdout.write(`cpu ${c.user + c.system}\n`);
});
process.once("SIGTERM", () => {
  void running.stop().then(() => process.exit(0));
});
