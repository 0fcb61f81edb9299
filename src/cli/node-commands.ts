import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { KEY_FILE } from "../server/config";
import { BackupError, loadBackupRows, readBackup, writeBackup } from "../server/db/backup";
import { verifyLog } from "../server/db/verify";
import { initNode, openNode } from "../server/node";
import { nodeModel } from "../server/registry";
import { type CommandSpec, optionalInt, required, UsageError } from "./args";

const dirOption = { dir: { type: "string" } } as const;

/** Opens the node at --dir, runs `fn`, and closes it whatever happens. */
async function withNode<T>(dir: string, fn: (node: Awaited<ReturnType<typeof openNode>>) => Promise<T>): Promise<T> {
  const node = await openNode(dir);
  try {
    return await fn(node);
  } finally {
    await node.close();
  }
}

export const nodeCommands: CommandSpec[] = [
  {
    name: "init",
    summary: "Create a node folder: config, Ed25519 key, database, genesis event",
    usage: "enlace init --dir DIR --node ID --name NAME --country CC [--port N] [--host H] [--public-url URL]",
    options: {
      ...dirOption,
      node: { type: "string" },
      name: { type: "string" },
      country: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "public-url": { type: "string" },
    },
    async run(v) {
      const port = optionalInt(v, "port");
      const node = await initNode({
        dir: required(v, "dir"),
        node: required(v, "node"),
        name: required(v, "name"),
        country: required(v, "country"),
        ...(port !== undefined ? { port } : {}),
        ...(typeof v.host === "string" ? { host: v.host } : {}),
        ...(typeof v["public-url"] === "string" ? { publicUrl: v["public-url"] } : {}),
      });
      console.log(`initialised node ${node.config.node} (${node.config.name}) in ${node.dir}; public key ${node.keys.publicKeyText}`);
      await node.close();
    },
  },
  {
    name: "serve",
    summary: "Serve the node over HTTP",
    usage: "enlace serve --dir DIR [--port N] [--host H]",
    options: { ...dirOption, port: { type: "string" }, host: { type: "string" } },
    async run(v) {
      const port = optionalInt(v, "port");
      // The server (and the console build check) is loaded only to serve: every other command
      // starts in about half the time without it.
      const { ensureWebBuild } = await import("../server/http/web");
      const { serveNode } = await import("../server/main");
      await ensureWebBuild();
      const running = await serveNode(required(v, "dir"), {
        logLevel: process.env.ENLACE_LOG_LEVEL ?? "info",
        ...(port !== undefined ? { port } : {}),
        ...(typeof v.host === "string" ? { host: v.host } : {}),
      });
      const stop = () => {
        void running.stop().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
  },
  {
    name: "verify",
    summary: "Re-check every chain and signature of the log",
    usage: "enlace verify --dir DIR",
    options: dirOption,
    async run(v) {
      const report = await withNode(required(v, "dir"), (node) => verifyLog(node.db, node.historicKeyOf));
      if (report.ok) {
        console.log(`verify: ok: ${report.events} events in ${report.chains} chains, every link and signature checked`);
        return;
      }
      const f = report.fault;
      throw new Error(`verify: FAILED at space ${f?.space}, origin ${f?.origin}, seq ${f?.seq}: ${f?.message}`);
    },
  },
  {
    name: "rebuild",
    summary: "Drop every projection table and replay the log into it",
    usage: "enlace rebuild --dir DIR",
    options: dirOption,
    async run(v) {
      const started = Date.now();
      const count = await withNode(required(v, "dir"), (node) => node.store.rebuild());
      console.log(`rebuild: replayed ${count} events in ${Date.now() - started} ms`);
    },
  },
  {
    name: "backup",
    summary: "Write a consistent backup of the node (safe while it runs)",
    usage: "enlace backup --dir DIR --out FILE",
    options: { ...dirOption, out: { type: "string" } },
    async run(v) {
      const dir = required(v, "dir");
      const out = required(v, "out");
      const { events } = await withNode(dir, (node) =>
        writeBackup(node.db, { config: node.config, keyPem: readFileSync(join(dir, KEY_FILE), "utf8") }, out),
      );
      console.log(`backup: ${events} events written to ${out} (it holds the node's private key: keep it safe)`);
    },
  },
  {
    name: "restore",
    summary: "Restore a backup into a new node folder",
    usage: "enlace restore --from FILE --dir NEWDIR",
    options: { ...dirOption, from: { type: "string" } },
    async run(v) {
      const from = required(v, "from");
      const dir = required(v, "dir");
      const backup = await readBackup(from).catch((err: Error) => {
        throw err instanceof BackupError ? err : new BackupError(`cannot read ${from}: ${err.message}`);
      });
      const { config, keyPem } = backup.header;
      if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`${dir} exists and is not empty`);
      const node = await initNode({ ...config, dir, keyPem, genesis: false });
      try {
        await loadBackupRows(node.db, nodeModel().registry, backup);
        await node.store.rebuild();
        const report = await verifyLog(node.db, node.historicKeyOf);
        if (!report.ok) throw new BackupError(`the restored log does not verify: ${report.fault?.message}`);
        console.log(`restore: node ${config.node} restored in ${dir}: ${report.events} events, verified`);
      } catch (err) {
        await node.close();
        rmSync(dir, { recursive: true, force: true });
        throw err;
      }
      await node.close();
    },
  },
];
