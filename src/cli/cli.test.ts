import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it, type TestContext } from "node:test";
import { assertOneLineFailure, type CliResult, cliEnv, enlace, spawnServe } from "../../test/helpers/cli";
import { freePort } from "../../test/helpers/cluster";
import { NATIONAL_SPACE } from "../core/log/envelope";
import { consoleActor, createUser } from "../server/admin/commands";
import { listUsers } from "../server/admin/queries";
import { initNode, openNode } from "../server/node";
import { demoCommands } from "./demo";
import { importCommands } from "./import-commands";
import { main } from "./main";
import { nodeCommands } from "./node-commands";
import { peerCommands } from "./peer-commands";
import { userCommands } from "./user-commands";

const root = mkdtempSync(join(tmpdir(), "enlace-cli-"));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups) await c().catch(() => {});
  rmSync(root, { recursive: true, force: true });
});

let folders = 0;
/** A new folder path under the suite's root and an environment on a fresh database. */
async function target(): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const { env, cleanup } = await cliEnv();
  cleanups.push(cleanup);
  return { dir: join(root, `node-${++folders}`), env };
}

/** A node initialised in-process (fast), with `users` viewers, for commands that need one. */
async function seededNode(users = 0) {
  const t = await target();
  const node = await initNode({ dir: t.dir, node: "co", name: "Fuerzas Militares de Colombia", country: "CO", env: t.env });
  const ctx = { store: node.store, actor: consoleActor("co") };
  for (let i = 0; i < users; i++) await createUser(ctx, { username: `agente${i}`, role: "viewer", password: "una contraseña larga" });
  await node.close();
  return t;
}

/** The node's users, read from its projection. */
async function users(dir: string, env: NodeJS.ProcessEnv) {
  const node = await openNode(dir, { env });
  try {
    return await node.db.connection(listUsers);
  } finally {
    await node.close();
  }
}

/** Every stored event row of a node, in log order. */
async function eventRows(dir: string, env: NodeJS.ProcessEnv) {
  const node = await openNode(dir, { env });
  try {
    return await node.db.kysely.selectFrom("events").selectAll().orderBy("pos").execute();
  } finally {
    await node.close();
  }
}

const initArgs = (dir: string, node = "co", country = "CO") => [
  "init",
  "--dir",
  dir,
  "--node",
  node,
  "--name",
  "Fuerzas Militares",
  "--country",
  country,
];

describe("enlace init", () => {
  it("creates a node folder with a private key only its owner reads, and refuses to overwrite it", async () => {
    const { dir, env } = await target();
    const ok = await enlace(initArgs(dir), { env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^initialised node co \(Fuerzas Militares\) in .+; public key [A-Za-z0-9_-]{43}\n$/);
    assert.equal(statSync(join(dir, "node.key")).mode & 0o777, 0o600);
    const config = readFileSync(join(dir, "enlace.json"), "utf8");
    const key = readFileSync(join(dir, "node.key"), "utf8");
    assertOneLineFailure(await enlace(initArgs(dir, "ve", "VE"), { env }), 1, /^enlace init: .* is already a node folder$/);
    assert.equal(readFileSync(join(dir, "enlace.json"), "utf8"), config);
    assert.equal(readFileSync(join(dir, "node.key"), "utf8"), key);
  });

  it("refuses a bad country or node id with one line and leaves nothing behind", async () => {
    const cases: [string, string, RegExp][] = [
      ["co", "Colombia", /--country: an ISO 3166-1 alpha-2 code/],
      ["CO!", "CO", /--node: a node id is 2–32 lower-case letters/],
    ];
    await Promise.all(
      cases.map(async ([node, country, pattern]) => {
        const { dir, env } = await target();
        assertOneLineFailure(await enlace(initArgs(dir, node, country), { env }), 1, pattern);
        assert.equal(existsSync(dir), false, "no folder is left behind");
      }),
    );
  });
});

describe("users and tokens on a node served by `enlace serve`", () => {
  let node: { dir: string; env: NodeJS.ProcessEnv };
  let server: Awaited<ReturnType<typeof spawnServe>>;
  before(async () => {
    node = await seededNode(2);
    server = await spawnServe(node.dir, await freePort(), node.env);
  });
  after(() => server?.stop());

  const userAdd = (args: string[], input = "una contraseña larga\n") =>
    enlace(["user", "add", "--dir", node.dir, ...args], { env: node.env, input });

  it("user add reads the password from standard input", async () => {
    const r = await userAdd(["--username", "ana", "--role", "analyst", "--password-stdin"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "user ana added with role analyst\n");
    assert.equal((await users(node.dir, node.env)).find((u) => u.username === "ana")?.role, "analyst");
  });

  it("user add refuses bad input with one line naming the option, and writes nothing", async () => {
    const cases: [string[], string | undefined, number, RegExp][] = [
      [["--username", "bo", "--role", "viewer", "--password-stdin"], "corta\n", 1, /--password: at least 10 characters/],
      [["--username", "bo", "--role", "general", "--password-stdin"], undefined, 1, /--role/],
      [["--username", "Bo Peep", "--role", "viewer", "--password-stdin"], undefined, 1, /--username/],
      [["--username", "bo", "--role", "viewer"], undefined, 2, /--password-stdin is required/],
      [["--username", "agente0", "--role", "admin", "--password-stdin"], undefined, 1, /agente0/],
    ];
    const results = await Promise.all(cases.map(([args, input]) => userAdd(args, input)));
    for (const [i, r] of results.entries()) assertOneLineFailure(r, cases[i]?.[2] ?? -1, cases[i]?.[3] ?? /never/);
    const stored = await users(node.dir, node.env);
    assert.equal(
      stored.find((u) => u.username === "bo"),
      undefined,
    );
    assert.equal(stored.find((u) => u.username === "agente0")?.role, "viewer");
  });

  it("token create prints only a token, which works on GET /api/v1/me", async () => {
    const r = await enlace(["token", "create", "--dir", node.dir, "--username", "agente1", "--label", "script"], { env: node.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^enl_[A-Za-z0-9_-]{43}\n$/);
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${r.stdout.trim()}` } });
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), { username: "agente1", role: "viewer", node: "co", scope: null });
    const bad = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: "Bearer enl_not-a-token" } });
    assert.equal(bad.status, 401);
  });

  it("backup while the node serves, then restore into a new folder: verify passes and the log is identical", async () => {
    const out = join(root, "co.backup");
    const backup = await enlace(["backup", "--dir", node.dir, "--out", out], { env: node.env });
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /^backup: \d+ events written to /);
    const restored = await target();
    const restore = await enlace(["restore", "--from", out, "--dir", restored.dir], { env: restored.env });
    assert.equal(restore.code, 0, restore.stderr);
    assert.match(restore.stdout, /restored in .*: \d+ events, verified/);
    const [verify, again] = await Promise.all([
      enlace(["verify", "--dir", restored.dir], { env: restored.env }),
      enlace(["restore", "--from", out, "--dir", restored.dir], { env: restored.env }),
    ]);
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /^verify: ok: \d+ events in \d+ chains, every link and signature checked\n$/);
    assertOneLineFailure(again, 2, /exists and is not empty/);
    const [original, copy] = await Promise.all([eventRows(node.dir, node.env), eventRows(restored.dir, restored.env)]);
    assert.ok(original.length >= 3);
    assert.deepEqual(copy, original);
  });
});

describe("verify and rebuild", () => {
  it("rebuild replays the log into the same tables", async () => {
    const { dir, env } = await seededNode(5);
    const rebuild = await enlace(["rebuild", "--dir", dir], { env });
    assert.equal(rebuild.code, 0, rebuild.stderr);
    assert.match(rebuild.stdout, /^rebuild: replayed 6 events in \d+ ms\n$/);
    assert.deepEqual(
      (await users(dir, env)).map((u) => u.username),
      ["agente0", "agente1", "agente2", "agente3", "agente4"],
    );
  });

  it("verify exits 1 after tampering and names the space, origin and seq of the first bad event", async () => {
    const { dir, env } = await seededNode(4);
    const node = await openNode(dir, { env });
    const edit = "UPDATE events SET data = replace(data, 'agente2', 'agente9') WHERE space = ? AND origin = ? AND seq = ?";
    assert.equal(await node.db.transaction((sql) => sql.run(edit, [NATIONAL_SPACE, "co", 4])), 1);
    await node.close();
    const r = await enlace(["verify", "--dir", dir], { env });
    assertOneLineFailure(r, 1, /^enlace verify: FAILED at space national, origin co, seq 4: /);
  });
});

describe("help and unknown commands", () => {
  const commands = [...nodeCommands, ...userCommands, ...peerCommands, ...importCommands, ...demoCommands];

  it("`--help` on every command exits 0 and shows its usage; an unknown command exits 2", async (t: TestContext) => {
    const printed: string[] = [];
    t.mock.method(console, "log", (...args: unknown[]) => printed.push(args.join(" ")));
    for (const c of commands) {
      printed.length = 0;
      assert.equal(await main([...c.name.split(" "), "--help"]), 0, c.name);
      assert.ok(printed.join("\n").startsWith(c.usage), c.name);
    }
    t.mock.restoreAll();
    // The same through real processes: the list, a two-word command, and a typo.
    const [all, quarantine, unknown] = await Promise.all(
      [["--help"], ["peer", "quarantine", "--help"], ["frobnicate", "--dir", root]].map((a) => enlace(a)),
    );
    assert.equal(all?.code, 0, all?.stderr);
    assert.match(all?.stdout ?? "", /peer sync .*\n(.|\n)*demo /);
    assert.equal(quarantine?.code, 0, quarantine?.stderr);
    assert.match(quarantine?.stdout ?? "", /^enlace peer quarantine list\|retry\|drop/);
    assertOneLineFailure(unknown as CliResult, 2, /^enlace: unknown command 'frobnicate/);
  });
});
