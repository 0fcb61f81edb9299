import type { ServerResponse } from "node:http";

/** How far behind (bytes not yet taken by the client) before `log` lines are folded. */
const HIGH_WATER = 64 * 1024;

/**
 * Writes Server-Sent Events to one client without letting bulk traffic queue up ahead of
 * what matters. A catch-up can store tens of thousands of events in seconds; while the
 * client is more than 64 KiB behind, their `log` announcements are not written but folded
 * into one `resync` frame (id: the last position folded), sent once it has caught up, which
 * tells the client to refetch what it shows. Every other frame (a message, a receipt, an
 * escalation) is written at once, so it is never behind more than that much bulk.
 */
export function createSseWriter(res: ServerResponse, highWater = HIGH_WATER) {
  let folded: number | undefined;
  const raw = (text: string) => {
    if (!res.destroyed) res.write(text);
  };
  const catchUp = () => {
    if (folded === undefined || res.writableLength >= highWater) return;
    raw(`id: ${folded}\nevent: resync\ndata: ${JSON.stringify({ pos: folded })}\n\n`);
    folded = undefined;
  };
  res.on("drain", catchUp);
  return {
    /** A log announcement; it may be folded into a later `resync`. */
    log(pos: number, data: unknown): void {
      catchUp();
      if (folded !== undefined || res.writableLength >= highWater) {
        folded = Math.max(folded ?? 0, pos);
        return;
      }
      raw(`id: ${pos}\nevent: log\ndata: ${JSON.stringify(data)}\n\n`);
    },
    /** Any other frame, at once. While positions are folded it carries no id (the `resync` will). */
    frame(event: string, data: unknown, id?: number): void {
      catchUp();
      if (folded !== undefined && id !== undefined) {
        folded = Math.max(folded, id);
        raw(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        return;
      }
      raw(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text: string): void {
      raw(`: ${text}\n\n`);
    },
  };
}
