/**
 * `node --import tsx bench/border-http/serve.ts DIR`: serves one node for the incident
 * creation bench from its own process (its own event loop and core, as a deployed node
 * has), with the production model and no replication. The environment carries
 * DATABASE_URL. Prints `ready <url>` once listening and `cpu <µs>` (its CPU time so far)
 * on each SIGUSR2; SIGTERM stops it cleanly.
 */
import { serveNode } from "../../src/server/main";

const dir = process.argv[2];
if (!dir) throw new Error("usage: serve.ts DIR");
const running = await serveNode(dir, { env: process.env, logger: false, replicate: false });
process.stdout.write(`ready ${running.url}\n`);
process.on("SIGUSR2", () => {
  const c = process.cpuUsage();
  process.stdout.write(`cpu ${c.user + c.system}\n`);
});
process.once("SIGTERM", () => {
  void running.stop().then(() => process.exit(0));
});
