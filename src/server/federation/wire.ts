import type { ServerResponse } from "node:http";
import type { Database } from "../db/database";
import type { EventStore } from "../db/event-store";
import { type EventRow, readChain } from "../db/rows";

/**
 * An event row as one NDJSON line of the wire format: the envelope exactly as signed. The
 * data column already holds the event's JSON, so it is spliced in rather than re-encoded.
 */
export function eventLine(r: EventRow): string {
  const s = JSON.stringify;
  return `{"id":${s(r.id)},"space":${s(r.space)},"origin":${s(r.origin)},"seq":${Number(r.seq)},"prev":${s(r.prev)},"hlc":${s(r.hlc)},"actor":${s(r.actor)},"type":${s(r.type)},"v":${Number(r.v)},"subject":${s(r.subject)},"data":${r.data},"sig":${s(r.sig)}}\n`;
}

export async function readEventLines(db: Database, space: string, origin: string, after: number, limit: number): Promise<string[]> {
  const rows = await db.connection((sql) => readChain(sql, space, origin, after, limit));
  return rows.map(eventLine);
}

/** The event that founded a space, as a JSON line. */
export async function genesisOf(db: Database, space: string): Promise<string | undefined> {
  const rows = await db.connection((sql) =>
    sql.all<EventRow>(
      "SELECT pos, id, space, origin, seq, prev, hlc, actor, type, v, subject, data, sig, hash, stored_at FROM events WHERE space = ? AND subject = ? AND type = 'space.created' AND seq = 1",
      [space, space],
    ),
  );
  return rows[0] ? eventLine(rows[0]) : undefined;
}

/** How often a long-poll also looks at the chain head, for events written by another process. */
const HEAD_POLL_MS = 500;

/**
 * Resolves when an event of (space, origin) is stored after `after`, after `ms`, when the
 * client goes away (its response closes) or when the server closes, whichever comes first:
 * the long-poll that lets a new event leave within milliseconds. Events this process stores
 * wake it at once; events stored by another process (the CLI, a second app process) are
 * seen by a cheap look at the chain head every half second.
 */
export function waitForEvents(
  store: EventStore,
  db: Database,
  target: { space: string; origin: string; after: number },
  ms: number,
  client: ServerResponse,
  closing: AbortSignal,
): Promise<void> {
  if (closing.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const { space, origin, after } = target;
    const done = () => {
      clearTimeout(timer);
      clearInterval(poll);
      unsubscribe();
      client.off("close", done);
      closing.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const poll = setInterval(() => {
      db.connection((sql) => sql.all<{ seq: number }>("SELECT seq FROM heads WHERE space = ? AND origin = ?", [space, origin]))
        .then((rows) => {
          if (Number(rows[0]?.seq ?? 0) > after) done();
        })
        .catch(done);
    }, HEAD_POLL_MS);
    const unsubscribe = store.subscribe((events) => {
      if (events.some((e) => e.space === space && e.origin === origin)) done();
    });
    client.once("close", done);
    closing.addEventListener("abort", done, { once: true });
  });
}
