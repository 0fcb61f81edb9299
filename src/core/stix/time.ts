/**
 * STIX timestamps: RFC 3339 in UTC with exactly three fractional digits. `created` and
 * `modified` MUST be precise to the millisecond (STIX 2.1 §3.2); writing every timestamp
 * the same way keeps them comparable as text.
 */
export const STIX_MS_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant (ms since the epoch, or any text Date understands) as a STIX timestamp. */
export function stixTime(at: number | string): string {
  if (typeof at === "string" && STIX_MS_TIMESTAMP.test(at)) return at;
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return new Date(ms).toISOString();
}

/** The later of two STIX timestamps (same format, so text order is time order). */
export const laterOf = (a: string, b: string) => (a >= b ? a : b);
