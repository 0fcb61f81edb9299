import type { Role } from "../admin/schema";

/**
 * Who may move intelligence through STIX and TAXII. Whoever reads intelligence in the console
 * may take it out as a bundle or through TAXII (the same data, in the analysts' formats);
 * importing writes national reports and groups, so it is for those who write intelligence.
 * No TAXII collection accepts writes: sharing stays an explicit release.
 */
export const STIX_ACTIONS = ["stix.export", "stix.import", "taxii.read"] as const;
export type StixAction = (typeof STIX_ACTIONS)[number];

const ALLOWED: Record<StixAction, readonly Role[]> = {
  "stix.export": ["admin", "commander", "officer", "analyst", "viewer"],
  "stix.import": ["admin", "commander", "officer", "analyst"],
  "taxii.read": ["admin", "commander", "officer", "analyst", "viewer"],
};

export function canStix(role: Role, action: StixAction): boolean {
  return ALLOWED[action].includes(role);
}
