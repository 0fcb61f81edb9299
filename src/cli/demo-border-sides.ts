import type { Role } from "../core/admin/schema";
import type { CommandContext } from "../server/admin/commands";
import type { BorderContext } from "../server/border/commands";
import type { Sql } from "../server/db/database";
import type { EventStore, WriteTx } from "../server/db/event-store";
import type { NodeRuntime } from "../server/node";
import type { Side } from "./demo-border-data";

/**
 * How the border demo writes on each node: as the node's demo users (commander for sectors
 * and levels, officer for the rest), with many commands sharing one transaction, and with
 * a way to wait until the other node has pulled what this one wrote.
 */
export interface SideWriter {
  readonly side: Side;
  readonly node: NodeRuntime;
  /** Runs `fn` with a context whose commands all join one write transaction. */
  batch<T>(role: Role, fn: (ctx: BorderContext) => Promise<T>): Promise<T>;
}

const USERNAMES: Partial<Record<Role, string>> = { commander: "comandante", officer: "oficial" };

/** A store whose `write` joins the transaction already open: many commands, one commit. */
function joined(store: EventStore, tx: WriteTx): EventStore {
  return { ...store, write: (fn) => fn(tx), append: (events) => tx.append(events) };
}

/** `now` is the demo's clock for the commands' checks (an incident may not be in the future). */
export function sideWriter(side: Side, node: NodeRuntime, now: number): SideWriter {
  return {
    side,
    node,
    batch: (role, fn) =>
      node.store.write((tx) => {
        const actor = { username: USERNAMES[role] ?? "demo", role, node: node.config.node };
        const ctx: BorderContext & CommandContext = { store: joined(node.store, tx), actor, country: node.config.country, now: () => now };
        return fn(ctx);
      }),
  };
}

/** Waits until `query` (a COUNT as `n`) reaches `want` on `node`: replication has brought it over. */
export async function replicated(node: NodeRuntime, query: string, params: unknown[], want: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await node.db.connection((sql: Sql) => sql.all<{ n: number }>(query, params));
    if (Number(row?.n ?? 0) >= want) return;
    if (Date.now() > deadline) throw new Error(`the demo nodes did not replicate the seed data in ${timeoutMs / 1000} s (${query})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
