import type { KeyObject } from "node:crypto";
import { checkChain, eventHash } from "../../core/log/chain";
import { EMPTY_HEAD } from "../../core/log/envelope";
import type { Database, Sql } from "./database";
import { readChain, rowToEvent } from "./rows";

/** The first event that breaks its chain, named the way an operator looks it up. */
export interface VerifyFault {
  readonly space: string;
  readonly origin: string;
  readonly seq: number;
  readonly reason: "gap" | "broken_link" | "bad_signature" | "malformed" | "hash_mismatch" | "truncated" | "unknown_origin";
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly chains: number;
  readonly events: number;
  readonly fault?: VerifyFault;
}

const PAGE = 5000;

const MESSAGES: Record<VerifyFault["reason"], string> = {
  gap: "an event is missing before this one (dropped)",
  broken_link: "its prev does not match the previous event (altered or reordered)",
  bad_signature: "its signature does not verify with the origin's key (altered or re-signed)",
  malformed: "its content has no canonical form (altered)",
  hash_mismatch: "its stored hash is not the hash of its content (altered)",
  truncated: "the chain head records events that are no longer in the log (dropped)",
  unknown_origin: "no key is pinned for its origin",
};

/**
 * Re-checks every chain of the log from its genesis: sequence, links, every signature,
 * the stored hashes, and that each chain still reaches the head recorded beside it (which
 * catches a dropped last event). Stops at the first fault.
 */
export async function verifyLog(
  db: Database,
  keyOf: (origin: string, sql: Sql) => KeyObject | undefined | Promise<KeyObject | undefined>,
): Promise<VerifyReport> {
  return db.snapshot(async (sql) => {
    const chains = await sql.all<{ space: string; origin: string; seq: number | null; hash: string | null }>(
      `SELECT c.space, c.origin, h.seq, h.hash FROM
         (SELECT DISTINCT space, origin FROM events UNION SELECT space, origin FROM heads) c
         LEFT JOIN heads h ON h.space = c.space AND h.origin = c.origin
       ORDER BY c.space, c.origin`,
    );
    let events = 0;
    const fail = (space: string, origin: string, seq: number, reason: VerifyFault["reason"]): VerifyReport => ({
      ok: false,
      chains: chains.length,
      events,
      fault: { space, origin, seq, reason, message: MESSAGES[reason] },
    });
    for (const chain of chains) {
      const key = await keyOf(chain.origin, sql);
      if (!key) return fail(chain.space, chain.origin, 1, "unknown_origin");
      let head = EMPTY_HEAD;
      for (;;) {
        const rows = await readChain(sql, chain.space, chain.origin, head.seq, PAGE);
        if (rows.length === 0) break;
        const evs = rows.map(rowToEvent);
        const check = checkChain(evs, head, key, "all");
        // A wrong stored hash before the chain's first fault is the first bad event.
        for (let i = 0; i < (check.fault?.index ?? rows.length); i++) {
          const row = rows[i];
          const ev = evs[i];
          if (row && ev && row.hash !== eventHash(ev)) return fail(chain.space, chain.origin, ev.seq, "hash_mismatch");
        }
        if (check.fault) {
          // For a gap the missing event is the one after the last good head.
          const seq = check.fault.reason === "gap" ? check.head.seq + 1 : (evs[check.fault.index]?.seq ?? check.head.seq + 1);
          return fail(chain.space, chain.origin, seq, check.fault.reason);
        }
        events += rows.length;
        head = check.head;
      }
      if (chain.seq !== null && (Number(chain.seq) !== head.seq || chain.hash !== head.hash)) {
        return fail(chain.space, chain.origin, head.seq + 1, "truncated");
      }
    }
    return { ok: true, chains: chains.length, events };
  });
}
