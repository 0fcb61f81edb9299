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
  activity: ["activities", "operations", "statements", "agreements", "progress", "coordination"],
  statement: ["statements", "agreements", "progress"],
  agreement: ["agreements", "statements", "progress"],
  operation: ["operations", "activities", "progress"],
  ministerial: ["meetings"],
  peer: ["peers"],
  receipt: ["peers"],
  space: ["spaces", "node", "peers"],
  user: ["users"],
  token: ["tokens"],
  // The border picture's queries all sit under one root: its figures, map and lists overlap.
  sector: ["border"],
  crossing: ["border"],
  deployment: ["border"],
  patrol: ["border"],
  incident: ["border"],
  // A conversation opened or changed; message events are handled by their own frames (src/web/channel/live-channel.ts).
  conversation: ["channel"],
  // Regional coordination's queries sit under one root: units, meetings and the register cross-refer.
  unit: ["coordination"],
  meeting: ["coordination"],
  meeting_series: ["coordination"],
  reminder: ["coordination"],
  threat_actor: ["coordination"],
  risk_factor: ["coordination"],
  threat_assessment: ["coordination"],
  intel_report: ["coordination"],
  rfi: ["coordination"],
};

/** The query-key roots to invalidate for one log event. */
export function queryRootsFor(type: string): readonly string[] {
  return BY_PREFIX[type.split(".")[0] ?? ""] ?? [];
}
