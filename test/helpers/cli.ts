import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { freshDatabaseUrl } from "./db";

const BIN = new URL("../../bin/enlace.js", import.meta.url).pathname;

/** What a CLI process left: its exit code and both streams. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/enlace.js ARGS` as a real process, with `input` on its standard input. */
export function enlace(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: opts.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** A CLI failure as promised: the exit code, exactly one line on stderr, matching `pattern`. */
export function assertOneLineFailure(r: CliResult, code: number, pattern: RegExp): void {
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  const lines = r.stderr.split("\n").filter((l) => l.length > 0);
  assert.equal(lines.length, 1, `one stderr line, got: ${r.stderr}`);
  assert.match(lines[0] ?? "", pattern);
}

/**
 * An environment that points CLI processes (and in-process `openNode(dir, { env })`) at a
 * fresh database on the engine under test: its own PostgreSQL schema, or the folder's file.
 */
export async function cliEnv(): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  const target = await freshDatabaseUrl();
  const env: NodeJS.ProcessEnv = target.schema
    ? { ...process.env, DATABASE_URL: target.url, ENLACE_PG_SCHEMA: target.schema }
    : { ...process.env, DATABASE_URL: "", ENLACE_PG_SCHEMA: "" };
  return { env, cleanup: target.cleanup };
}

/** `enlace serve` in a child process, once it answers /healthz; `stop` ends it with SIGTERM. */
export async function spawnServe(
  dir: string,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [BIN, "serve", "--dir", dir, "--port", String(port)], {
    env: { ...env, ENLACE_LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`enlace serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stop();
  throw new Error(`enlace serve on ${url} did not answer`);
}
