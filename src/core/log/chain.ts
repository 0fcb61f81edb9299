import type { KeyObject } from "node:crypto";
import { canonicalEnvelope, canonicalSignedEnvelope, withSignature } from "./canonical";
import { sha256Hex, signBytes, verifyBytes } from "./crypto";
import type { ChainHead, Event, UnsignedEvent } from "./envelope";

/**
 * Signing and chaining. Invariant: an event's signature covers its canonical bytes without
 * `sig`; its hash is SHA-256 of the canonical bytes *with* `sig`, and the next event of the
 * same (space, origin) carries that hash as `prev`. So one valid signature on event N plus
 * recomputed hashes back to the genesis authenticates every event before N.
 */
export function signEvent(event: UnsignedEvent, key: KeyObject): { event: Event; hash: string } {
  const unsigned = canonicalEnvelope(event);
  const sig = signBytes(encoder.encode(unsigned), key);
  return { event: { ...event, sig }, hash: sha256Hex(withSignature(unsigned, sig)) };
}

const encoder = new TextEncoder();

export function eventHash(event: Event): string {
  return sha256Hex(canonicalSignedEnvelope(event));
}

export function verifyEventSignature(event: Event, key: KeyObject): boolean {
  return verifyBytes(encoder.encode(canonicalEnvelope(event)), event.sig, key);
}

/** Why an event does not continue its chain or does not carry its origin's signature. */
export type ChainFault = "gap" | "broken_link" | "bad_signature" | "malformed";

export interface ChainCheck {
  readonly ok: boolean;
  /** The head after the last event that passed. */
  readonly head: ChainHead;
  readonly fault?: { readonly index: number; readonly reason: ChainFault };
}

/**
 * Checks that `events` (one space, one origin, ascending seq) continue `from`. With
 * `signatures: "all"` every signature is checked; with `"last"` only the last one is, which
 * by the invariant above authenticates the batch once the links are recomputed.
 */
export function checkChain(events: readonly Event[], from: ChainHead, key: KeyObject, signatures: "all" | "last" = "all"): ChainCheck {
  let head = from;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Event;
    if (e.seq !== head.seq + 1) return { ok: false, head, fault: { index: i, reason: "gap" } };
    if (e.prev !== head.hash) return { ok: false, head, fault: { index: i, reason: "broken_link" } };
    const mustVerify = signatures === "all" || i === events.length - 1;
    let hash: string;
    try {
      if (mustVerify && !verifyEventSignature(e, key)) {
        return { ok: false, head, fault: { index: i, reason: "bad_signature" } };
      }
      hash = eventHash(e);
    } catch {
      // Content with no canonical form (e.g. a number that overflowed to Infinity) cannot
      // have been signed by anyone: refuse it as malformed rather than throw.
      return { ok: false, head, fault: { index: i, reason: "malformed" } };
    }
    head = { seq: e.seq, hash };
  }
  return { ok: true, head };
}
