import { spawn } from "node:child_process";

/** The serving child of the incident creation bench (serve.ts): its URL, CPU time and stop. */
export interface ServingChild {
  readonly url: string;
  /** CPU time (µs) the child has used so far. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * `profileDir`: the child writes a CPU profile of each span between two `cpu()` calls
 * (`run-1.cpuprofile`, `run-2.cpuprofile`, …; see serve.ts).
 */
export async function spawnServer(dir: string, env: NodeJS.ProcessEnv, profileDir?: string): Promise<ServingChild> {
  const script = new URL("./serve.ts", import.meta.url).pathname;
  const args = ["--import", "tsx", script, dir, ...(profileDir ? [profileDir] : [])];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the serving child exited with ${code}`)));
    const onData = (chunk: Buffer) => {
      const m = /ready (\S+)/.exec(chunk.toString());
      if (!m?.[1]) return;
      child.stdout?.off("data", onData);
      resolve(m[1]);
    };
    child.stdout?.on("data", onData);
  });
  return {
    url,
    cpu: () =>
      new Promise((resolve) => {
        const onData = (chunk: Buffer) => {
          const m = /cpu (\d+)/.exec(chunk.toString());
          if (!m) return;
          child.stdout?.off("data", onData);
          resolve(Number(m[1]));
        };
        child.stdout?.on("data", onData);
        child.kill("SIGUSR2");
      }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
