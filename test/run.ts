/**
 * `npm test`: every test file on SQLite, then the database suites (everything under
 * src/server, src/cli and test/) again on a fresh PostgreSQL database that is dropped after.
 * Under CI=true an unreachable PostgreSQL fails the run; elsewhere those suites skip loudly.
 * Ends with one line: `tests: N passed, N failed, N skipped`.
 */
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import pg from "pg";

const ROOT = new URL("..", import.meta.url).pathname;
const PG_ADMIN = process.env.ENLACE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const filter = process.argv.slice(2);

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith(".test.ts") || name.endsWith(".test.tsx")) out.push(relative(ROOT, path));
  }
  return out.sort();
}

interface Tally {
  pass: number;
  fail: number;
  skipped: number;
  code: number;
}

function runNode(files: string[], env: Record<string, string>): Promise<Tally> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", "--test-timeout=300000", ...files],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] },
    );
    const tally: Tally = { pass: 0, fail: 0, skipped: 0, code: 0 };
    let tail = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on("close", (code) => {
      for (const [key, field] of [
        ["pass", "pass"],
        ["fail", "fail"],
        ["skipped", "skipped"],
      ] as const) {
        const m = new RegExp(`ℹ ${key} (\\d+)`).exec(tail);
        tally[field] = m ? Number(m[1]) : 0;
      }
      tally.code = code ?? 1;
      resolve(tally);
    });
  });
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function withPgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const all = findTests(join(ROOT, "src")).concat(findTests(join(ROOT, "test")));
const selected = filter.length ? all.filter((f) => filter.some((p) => f.includes(p))) : all;
const dbSuites = selected.filter((f) => /^(src\/server|src\/cli|test)\//.test(f) && !f.includes("/browser/"));
const totals: Tally = { pass: 0, fail: 0, skipped: 0, code: 0 };
const add = (t: Tally) => {
  totals.pass += t.pass;
  totals.fail += t.fail;
  totals.skipped += t.skipped;
  if (t.code !== 0) totals.code = t.code;
};

console.log(`\n== SQLite: ${selected.length} test files ==`);
add(await runNode(selected, { ENLACE_TEST_DB: "sqlite" }));

if (dbSuites.length > 0) {
  if (await postgresReachable()) {
    const name = `enlace_test_${process.pid}_${Date.now()}`;
    await withPgAdmin(`CREATE DATABASE ${name}`);
    console.log(`\n== PostgreSQL (${name}): ${dbSuites.length} test files ==`);
    try {
      const url = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
      add(await runNode(dbSuites, { ENLACE_TEST_DB: "postgres", ENLACE_TEST_PG_URL: url }));
    } finally {
      await withPgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } else if (process.env.CI === "true") {
    console.error(`\nPostgreSQL is not reachable at ${PG_ADMIN}: under CI the PostgreSQL suites must run.`);
    totals.code = 1;
    totals.fail += 1;
  } else {
    console.error(
      "\n".concat("!".repeat(78), `\n!! PostgreSQL is not reachable at ${PG_ADMIN}: the PostgreSQL suites are SKIPPED.\n`, "!".repeat(78)),
    );
  }
}

console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(totals.code !== 0 || totals.fail > 0 ? 1 : 0);
