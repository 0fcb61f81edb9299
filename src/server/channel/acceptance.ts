import { nodeOfMember, userOfMember } from "../../core/channel/schema";
import type { NewEvent } from "../../core/log/envelope";
import type { EventStore, WriteTx } from "../db/event-store";

/**
 * The receipts a node signs by itself: `message.accepted` once it holds a message addressed
 * to its users (right after applying it), and the receipts its users gave while the message
 * was only provisional, once it is held. A sweep repeats both after a restart or a race.
 */
const marks = (n: number) => Array(n).fill("?").join(", ");
const CHUNK = 500;

/** Accepts held messages of other nodes addressed to this node's users (all of them, or `ids`). */
export async function acceptHeld(tx: WriteTx, self: string, ids?: readonly string[]): Promise<number> {
  if (ids?.length === 0) return 0;
  const rows = await tx.sql.all<{ id: string; space: string; stored_at: number }>(
    `SELECT m.id, m.space, m.stored_at FROM channel_messages m
     WHERE m.origin <> ? ${ids ? `AND m.id IN (${marks(ids.length)})` : ""}
       AND EXISTS (SELECT 1 FROM channel_recipients r WHERE r.message = m.id AND r.node = ?)
       AND NOT EXISTS (SELECT 1 FROM channel_receipts x WHERE x.message = m.id AND x.kind = 'accepted' AND x.member = ?)
     ORDER BY m.pos LIMIT 5000`,
    [self, ...(ids ?? []), self, self],
  );
  if (rows.length === 0) return 0;
  await tx.append(
    rows.map((m) => ({
      space: m.space,
      type: "message.accepted",
      subject: m.id,
      actor: `channel@${self}`,
      data: { at: new Date(Number(m.stored_at)).toISOString() },
    })),
  );
  return rows.length;
}

/** Signs the deferred receipts whose messages are now held (all of them, or those of `ids`). */
export async function signPending(tx: WriteTx, ids?: readonly string[]): Promise<number> {
  if (ids?.length === 0) return 0;
  const rows = await tx.sql.all<{
    message: string;
    space: string;
    member: string;
    kind: string;
    at: string;
    comment: string | null;
    version: number;
  }>(
    `SELECT p.message, m.space, p.member, p.kind, p.at, p.comment, p.version FROM channel_pending p JOIN channel_messages m ON m.id = p.message
     WHERE NOT EXISTS (SELECT 1 FROM channel_receipts x WHERE x.message = p.message AND x.kind = p.kind AND x.member = p.member)
       ${ids ? `AND p.message IN (${marks(ids.length)})` : ""} ORDER BY p.at`,
    ids ?? [],
  );
  const events: NewEvent[] = [];
  const seen = new Set<string>();
  for (const p of rows) {
    const key = `${p.message} ${p.kind} ${p.member}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = { user: userOfMember(p.member), at: p.at };
    const data = p.kind === "acknowledged" ? { ...base, comment: p.comment, version: Number(p.version) } : base;
    events.push({ space: p.space, type: `message.${p.kind}`, subject: p.message, actor: p.member, data });
  }
  if (events.length) await tx.append(events);
  return events.length;
}

/**
 * Watches what the node stores: each received message addressed here is accepted, and its
 * deferred receipts signed, in one transaction per burst.
 */
export function createAcceptance(store: EventStore, self: string, log?: { warn(obj: object, msg: string): void }) {
  const write = <T>(fn: (tx: WriteTx) => Promise<T>) => store.write(fn);
  const queue = new Set<string>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const ids = [...queue];
    queue.clear();
    write(async (tx) => {
      let n = 0;
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        n += (await acceptHeld(tx, self, chunk)) + (await signPending(tx, chunk));
      }
      return n;
    }).catch((err: Error) => log?.warn({ err: err.message }, "channel acceptance failed"));
  };
  const unsubscribe = store.subscribe((events) => {
    for (const e of events) {
      if (e.type !== "message.posted" || e.origin === self) continue;
      if (!(e.data.to as string[]).some((m) => nodeOfMember(m) === self)) continue;
      queue.add(e.subject);
    }
    if (queue.size > 0 && !scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  return {
    /**
     * What a restart or a race may have left: the deferred receipts now due (a small table),
     * and with `all`, every held message not yet accepted (a scan: at start only).
     */
    async sweep(all = false): Promise<number> {
      let total = 0;
      for (;;) {
        const n = await write(async (tx) => (all ? await acceptHeld(tx, self) : 0) + (await signPending(tx)));
        total += n;
        if (n === 0) return total;
      }
    },
    stop: unsubscribe,
  };
}
