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

const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\/[0-9a-f]{4}$/;
const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (valid for any year; exact integers). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The decimal value of text[from, to), all digits. */
function digits(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + text.charCodeAt(i) - 48;
  return v;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses only the one text formatHlc gives for an instant. Impossible dates ("02-30",
 * "24:00"), which Date.parse would normalise to another instant, are refused: such text
 * would not sort in time order. Plain integer arithmetic: this runs once per received event.
 */
export function parseHlc(text: string): Hlc {
  if (!HLC_PATTERN.test(text)) throw new TypeError(`not a hybrid logical clock value: ${text}`);
  // The pattern fixed every position, so the fields are read straight from the digits.
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  const h = digits(text, 11, 13);
  const mi = digits(text, 14, 16);
  const s = digits(text, 17, 19);
  const monthDays = mo === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > monthDays || h > 23 || mi > 59 || s > 59) {
    throw new TypeError(`not a canonical hybrid logical clock value: ${text}`);
  }
  const time = ((h * 60 + mi) * 60 + s) * 1000 + digits(text, 20, 23);
  return { ms: daysFromCivil(y, mo, d) * MS_PER_DAY + time, counter: Number.parseInt(text.slice(25, 29), 16) };
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
