import type { Role } from "../admin/schema";

/**
 * Who may do what in regional coordination. Commanders and admins define units; officers run
 * meetings and confirm their units' attendance; analysts keep the threat register and write
 * intelligence; releasing intelligence and consenting to its re-release are a commander's
 * (or an officer's) deliberate act; viewers read. Which node owns an object, and which units
 * an officer's scope covers, are separate rules checked by the commands.
 */
export const COORDINATION_ACTIONS = [
  "coordination.read",
  "unit.manage",
  "meeting.manage",
  "meeting.attend",
  "threat.manage",
  "intel.write",
  "intel.release",
  "intel.consent",
  "rfi.manage",
] as const;
export type CoordinationAction = (typeof COORDINATION_ACTIONS)[number];

const ALLOWED: Record<CoordinationAction, readonly Role[]> = {
  "coordination.read": ["admin", "commander", "officer", "analyst", "viewer"],
  "unit.manage": ["admin", "commander"],
  "meeting.manage": ["admin", "commander", "officer"],
  "meeting.attend": ["admin", "commander", "officer"],
  "threat.manage": ["admin", "commander", "officer", "analyst"],
  "intel.write": ["admin", "commander", "officer", "analyst"],
  "intel.release": ["admin", "commander", "officer"],
  "intel.consent": ["admin", "commander"],
  "rfi.manage": ["admin", "commander", "officer", "analyst"],
};

export function canCoordinate(role: Role, action: CoordinationAction): boolean {
  return ALLOWED[action].includes(role);
}
