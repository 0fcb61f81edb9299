import type { ServerResponse } from "node:http";
import { z } from "zod";
import { isUrgent, nodeOfMember, URGENT } from "../../core/channel/schema";
import type { Event } from "../../core/log/envelope";
import type { Sql } from "../db/database";
import type { EventStore } from "../db/event-store";
import type { StoredEvent } from "../db/projections";
import { type EventRow, rowToEvent } from "../db/rows";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";

/**
 * The serving side of the express lane (docs/federation.md, section 14): `GET
 * /federation/v1/express` answers a peer with the urgent messages (flash and immediate)
 * this node holds that are addressed to that peer's users, each with the events of its
 * conversation, as the signed envelopes they are — the very events that also travel, later,
 * in their chains. Registered inside the federation routes, so requests and answers are
 * signed and checked like every other federation call.
 */
export const expressQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  wait: z.coerce.number().int().min(0).max(30_000).default(0),
});

/** Urgent messages older than the longest urgent handling objective are no longer express. */
export const EXPRESS_WINDOW_MS = 30 * 60_000;
const POLL_MS = 500;
const IN_URGENT = `precedence IN (${URGENT.map((p) => `'${p}'`).join(", ")})`;
const EVENT_COLUMNS = "pos, id, space, origin, seq, prev, hlc, actor, type, v, subject, data, sig, hash, stored_at";

export interface ExpressPage {
  /** The next `after`: this node's log position up to which the answer is complete. */
  readonly cursor: number;
  readonly events: Event[];
}

/** The urgent messages for `peer` after log position `after`, with their conversations' events. */
export async function expressPage(sql: Sql, peer: string, after: number, limit: number, now: number): Promise<ExpressPage> {
  const top = Number((await sql.all<{ pos: number | null }>("SELECT MAX(pos) AS pos FROM events"))[0]?.pos ?? 0);
  const rows = await sql.all<{ id: string; pos: number; conversation: string; space: string }>(
    `SELECT m.id, m.pos, m.conversation, m.space FROM channel_messages m
     WHERE m.${IN_URGENT} AND m.pos > ? AND m.pos <= ? AND m.posted_ms >= ? AND m.origin <> ?
       AND EXISTS (SELECT 1 FROM channel_recipients r WHERE r.message = m.id AND r.node = ?)
       AND EXISTS (SELECT 1 FROM space_members s WHERE s.space = m.space AND s.node = ?)
     ORDER BY m.pos LIMIT ?`,
    [after, top, now - EXPRESS_WINDOW_MS, peer, peer, peer, limit],
  );
  const events: Event[] = [];
  const conversations = new Set<string>();
  for (const m of rows) {
    if (!conversations.has(m.conversation)) {
      conversations.add(m.conversation);
      const conv = await sql.all<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE space = ? AND subject = ? AND type IN ('conversation.created', 'conversation.updated') ORDER BY pos`,
        [m.space, m.conversation],
      );
      events.push(...conv.map(rowToEvent));
    }
    const own = await sql.all<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE space = ? AND subject = ? AND type = 'message.posted'`, [
      m.space,
      m.id,
    ]);
    events.push(...own.map(rowToEvent));
  }
  const last = rows.at(-1);
  return { cursor: rows.length === limit && last ? Number(last.pos) : Math.max(after, top), events };
}

const urgentPosted = (e: StoredEvent) => e.type === "message.posted" && isUrgent(String(e.data.precedence));

/**
 * Resolves when an urgent message is stored (with the ones this process stored; another
 * process's are seen by a cheap poll, with none), or with none on timeout or close.
 */
function waitForUrgent(
  store: EventStore,
  sql: (fn: (s: Sql) => Promise<number>) => Promise<number>,
  after: number,
  ms: number,
  client: ServerResponse,
  closing: AbortSignal,
): Promise<StoredEvent[]> {
  if (closing.aborted) return Promise.resolve([]);
  return new Promise((resolve) => {
    const done = (woken: StoredEvent[] = []) => {
      clearTimeout(timer);
      clearInterval(poll);
      unsubscribe();
      client.off("close", stop);
      closing.removeEventListener("abort", stop);
      resolve(woken);
    };
    const stop = () => done();
    const timer = setTimeout(stop, ms);
    const poll = setInterval(() => {
      sql((s) =>
        s
          .all<{ pos: number | null }>(`SELECT MAX(pos) AS pos FROM channel_messages WHERE ${IN_URGENT}`)
          .then((r) => Number(r[0]?.pos ?? 0)),
      )
        .then((top) => {
          if (top > after) done();
        })
        .catch(stop);
    }, POLL_MS);
    const unsubscribe = store.subscribe((events) => {
      const woken = events.filter(urgentPosted);
      if (woken.length > 0) done(woken);
    });
    client.once("close", stop);
    closing.addEventListener("abort", stop, { once: true });
  });
}

/**
 * The fast answer to a long-poll woken by urgent messages this process just stored: those
 * for `peer`, from memory, with their conversations' events (one query). Its cursor does not
 * move, so the next poll's full query still sees everything after it (what repeats is ignored).
 */
async function wokenPage(sql: Sql, peer: string, woken: readonly StoredEvent[], after: number): Promise<ExpressPage> {
  const events: Event[] = [];
  for (const e of woken) {
    if (e.origin === peer || !(e.data.to as string[]).some((m) => nodeOfMember(m) === peer)) continue;
    // One query: the conversation's events, if the peer is a member of its space.
    const conv = await sql.all<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE space = ? AND subject = ? AND type IN ('conversation.created', 'conversation.updated')
         AND EXISTS (SELECT 1 FROM space_members WHERE space = ? AND node = ?) ORDER BY pos`,
      [e.space, e.data.conversation, e.space, peer],
    );
    if (conv.length === 0) continue;
    const { pos: _pos, hash: _hash, ...envelope } = e;
    events.push(...conv.map(rowToEvent), envelope);
  }
  return { cursor: after, events };
}

export function expressRoutes(app: App, node: NodeRuntime, closing: AbortSignal): void {
  const { db, store } = node;
  app.get("/express", { schema: { tags: ["federation"], querystring: expressQuery } }, async (request, reply) => {
    const peer = request.peer ?? "";
    const { after, limit, wait } = request.query;
    let page = await db.connection((sql) => expressPage(sql, peer, after, limit, Date.now()));
    if (page.events.length === 0 && wait > 0) {
      const woken = await waitForUrgent(store, (fn) => db.connection(fn), page.cursor, wait, reply.raw, closing);
      if (request.raw.socket.destroyed || closing.aborted) return reply.send("");
      const fast = woken.length > 0 ? await db.connection((sql) => wokenPage(sql, peer, woken, after)) : undefined;
      page = fast && fast.events.length > 0 ? fast : await db.connection((sql) => expressPage(sql, peer, after, limit, Date.now()));
    }
    return reply.type("application/json").send(JSON.stringify(page));
  });
}
