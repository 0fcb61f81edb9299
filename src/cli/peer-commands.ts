import { z } from "zod";
import { DomainError } from "../core/errors";
import { nodeIdSchema, spaceIdSchema } from "../core/log/envelope";
import { type CommandContext, consoleActor } from "../server/admin/commands";
import { PeerSignatureError } from "../server/federation/client";
import { acceptInvite, createInvite, createSpace, joinSpace, removePeer, resolveQuarantine } from "../server/federation/commands";
import { decodeInvite } from "../server/federation/invite";
import { listPeers, listQuarantine, listSpaces, sharedSpaces } from "../server/federation/queries";
import { createReplicator } from "../server/federation/replicator";
import { type PeerStatus, peerStatuses } from "../server/federation/status";
import { type NodeRuntime, openNode } from "../server/node";
import { type CommandSpec, optionalInt, required, UsageError } from "./args";

const dirOption = { dir: { type: "string" } } as const;

/** Runs `fn` on the node at `dir` as its console operator, then closes the node. */
async function asConsole<T>(dir: string, fn: (ctx: CommandContext, node: NodeRuntime) => Promise<T>): Promise<T> {
  const node = await openNode(dir);
  try {
    return await fn({ store: node.store, actor: consoleActor(node.config.node) }, node);
  } finally {
    await node.close();
  }
}

/** The positional arguments, exactly `names.length` of them, checked by their schemas. */
function positional(positionals: string[], names: readonly [string, z.ZodType<string>][]): string[] {
  if (positionals.length !== names.length) {
    throw new UsageError(names.length ? `expected ${names.map(([n]) => n).join(" ")}` : `unexpected argument '${positionals[0]}'`);
  }
  return names.map(([name, schema], i) => {
    const parsed = schema.safeParse(positionals[i]);
    if (!parsed.success) throw new UsageError(`${name}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return parsed.data;
  });
}

/** Columns padded to their widest cell: output a person reads and `cut`/`awk` can still split. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return "never";
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return s < 120 ? `${s} s ago` : s < 7200 ? `${Math.round(s / 60)} min ago` : iso;
}

const uuid = z.uuid("not a quarantine id (see `enlace peer quarantine list`)");
const spaceName = z.string().trim().min(1, "--name is required").max(200);

/** Peering, shared spaces, quarantine and a foreground sync: the federation from the console. */
export const peerCommands: CommandSpec[] = [
  {
    name: "peer invite",
    summary: "Create a single-use peering invitation; prints only the token",
    usage: "enlace peer invite --dir DIR [--ttl-hours N]",
    options: { ...dirOption, "ttl-hours": { type: "string" } },
    async run(v, p) {
      positional(p, []);
      const ttl = optionalInt(v, "ttl-hours") ?? 24;
      if (ttl < 1 || ttl > 24 * 14) throw new UsageError("--ttl-hours must be between 1 and 336");
      const { token } = await asConsole(required(v, "dir"), (ctx, node) => createInvite(ctx, node, ttl));
      console.log(token);
    },
  },
  {
    name: "peer accept",
    summary: "Accept another node's invitation (that node must be running)",
    usage: "enlace peer accept --dir DIR TOKEN",
    options: dirOption,
    async run(v, p) {
      const [text = ""] = positional(p, [["TOKEN", z.string()]]);
      const url = decodeInvite(text).url;
      const peer = await asConsole(required(v, "dir"), (ctx, node) => acceptInvite(ctx, node, text)).catch((err: Error) => {
        if (err instanceof DomainError || err instanceof PeerSignatureError) throw err;
        const cause = (err.cause as { code?: string; message?: string } | undefined) ?? {};
        throw new Error(`cannot reach the inviting node at ${url} (is it running?): ${cause.code ?? cause.message ?? err.message}`);
      });
      console.log(`peered with ${peer.node} (${peer.name})`);
    },
  },
  {
    name: "peer list",
    summary: "List pinned peers",
    usage: "enlace peer list --dir DIR",
    options: dirOption,
    async run(v, p) {
      positional(p, []);
      const peers = await asConsole(required(v, "dir"), (_ctx, node) => node.db.connection((sql) => listPeers(sql)));
      if (peers.length === 0) return console.log("no peers (see `enlace peer invite`)");
      console.log(
        table(
          ["NODE", "COUNTRY", "URL", "PINNED", "NAME"],
          peers.map((r) => [r.node, r.country, r.url, r.pinned_at, r.name]),
        ),
      );
    },
  },
  {
    name: "peer status",
    summary: "Each peer's replication state: status, lag, last contact, quarantined events",
    usage: "enlace peer status --dir DIR",
    options: dirOption,
    async run(v, p) {
      positional(p, []);
      const rows = await asConsole(required(v, "dir"), (_ctx, node) => peerStatuses(node.db));
      if (rows.length === 0) return console.log("no peers (see `enlace peer invite`)");
      const cells = rows.map((s) => [s.node, s.status, String(s.lagEvents), ago(s.lastContact), String(s.quarantined), s.lastError ?? ""]);
      console.log(table(["NODE", "STATUS", "LAG", "LAST CONTACT", "QUARANTINED", "LAST ERROR"], cells));
    },
  },
  {
    name: "peer remove",
    summary: "Remove a peer: stop replicating with it and forget its key",
    usage: "enlace peer remove --dir DIR NODE",
    options: dirOption,
    async run(v, p) {
      const [peer = ""] = positional(p, [["NODE", nodeIdSchema]]);
      await asConsole(required(v, "dir"), (ctx) => removePeer(ctx, peer));
      console.log(`peer ${peer} removed`);
    },
  },
  {
    name: "peer quarantine",
    summary: "List quarantined events, or retry or drop one",
    usage: "enlace peer quarantine list|retry|drop --dir DIR [ID]",
    options: dirOption,
    async run(v, p) {
      const [action, ...rest] = p;
      if (action !== "list" && action !== "retry" && action !== "drop") throw new UsageError("give list, retry ID or drop ID");
      const dir = required(v, "dir");
      if (action === "list") {
        positional(rest, []);
        const rows = await asConsole(dir, (_ctx, node) => node.db.connection((sql) => listQuarantine(sql)));
        if (rows.length === 0) return console.log("no quarantined events");
        const cells = rows.map((q) => [q.id, q.peer, `${q.space}/${q.origin}/${q.seq}`, q.code, q.at, q.reason]);
        return console.log(table(["ID", "PEER", "EVENT", "CODE", "AT", "REASON"], cells));
      }
      const [id = ""] = positional(rest, [["ID", uuid]]);
      await asConsole(dir, (ctx) => resolveQuarantine(ctx, id, action));
      console.log(
        action === "retry" ? `quarantined event ${id} will be retried` : `quarantined event ${id} dropped; that stream stays halted`,
      );
    },
  },
  {
    name: "space create",
    summary: "Propose a shared space with peers; prints only its id",
    usage: "enlace space create --dir DIR --name NAME --members co,ve",
    options: { ...dirOption, name: { type: "string" }, members: { type: "string" } },
    async run(v, p) {
      positional(p, []);
      const name = spaceName.safeParse(v.name ?? "");
      if (!name.success) throw new UsageError(`--name: ${name.error.issues[0]?.message}`);
      const members = required(v, "members")
        .split(",")
        .map((m) => m.trim())
        .filter(Boolean);
      for (const m of members) if (!nodeIdSchema.safeParse(m).success) throw new UsageError(`--members: '${m}' is not a node id`);
      console.log(await asConsole(required(v, "dir"), (ctx) => createSpace(ctx, { name: name.data, members })));
    },
  },
  {
    name: "space join",
    summary: "Join a space another member proposed",
    usage: "enlace space join --dir DIR SPACE_ID",
    options: dirOption,
    async run(v, p) {
      const [space = ""] = positional(p, [["SPACE_ID", spaceIdSchema]]);
      const joined = await asConsole(required(v, "dir"), (ctx, node) => joinSpace(ctx, node, space));
      console.log(`joined space ${space} (${joined.name}), proposed by ${joined.proposer}; members ${joined.members.join(", ")}`);
    },
  },
  {
    name: "space list",
    summary: "List the shared spaces this node knows",
    usage: "enlace space list --dir DIR",
    options: dirOption,
    async run(v, p) {
      positional(p, []);
      const spaces = await asConsole(required(v, "dir"), (_ctx, node) => node.db.connection(listSpaces));
      if (spaces.length === 0) return console.log("no shared spaces (see `enlace space create`)");
      const members = (s: (typeof spaces)[number]) => s.members.map((m) => (m.joined ? m.node : `${m.node} (invited)`)).join(", ");
      console.log(
        table(
          ["ID", "CREATED BY", "MEMBERS", "NAME"],
          spaces.map((s) => [s.id, s.createdBy, members(s), s.name]),
        ),
      );
    },
  },
  {
    name: "peer sync",
    summary: "Replicate in the foreground until no peer has events we lack, showing progress",
    usage: "enlace peer sync --dir DIR [--timeout SECONDS]",
    options: { ...dirOption, timeout: { type: "string" } },
    async run(v, p) {
      positional(p, []);
      const timeout = optionalInt(v, "timeout") ?? 60;
      if (timeout < 1) throw new UsageError("--timeout must be at least 1 second");
      const node = await openNode(required(v, "dir"));
      try {
        await sync(node, timeout * 1000);
      } finally {
        await node.close();
      }
    },
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Runs a replicator until every peer we share a space with is reachable, has reported its
 * heads for each of those spaces, and holds nothing we lack. Progress at most once a second.
 */
async function sync(node: NodeRuntime, timeoutMs: number): Promise<void> {
  let applied = 0;
  const replicator = createReplicator(node, {
    refreshMs: 1000,
    receiptMs: 1000,
    onProgress: (e) => {
      applied += e.applied;
    },
  });
  const started = Date.now();
  try {
    await replicator.start();
    let printed = { at: started, applied: 0, lag: -1 };
    for (;;) {
      const live = replicator.state();
      const statuses = await peerStatuses(node.db, live);
      const waiting: PeerStatus[] = [];
      const partners: string[] = [];
      for (const s of statuses) {
        const spaces = await node.db.connection((sql) => sharedSpaces(sql, node.config.node, s.node));
        if (spaces.length === 0) continue;
        partners.push(s.node);
        const reported = spaces.every(({ space }) => live.get(s.node)?.remoteHeads[space] !== undefined);
        if (s.status !== "connected" || s.lagEvents > 0 || !reported) waiting.push(s);
      }
      if (partners.length === 0) return console.log("sync: no peer shares a space with this node; nothing to do");
      if (waiting.length === 0) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        return console.log(`sync: up to date with ${partners.join(", ")}: ${fmt(applied)} events applied in ${seconds} s`);
      }
      const stuck = waiting.find((s) => s.status === "quarantined");
      if (stuck) throw new Error(`${stuck.node} has ${stuck.quarantined} quarantined event(s); see \`enlace peer quarantine list\``);
      if (Date.now() - started > timeoutMs) {
        const w = waiting[0] as PeerStatus;
        const why = w.status === "connected" ? `${fmt(w.lagEvents)} events behind` : `${w.status}${w.lastError ? ` (${w.lastError})` : ""}`;
        throw new Error(`not in sync with ${w.node} after ${Math.round(timeoutMs / 1000)} s: ${why}`);
      }
      const lag = waiting.reduce((n, s) => n + s.lagEvents, 0);
      const now = Date.now();
      if (now - printed.at >= 1000 && (applied !== printed.applied || lag !== printed.lag)) {
        const rate = ((applied - printed.applied) * 1000) / (now - printed.at);
        console.log(
          `sync: ${fmt(applied)} events applied (${fmt(Math.round(rate))} events/s), ${fmt(lag)} behind, waiting for ${waiting.map((s) => s.node).join(", ")}`,
        );
        printed = { at: now, applied, lag };
      }
      await sleep(100);
    }
  } finally {
    await replicator.stop();
  }
}
