import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "../../src/core/admin/schema";
import { consoleActor, createToken, createUser } from "../../src/server/admin/commands";
import { buildApp } from "../../src/server/app";
import type { App } from "../../src/server/http/types";
import { initNode, type NodeRuntime, openNode } from "../../src/server/node";
import type { NodeModel } from "../../src/server/registry";
import { freshDatabaseUrl } from "./db";

export interface TestNode {
  readonly node: NodeRuntime;
  readonly dir: string;
  /** Environment that points a CLI or a reopened node at the same database. */
  readonly env: NodeJS.ProcessEnv;
  readonly schema?: string;
  reopen(model?: NodeModel): Promise<NodeRuntime>;
  dispose(): Promise<void>;
}

/** A node folder in a temporary directory on the engine under test, initialised. */
export async function createTestNode(opts: { node?: string; name?: string; country?: string; model?: NodeModel } = {}): Promise<TestNode> {
  const dir = join(mkdtempSync(join(tmpdir(), "enlace-node-")), "node");
  const target = await freshDatabaseUrl();
  const pg = target.schema !== undefined;
  const env: NodeJS.ProcessEnv = pg ? { ...process.env, DATABASE_URL: target.url } : { ...process.env, DATABASE_URL: "" };
  let node = await initNode({
    dir,
    node: opts.node ?? "co",
    name: opts.name ?? "Fuerzas Militares de Colombia",
    country: opts.country ?? "CO",
    env,
    ...(target.schema ? { schema: target.schema } : {}),
  });
  if (opts.model) {
    await node.close();
    node = await openNode(dir, { env, model: opts.model, ...(target.schema ? { schema: target.schema } : {}) });
  }
  const open: NodeRuntime[] = [node];
  return {
    node,
    dir,
    env,
    ...(target.schema ? { schema: target.schema } : {}),
    async reopen(model) {
      const n = await openNode(dir, { env, ...(model ? { model } : {}), ...(target.schema ? { schema: target.schema } : {}) });
      open.push(n);
      return n;
    },
    async dispose() {
      for (const n of open) await n.close().catch(() => {});
      await target.cleanup();
      rmSync(join(dir, ".."), { recursive: true, force: true });
    },
  };
}

/** Adds a user through the real command and returns a bearer token for it. */
export async function addUser(node: NodeRuntime, username: string, role: Role, password = "correct horse battery"): Promise<string> {
  const ctx = { store: node.store, actor: consoleActor(node.config.node) };
  await createUser(ctx, { username, role, password });
  return (await createToken(ctx, { username, label: "test" })).token;
}

/** A node with its HTTP app ready for `inject`. */
export async function createTestApp(opts: Parameters<typeof createTestNode>[0] = {}): Promise<TestNode & { app: App }> {
  const t = await createTestNode(opts);
  const app = await buildApp({ node: t.node });
  return {
    ...t,
    app,
    async dispose() {
      await app.close();
      await t.dispose();
    },
  };
}
