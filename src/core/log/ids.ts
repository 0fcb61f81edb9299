/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort by creation
 * time, which keeps B-tree inserts local and lets a reader order objects without a join.
 */
export function uuidv7(now: number = Date.now()): string {
  // A v4 UUID supplies 122 random bits from the runtime's pooled generator; the first 48
  // become the timestamp and the version nibble becomes 7. The variant bits already match.
  const random = crypto.randomUUID();
  const ts = Math.floor(now).toString(16).padStart(12, "0").slice(-12);
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${random.slice(15)}`;
}

/** Matches any RFC 9562 UUID in its canonical lower-case text form. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
