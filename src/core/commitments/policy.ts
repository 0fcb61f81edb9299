import type { Role } from "../admin/schema";

/**
 * Who may do what with commitments. Planners and commanders record statements; officers
 * run operations and activities and report on them; analysts report; viewers read. Whether
 * a node owns an activity is a separate rule (single writer), checked by the decisions.
 */
export const COMMITMENT_ACTIONS = [
  "commitments.read",
  "statement.record",
  "operation.manage",
  "activity.manage",
  "activity.report",
] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];

const ALLOWED: Record<CommitmentAction, readonly Role[]> = {
  "commitments.read": ["admin", "commander", "officer", "analyst", "viewer"],
  "statement.record": ["admin", "commander"],
  "operation.manage": ["admin", "commander", "officer"],
  "activity.manage": ["admin", "commander", "officer"],
  "activity.report": ["admin", "commander", "officer", "analyst"],
};

export function canCommit(role: Role, action: CommitmentAction): boolean {
  return ALLOWED[action].includes(role);
}
