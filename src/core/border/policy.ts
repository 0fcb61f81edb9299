import type { Role } from "../admin/schema";

/**
 * Who may do what in the border picture. Commanders define sectors and agree their levels;
 * officers record crossings, presence and incidents; analysts report incidents and add
 * follow-ups; viewers read. Whether this node owns the object is a separate rule (single
 * writer), checked by the decisions; whether a position is on this side's territory too.
 */
export const BORDER_ACTIONS = [
  "border.read",
  "sector.manage",
  "sector.level",
  "crossing.manage",
  "presence.record",
  "incident.report",
  "incident.followup",
  "incident.close",
  "incident.release",
] as const;
export type BorderAction = (typeof BORDER_ACTIONS)[number];

const ALLOWED: Record<BorderAction, readonly Role[]> = {
  "border.read": ["admin", "commander", "officer", "analyst", "viewer"],
  "sector.manage": ["admin", "commander"],
  "sector.level": ["admin", "commander"],
  "crossing.manage": ["admin", "commander", "officer"],
  "presence.record": ["admin", "commander", "officer"],
  "incident.report": ["admin", "commander", "officer", "analyst"],
  "incident.followup": ["admin", "commander", "officer", "analyst"],
  "incident.close": ["admin", "commander", "officer"],
  "incident.release": ["admin", "commander"],
};

export function canBorder(role: Role, action: BorderAction): boolean {
  return ALLOWED[action].includes(role);
}
