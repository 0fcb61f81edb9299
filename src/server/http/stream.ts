import { z } from "zod";
import type { Actor } from "../admin/commands";
import type { StoredEvent } from "../db/projections";
import { readLog, rowToStored } from "../db/rows";
import type { NodeRuntime } from "../node";
import { actorOf } from "./auth";
import { createSseWriter } from "./sse-writer";
import type { App } from "./types";

/** Administrative events only admins are told about (who logs in is not everyone's business). */
const ADMIN_ONLY = /^(user|token)\.|^peer\.invite/;
const HEARTBEAT_MS = 15_000;
const REPLAY_LIMIT = 1000;
const SENT_MEMORY = 50_000;

const announce = (e: Pick<StoredEvent, "pos" | "type" | "space" | "subject" | "origin">) => ({
  pos: e.pos,
  type: e.type,
  space: e.space,
  subject: e.subject,
  origin: e.origin,
});

/** A frame of the stream: an SSE event name, its JSON data and the log position it belongs to, if any. */
export interface StreamFrame {
  readonly event: string;
  readonly data: unknown;
  readonly pos?: number;
}

/**
 * A domain that decides what each user is told about its own event types (e.g. a
 * conversation's messages reach its members only, with frames of their own), and may push
 * frames that do not come from the log.
 */
export interface StreamTap {
  owns(type: string): boolean;
  /** The frames `actor` receives for these events (all owned by this tap), in order; none hides them. */
  frames(actor: Actor, events: readonly StoredEvent[]): Promise<StreamFrame[]>;
  live?(actor: Actor, push: (frames: readonly StreamFrame[]) => void): () => void;
}

/**
 * `GET /api/v1/stream`: one Server-Sent Events stream per browser. Each stored event is
 * announced (type, space, subject, origin) with its log position as the SSE id, so a client
 * that reconnects with Last-Event-ID receives exactly what it missed, then live events.
 */
export function streamRoutes(app: App, node: NodeRuntime, taps: readonly StreamTap[] = []): void {
  app.get(
    "/stream",
    {
      schema: {
        tags: ["stream"],
        summary: "Server-Sent Events: every change, with its log position as id (resume with Last-Event-ID)",
        description:
          "`log` announces a stored event ({pos, type, space, subject, origin}). A client that falls more than 64 KiB behind (a catch-up) gets one `resync` ({pos}) instead of the announcements it missed: refetch what is shown. Domains add frames of their own: the channel sends `message.posted` (upsert by id; `provisional: true` when shown from the express lane ahead of its chain), `message.updated`, `message.receipt`, `message.escalated` and `message.contradicted`, to members only.",
        querystring: z.strictObject({ after: z.coerce.number().int().min(0).optional() }),
        headers: z.object({
          "last-event-id": z
            .string()
            .regex(/^\d{1,15}$/)
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const visible = (type: string) => actor.role === "admin" || !ADMIN_ONLY.test(type);
      const resumeFrom = request.headers["last-event-id"] ? Number(request.headers["last-event-id"]) : request.query.after;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-request-id": request.id,
      });
      res.write("retry: 2000\n\n");
      // Positions already sent (a replay and live events overlap). Not a high-water mark: on
      // PostgreSQL, transactions commit out of position order, and a later notification may
      // carry a lower position that was never sent.
      const sent = new Set<number>();
      const fresh = (pos: number) => {
        if (sent.has(pos)) return false;
        sent.add(pos);
        if (sent.size > SENT_MEMORY) sent.delete(sent.values().next().value as number);
        return true;
      };
      const out = createSseWriter(res);
      const write = (f: StreamFrame, id?: number) =>
        f.event === "log" && f.pos !== undefined ? out.log(f.pos, f.data) : out.frame(f.event, f.data, id);
      // Taps read the database, so events are handled one burst at a time, in commit order.
      const send = async (events: readonly StoredEvent[]) => {
        for (let i = 0; i < events.length; ) {
          const e = events[i] as StoredEvent;
          const tap = taps.find((t) => t.owns(e.type));
          if (!tap) {
            if (fresh(e.pos) && visible(e.type)) out.log(e.pos, announce(e));
            i++;
            continue;
          }
          let j = i + 1;
          while (j < events.length && tap.owns((events[j] as StoredEvent).type)) j++;
          const run = events.slice(i, j).filter((x) => fresh(x.pos));
          i = j;
          if (run.length === 0) continue;
          const frames = await tap.frames(actor, run);
          // The SSE id goes on the last frame of a position, so a resumed stream misses none of them.
          for (const [k, f] of frames.entries()) write(f, f.pos !== undefined && frames[k + 1]?.pos !== f.pos ? f.pos : undefined);
        }
      };
      let queue = Promise.resolve();
      const enqueue = (job: () => Promise<void> | void) => {
        queue = queue.then(job).catch((err: Error) => request.log.warn({ err: err.message }, "stream delivery failed"));
      };
      const unsubscribe = node.store.subscribe((events) => enqueue(() => send(events)));
      // Pushed frames do not come from the log: they skip the queue, which may be waiting on the database.
      const untap = taps.map((t) =>
        t.live?.(actor, (frames) => {
          for (const f of frames) write(f);
        }),
      );
      const heartbeat = setInterval(() => out.comment("keep-alive"), HEARTBEAT_MS);
      request.raw.socket.on("close", () => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const u of untap) u?.();
      });
      if (resumeFrom !== undefined) {
        enqueue(async () => send((await node.db.connection((sql) => readLog(sql, resumeFrom, REPLAY_LIMIT))).map(rowToStored)));
      }
    },
  );
}
