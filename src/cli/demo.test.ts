import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { freePort } from "../../test/helpers/cluster";
import { TEST_ENGINE } from "../../test/helpers/db";
import { listUsers } from "../server/admin/queries";
import { DEMO_PASSWORD, DEMO_SPACE, DEMO_USERS, type DemoHandle, runDemo } from "./demo";

const skip = TEST_ENGINE === "postgres" ? "the demo runs on its own SQLite files by design; it is tested in the SQLite run" : false;

async function twoPorts(): Promise<[number, number]> {
  const a = await freePort();
  let b = await freePort();
  while (b === a) b = await freePort();
  return [a, b];
}

/** Logs in through the API and returns the session cookie. */
async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<Response> {
  return fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
}

/** Polls GET /api/v1/peers until the other demo node shows as connected. */
async function peersOf(url: string, cookie: string, other: string): Promise<{ node: string; status: string; lagEvents: number }[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const peers = (await (await fetch(`${url}/api/v1/peers`, { headers: { cookie } })).json()) as {
      node: string;
      status: string;
      lagEvents: number;
    }[];
    if (peers.some((p) => p.node === other && p.status === "connected") || Date.now() > deadline) return peers;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("enlace demo", () => {
  it("serves two peered nodes with demo logins, reuses its data when run again, and stops cleanly", { skip }, async (t: TestContext) => {
    const dir = mkdtempSync(join(tmpdir(), "enlace-demo-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const ports = await twoPorts();
    const quiet = { logger: false, replication: { refreshMs: 300, receiptMs: 500, waitMs: 5000 } } as const;
    let demo: DemoHandle | undefined = await runDemo({ dir, ports, ...quiet });
    t.after(() => demo?.stop());

    const [co, ve] = demo.nodes;
    assert.equal(co?.url, `http://127.0.0.1:${ports[0]}`);
    assert.equal(ve?.url, `http://127.0.0.1:${ports[1]}`);
    for (const [id, url, other] of [
      ["co", co?.url ?? "", "ve"],
      ["ve", ve?.url ?? "", "co"],
    ] as const) {
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      assert.ok(existsSync(join(dir, id, "enlace.db")), `${id} has its own SQLite file`);
      assert.equal((await login(url, "comandante", "not the password")).status, 401);
      const res = await login(url, "comandante");
      assert.equal(res.status, 200);
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const me = await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json();
      assert.deepEqual(me, { username: "comandante", role: "commander", node: id, scope: null });
      const peers = await peersOf(url, cookie, other);
      assert.deepEqual(
        peers.map((p) => [p.node, p.status, p.lagEvents]),
        [[other, "connected", 0]],
      );
      // The seeded channel: the commanders' direct conversation, whose question co's
      // commander asked to have acknowledged, and ve's commander did.
      const { conversations } = (await (await fetch(`${url}/api/v1/conversations`, { headers: { cookie } })).json()) as {
        conversations: { id: string; kind: "direct" | "group"; members: string[] }[];
      };
      const direct = conversations.find((c) => c.kind === "direct");
      assert.deepEqual(direct?.members.slice().sort(), ["comandante@co", "comandante@ve"]);
      assert.equal(conversations.length, 2, "the direct conversation and the regional group");
      const { messages } = (await (await fetch(`${url}/api/v1/conversations/${direct?.id}/messages`, { headers: { cookie } })).json()) as {
        messages: { ackRequired: boolean; acknowledgedBy: string[] }[];
      };
      assert.equal(messages.length, 3);
      assert.deepEqual(
        messages.filter((m) => m.ackRequired).map((m) => m.acknowledgedBy),
        [["comandante@ve"]],
      );
    }
    const spaces = (await co?.node.db.connection((sql) => sql.all<{ id: string; name: string }>("SELECT id, name FROM spaces"))) ?? [];
    assert.deepEqual(spaces, [{ id: demo.space, name: DEMO_SPACE }]);

    const started = Date.now();
    await demo.stop();
    assert.ok(Date.now() - started < 5000, `stop took ${Date.now() - started} ms`);
    await assert.rejects(fetch(`${co?.url}/healthz`), "co no longer answers");
    demo = undefined;

    // Again, with a stray DATABASE_URL that must not redirect the demo: same folders, same space.
    const stray = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgres://127.0.0.1:1/nowhere";
    try {
      demo = await runDemo({ dir, ...quiet });
    } finally {
      if (stray === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = stray;
    }
    const first = spaces[0]?.id;
    assert.equal(demo.space, first);
    assert.equal(demo.nodes[0]?.url, `http://127.0.0.1:${ports[0]}`);
    for (const n of demo.nodes) {
      const users = await n.node.db.connection(listUsers);
      assert.deepEqual(users.map((u) => u.username).sort(), DEMO_USERS.map(([u]) => u).sort(), "the demo users, once each");
    }
    await demo.stop();
    demo = undefined;

    await assert.rejects(runDemo({ dir, ports: [ports[1], ports[0]], ...quiet }), /set up on ports .*--fresh --ports/);
    // Seeding is covered above; here only the start over matters (and seeding again would
    // cost the suite half a minute).
    demo = await runDemo({ dir, ports, fresh: true, seed: false, ...quiet });
    assert.notEqual(demo.space, first, "--fresh starts over");
  });
});
