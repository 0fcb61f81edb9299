import type { Role } from "../admin/schema";

/** Who may act on the federation: only admins peer, create spaces and handle quarantine. */
export const FEDERATION_ACTIONS = ["peer.read", "peer.manage", "space.read", "space.manage", "quarantine.manage"] as const;
export type FederationAction = (typeof FEDERATION_ACTIONS)[number];

const everyone: readonly Role[] = ["admin", "commander", "officer", "analyst", "viewer"];

const ALLOWED: Record<FederationAction, readonly Role[]> = {
  "peer.read": everyone,
  "peer.manage": ["admin"],
  "space.read": everyone,
  "space.manage": ["admin"],
  "quarantine.manage": ["admin"],
};

export function canFederate(role: Role, action: FederationAction): boolean {
  return ALLOWED[action].includes(role);
}
