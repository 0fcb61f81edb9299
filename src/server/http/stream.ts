import { z } from "zod";
import type { StoredEvent } from "../db/projections";
import { readLog } from "../db/rows";
import type { NodeRuntime } from "../node";
import { actorOf } from "./auth";
import type { App } from "./types";

/** Administrative events only admins are told about (who logs in is not everyone's business). */
const ADMIN_ONLY = /^(user|token)\.|^peer\.invite/;
const HEARTBEAT_MS = 15_000;
const REPLAY_LIMIT = 1000;

const line = (e: Pick<StoredEvent, "pos" | "type" | "space" | "subject" | "origin">) =>
  `id: ${e.pos}\nevent: log\ndata: ${JSON.stringify({ pos: e.pos, type: e.type, space: e.space, subject: e.subject, origin: e.origin })}\n\n`;

/**
 * `GET /api/v1/stream`: one Server-Sent Events stream per browser. Each stored event is
 * announced (type, space, subject, origin) with its log position as the SSE id, so a client
 * that reconnects with Last-Event-ID receives exactly what it missed, then live events.
 */
export function streamRoutes(app: App, node: NodeRuntime): void {
  app.get(
    "/stream",
    {
      schema: {
        tags: ["stream"],
        summary: "Server-Sent Events: every change, with its log position as id (resume with Last-Event-ID)",
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
      let last = resumeFrom ?? 0;
      const pending: StoredEvent[] = [];
      let replaying = resumeFrom !== undefined;
      const send = (events: readonly Pick<StoredEvent, "pos" | "type" | "space" | "subject" | "origin">[]) => {
        for (const e of events) {
          if (e.pos <= last) continue;
          last = e.pos;
          if (visible(e.type)) res.write(line(e));
        }
      };
      const unsubscribe = node.store.subscribe((events) => (replaying ? pending.push(...events) : send(events)));
      const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
      request.raw.socket.on("close", () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      if (resumeFrom !== undefined) {
        const rows = await node.db.connection((sql) => readLog(sql, resumeFrom, REPLAY_LIMIT));
        send(rows.map((r) => ({ pos: Number(r.pos), type: r.type, space: r.space, subject: r.subject, origin: r.origin })));
        replaying = false;
        send(pending.splice(0));
      }
    },
  );
}
