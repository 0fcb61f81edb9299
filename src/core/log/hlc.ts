/**
 * Hybrid logical clock (Kulkarni et al., 2014). A timestamp is wall-clock milliseconds plus
 * a counter, so it stays close to real time for humans yet never runs backwards and orders
 * causally related events across nodes whose clocks disagree a little.
 *
 * Text form: `<ISO 8601 UTC with milliseconds>/<counter as 4 hex digits>`, e.g.
 * `2026-11-27T18:40:00.000Z/0000`. It sorts lexicographically in time order.
 */
export interface Hlc {
  readonly ms: number;
  readonly counter: number;
}

/** How far ahead of our wall clock a remote timestamp may be before we refuse it. */
export const DEFAULT_MAX_DRIFT_MS = 60_000;
const MAX_COUNTER = 0xffff;

export class HlcDriftError extends Error {
  constructor(
    readonly remote: string,
    readonly driftMs: number,
  ) {
    super(`clock drift of ${driftMs} ms exceeds the bound (remote ${remote})`);
  }
}

export function formatHlc(h: Hlc): string {
  return `${new Date(h.ms).toISOString()}/${h.counter.toString(16).padStart(4, "0")}`;
}

const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\/([0-9a-f]{4})$/;

export function parseHlc(text: string): Hlc {
  const m = HLC_PATTERN.exec(text);
  const ms = m ? Date.parse(m[1] ?? "") : Number.NaN;
  if (!m || Number.isNaN(ms)) throw new TypeError(`not a hybrid logical clock value: ${text}`);
  const h = { ms, counter: Number.parseInt(m[2] ?? "0", 16) };
  // Date.parse normalises impossible dates ("02-30", "24:00"); such text would not sort in
  // time order, so only the one text formatHlc gives for an instant is accepted.
  if (formatHlc(h) !== text) throw new TypeError(`not a canonical hybrid logical clock value: ${text}`);
  return h;
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.ms - b.ms || a.counter - b.counter;
}

/** A clock is a function so tests and benchmarks can control time explicitly. */
export type WallClock = () => number;

/**
 * One node's clock. `now()` stamps a local event; `observe()` folds in a timestamp
 * received from elsewhere (a chain head, a remote event) so later local stamps follow it.
 */
export function createHlc(wall: WallClock = Date.now, maxDriftMs = DEFAULT_MAX_DRIFT_MS) {
  let last: Hlc = { ms: 0, counter: 0 };

  function advance(floor: Hlc): Hlc {
    const physical = wall();
    if (physical > floor.ms) return { ms: physical, counter: 0 };
    if (floor.counter < MAX_COUNTER) return { ms: floor.ms, counter: floor.counter + 1 };
    // The counter is exhausted within one millisecond: borrow the next one.
    return { ms: floor.ms + 1, counter: 0 };
  }

  return {
    /** A new timestamp later than every one this clock has issued or observed. */
    now(): string {
      last = advance(last);
      return formatHlc(last);
    },
    /** Moves past a timestamp this node wrote itself (a chain head read at start). */
    advanceTo(own: string): void {
      const h = parseHlc(own);
      if (compareHlc(h, last) > 0) last = h;
    },
    /** Folds in a remote timestamp; refuses one too far in our future. */
    observe(remote: string): void {
      const r = parseHlc(remote);
      const drift = r.ms - wall();
      if (drift > maxDriftMs) throw new HlcDriftError(remote, drift);
      if (compareHlc(r, last) > 0) last = r;
    },
  };
}

export type HybridClock = ReturnType<typeof createHlc>;

/** The wall-clock part of an HLC value as ISO 8601: when the event was recorded. */
export function hlcIso(text: string): string {
  return text.slice(0, 24);
}
