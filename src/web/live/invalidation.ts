/** One message of GET /api/v1/stream (`event: log`). */
export interface LogMessage {
  pos: number;
  type: string;
  space: string;
  subject: string;
  origin: string;
}

/**
 * Which cached queries an event type makes stale, by the first part of its type. Roll-ups
 * and reports derive from activities, so an activity event refreshes them too.
 */
const BY_PREFIX: Record<string, readonly string[]> = {
  activity: ["activities", "operations", "statements", "agreements", "progress"],
  statement: ["statements", "agreements", "progress"],
  agreement: ["agreements", "statements", "progress"],
  operation: ["operations", "activities", "progress"],
  ministerial: ["meetings"],
  peer: ["peers"],
  receipt: ["peers"],
  space: ["spaces", "node", "peers"],
  user: ["users"],
  token: ["tokens"],
};

/** The query-key roots to invalidate for one log event. */
export function queryRootsFor(type: string): readonly string[] {
  return BY_PREFIX[type.split(".")[0] ?? ""] ?? [];
}
