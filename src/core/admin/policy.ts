import type { Role } from "./schema";

/**
 * Who may do what in administration. One table, read by routes, the CLI and tests alike;
 * the role × action matrix test walks every cell of it.
 */
export const ADMIN_ACTIONS = ["node.read", "self.read", "user.list", "user.manage", "token.own", "token.any", "audit.read"] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

const everyone: readonly Role[] = ["admin", "commander", "officer", "analyst", "viewer"];

const ALLOWED: Record<AdminAction, readonly Role[]> = {
  "node.read": everyone,
  "self.read": everyone,
  "user.list": ["admin", "commander"],
  "user.manage": ["admin"],
  "token.own": ["admin", "commander", "officer", "analyst"],
  "token.any": ["admin"],
  "audit.read": ["admin"],
};

export function canAdmin(role: Role, action: AdminAction): boolean {
  return ALLOWED[action].includes(role);
}
