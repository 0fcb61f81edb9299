import type { Actor } from "../admin/commands";
import type { NodeRuntime } from "../node";
import { createAcceptance } from "./acceptance";
import { type ChannelContext, recordReceipt } from "./commands";
import { createEscalator } from "./escalation";
import type { ProvisionalStore } from "./provisional";

/**
 * The channel's running parts on one node: the receipts the node signs by itself
 * (acceptance, deferred receipts, deliveries to open streams) and the escalation scheduler.
 * The app starts it and stops it with the server. (Concurrent writes share transactions in
 * the event store's group commit.)
 */
export interface ChannelServiceOptions {
  /** Urgent messages received on the express lane (from the replicator), if it runs. */
  readonly provisional?: ProvisionalStore;
  readonly now?: () => number;
  readonly escalationMs?: number;
  readonly log?: { warn(obj: object, msg: string): void };
}

export interface ChannelService {
  readonly provisional?: ProvisionalStore;
  context(actor: Actor): ChannelContext;
  /** A message reached an open client of `actor`: record it (in the background). */
  delivered(actor: Actor, message: string): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const SWEEP_MS = 5000;

export function createChannelService(node: NodeRuntime, options: ChannelServiceOptions = {}): ChannelService {
  const self = node.config.node;
  const escalator = createEscalator(node.store, self, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.escalationMs ? { intervalMs: options.escalationMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  let acceptance: ReturnType<typeof createAcceptance> | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let stopped = false;
  const context = (actor: Actor): ChannelContext => ({
    store: node.store,
    actor,
    ...(options.provisional ? { provisional: options.provisional } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const warn = (msg: string) => (err: Error) => options.log?.warn({ err: err.message }, msg);

  return {
    ...(options.provisional ? { provisional: options.provisional } : {}),
    context,
    delivered(actor, message) {
      recordReceipt(context(actor), message, "delivered").catch(warn("recording a delivery failed"));
    },
    async start() {
      acceptance = createAcceptance(node.store, self, options.log);
      await acceptance.sweep(true).catch(warn("channel receipts sweep failed"));
      // Closed while the first sweep ran: start no timers.
      if (stopped) return;
      sweeper = setInterval(() => void acceptance?.sweep().catch(warn("channel receipts sweep failed")), SWEEP_MS);
      sweeper.unref();
      escalator.start();
    },
    async stop() {
      stopped = true;
      clearInterval(sweeper);
      acceptance?.stop();
      await escalator.stop();
    },
  };
}
