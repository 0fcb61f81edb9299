import type { NewEvent } from "../../core/log/envelope";
import type { EventStore } from "../db/event-store";

/**
 * ACP 121 handling objectives: a message that asks for an acknowledgement and is still not
 * acknowledged by every addressee when its objective passes is escalated. Only the author's
 * node writes `message.escalated` (it owns the message); the event reaches every member
 * node, where the author and the conversation's commanders are alerted on their streams.
 * The clock is a parameter, so tests decide what time it is.
 */
export interface EscalatorOptions {
  readonly now?: () => number;
  readonly intervalMs?: number;
  readonly log?: { warn(obj: object, msg: string): void };
}

const BATCH = 500;

export function createEscalator(store: EventStore, self: string, options: EscalatorOptions = {}) {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  /** Escalates every message of this node due by now; the ids escalated. */
  async function tick(): Promise<string[]> {
    const at = now();
    return store.write(async (tx) => {
      // Several app processes on one PostgreSQL database: one escalates, the others then find nothing.
      if (tx.sql.dialect === "postgres") await tx.sql.all("SELECT pg_advisory_xact_lock(hashtext('enlace.channel.escalation'))");
      const due = await tx.sql.all<{ id: string; space: string; due_ms: number }>(
        "SELECT id, space, due_ms FROM channel_messages WHERE origin = ? AND escalate_ms <= ? ORDER BY escalate_ms LIMIT ?",
        [self, at, BATCH],
      );
      const events: NewEvent[] = [];
      for (const m of due) {
        const pending = await tx.sql.all<{ member: string }>("SELECT member FROM channel_ack_due WHERE message = ? ORDER BY member", [
          m.id,
        ]);
        if (pending.length === 0) continue;
        events.push({
          space: m.space,
          type: "message.escalated",
          subject: m.id,
          actor: `channel@${self}`,
          data: { dueAt: new Date(Number(m.due_ms)).toISOString(), pending: pending.map((p) => p.member) },
        });
      }
      if (events.length) await tx.append(events);
      return events.map((e) => e.subject);
    });
  }

  return {
    tick,
    start(): void {
      let busy = false;
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        running = tick()
          .catch((err: Error) => options.log?.warn({ err: err.message }, "channel escalation failed"))
          .finally(() => {
            busy = false;
          });
      }, options.intervalMs ?? 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
