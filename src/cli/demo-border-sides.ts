import type { Role } from "../core/admin/schema";
import type { CommandContext } from "../server/admin/commands";
import type { BorderContext } from "../server/border/commands";
import type { EventStore, WriteTx } from "../server/db/event-store";
import type { NodeRuntime } from "../server/node";
import type { Side } from "./demo-border-data";

/**
 * How the border demo writes on each node: as the node's demo users (commander for sectors
 * and levels, officer for the rest), with many commands sharing one transaction.
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
