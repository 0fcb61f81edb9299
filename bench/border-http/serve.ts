/**
 * `node --import tsx bench/border-http/serve.ts DIR [PROFILE_DIR]`: serves one node for the
 * incident creation bench from its own process (its own event loop and core, as a deployed
 * node has), with the production model and no replication. The environment carries
 * DATABASE_URL. Prints `ready <url>` once listening and `cpu <µs>` (its CPU time so far) on
 * each SIGUSR2; SIGTERM stops it cleanly.
 *
 * With PROFILE_DIR, the SIGUSR2 signals also bracket CPU profiles: the first starts the
 * profiler, the next stops it and writes `run-1.cpuprofile`, and so on. The bench reads the
 * CPU time at the start and end of each timed run, so each profile covers exactly one timed
 * run (no start-up, no warm-up) and can be divided by the incidents that run served.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { serveNode } from "../../src/server/main";

const [dir, profileDir] = process.argv.slice(2);
if (!dir) throw new Error("usage: serve.ts DIR [PROFILE_DIR]");
const running = await serveNode(dir, { env: process.env, logger: false, replicate: false });

const printCpu = () => {
  const c = process.cpuUsage();
  process.stdout.write(`cpu ${c.user + c.system}\n`);
};

/** Starts a profile at odd signals (before the reading) and writes it at even ones (after). */
function profiler(out: string) {
  mkdirSync(out, { recursive: true });
  const session = new Session();
  session.connect();
  let runs = 0;
  let profiling = false;
  let busy = Promise.resolve();
  return () => {
    busy = busy.then(async () => {
      if (!profiling) {
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
        profiling = true;
        printCpu();
        return;
      }
      printCpu();
      const { profile } = await session.post("Profiler.stop");
      profiling = false;
      writeFileSync(join(out, `run-${++runs}.cpuprofile`), JSON.stringify(profile));
    });
  };
}

process.stdout.write(`ready ${running.url}\n`);
process.on("SIGUSR2", profileDir ? profiler(profileDir) : printCpu);
process.once("SIGTERM", () => {
  void running.stop().then(() => process.exit(0));
});
