import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import { problem, sendProblem } from "./errors";
import type { App } from "./types";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** Where `npm run build:web` and `ensureWebBuild` put the console. */
export const WEB_DIST = join(ROOT, "dist", "web");
/** Sources whose change makes a build stale (the console imports zod schemas from core). */
const WEB_SOURCES = [join(ROOT, "src", "web"), join(ROOT, "src", "core")];
/** Paths that never fall back to the console: a miss there is a problem+json 404. */
const NOT_WEB = /^\/(api|federation|taxii2|healthz|readyz|metrics)(\/|$|\?)/;

/**
 * Serves the built console at `/`: a file of dist/web when one matches, otherwise (for a
 * browser asking for a page) index.html, so client-side routes survive a reload. Misses
 * under /api, /federation, /taxii2 and the health paths, and from non-browser clients,
 * stay problem+json.
 */
export async function webRoutes(app: App, dist = WEB_DIST): Promise<void> {
  await app.register(fastifyStatic, { root: dist, serve: false });
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const miss = () => sendProblem(reply, problem(request, "not_found", `no route ${request.method} ${path}`));
    if (NOT_WEB.test(path)) return miss();
    const file = normalize(safeDecode(path)).replace(/^[/\\]+/, "");
    if (file && isFile(join(dist, file))) {
      const immutable = file.startsWith("assets/");
      return reply.sendFile(file, immutable ? { maxAge: "365d", immutable: true } : { maxAge: 0 });
    }
    // Client routes are pages a browser asks for (Accept: text/html); scripts get the 404.
    if (!(request.headers.accept ?? "").includes("text/html")) return miss();
    if (!isFile(join(dist, "index.html"))) {
      return sendProblem(reply, problem(request, "not_found", "the web console is not built: run `npm run build:web`"));
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html", { cacheControl: false });
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "/";
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!/\.test\.tsx?$/.test(entry.name) && !entry.name.includes(".timestamp-")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/web is missing or older than its sources. */
export function webBuildStale(dist = WEB_DIST): boolean {
  const index = join(dist, "index.html");
  if (!existsSync(index)) return true;
  const sources = Math.max(...WEB_SOURCES.filter((d) => existsSync(d)).map(newestMtime));
  return statSync(index).mtimeMs < sources;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the console with Vite's JS API when dist/web is missing or stale, so that
 * `npm ci && npm start` needs no separate build step. Processes that race (parallel test
 * files) take a lock folder; the build lands in a temporary folder renamed into place. A
 * failed build is reported on stderr, not thrown: the node's API still serves.
 */
export async function ensureWebBuild(
  opts: { force?: boolean; dist?: string } = {},
): Promise<{ built: boolean; ms: number; error?: string }> {
  try {
    return await buildIfStale(opts);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    console.error(`enlace: the web console could not be built (${error.split("\n")[0]}); the API still serves`);
    return { built: false, ms: 0, error };
  }
}

async function buildIfStale(opts: { force?: boolean; dist?: string }): Promise<{ built: boolean; ms: number }> {
  const dist = opts.dist ?? WEB_DIST;
  const started = Date.now();
  if (!opts.force && !webBuildStale(dist)) return { built: false, ms: 0 };
  mkdirSync(join(dist, ".."), { recursive: true });
  const lock = `${dist}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - held > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      if (!opts.force && !webBuildStale(dist)) return { built: false, ms: Date.now() - started };
    }
  }
  try {
    const tmp = `${dist}.tmp-${process.pid}`;
    const { build } = await import("vite");
    const { default: config } = await import("../../web/vite.config");
    await build({ ...config, configFile: false, logLevel: "warn", build: { ...config.build, outDir: tmp, emptyOutDir: true } });
    rmSync(dist, { recursive: true, force: true });
    renameSync(tmp, dist);
    return { built: true, ms: Date.now() - started };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
