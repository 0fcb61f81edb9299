import { z } from "zod";
import type { Database } from "../db/database";
import { listPeers } from "./queries";
import type { PeerState } from "./replicator";

export const peerStatusSchema = z.object({
  node: z.string(),
  name: z.string(),
  url: z.string(),
  status: z.enum(["connected", "unreachable", "quarantined", "pending"]),
  lagEvents: z.number().int(),
  lastContact: z.string().nullable(),
  lastError: z.string().nullable(),
  quarantined: z.number().int(),
});
export type PeerStatus = z.infer<typeof peerStatusSchema>;

/** A peer counts as connected when it answered within this window. */
const CONTACT_WINDOW_MS = 60_000;

/**
 * Each peer's state: reachability, how many events it holds that we have not applied yet
 * (from the heads it last reported), and open quarantines. Reads the replicator's memory
 * when it runs in this process, otherwise what it last persisted (for the CLI).
 */
export async function peerStatuses(db: Database, live?: Map<string, PeerState>, now = Date.now()): Promise<PeerStatus[]> {
  return db.connection(async (sql) => {
    const peers = await listPeers(sql);
    const saved = new Map(
      (
        await sql.all<{ peer: string; last_contact: number | null; last_error: string | null; remote_heads: string }>(
          "SELECT * FROM peer_status",
        )
      ).map((r) => [
        r.peer,
        {
          lastContact: r.last_contact === null ? null : Number(r.last_contact),
          lastError: r.last_error,
          remoteHeads: JSON.parse(r.remote_heads),
        },
      ]),
    );
    const heads = await sql.all<{ space: string; origin: string; seq: number }>("SELECT space, origin, seq FROM heads");
    const local = new Map(heads.map((h) => [`${h.space}\u0000${h.origin}`, Number(h.seq)]));
    const open = await sql.all<{ peer: string; n: number }>(
      "SELECT peer, COUNT(*) AS n FROM quarantine WHERE resolution IS NULL GROUP BY peer",
    );
    const quarantined = new Map(open.map((r) => [r.peer, Number(r.n)]));
    return peers.map((p) => {
      const state: PeerState = live?.get(p.node) ?? saved.get(p.node) ?? { lastContact: null, lastError: null, remoteHeads: {} };
      let lag = 0;
      for (const [space, origins] of Object.entries(state.remoteHeads)) {
        for (const [origin, seq] of Object.entries(origins)) lag += Math.max(0, seq - (local.get(`${space}\u0000${origin}`) ?? 0));
      }
      const q = quarantined.get(p.node) ?? 0;
      const recent = state.lastContact !== null && now - state.lastContact < CONTACT_WINDOW_MS;
      const status =
        q > 0
          ? "quarantined"
          : recent && !state.lastError
            ? "connected"
            : state.lastContact === null && !state.lastError
              ? "pending"
              : "unreachable";
      return {
        node: p.node,
        name: p.name,
        url: p.url,
        status,
        lagEvents: lag,
        lastContact: state.lastContact === null ? null : new Date(state.lastContact).toISOString(),
        lastError: state.lastError,
        quarantined: q,
      };
    });
  });
}
