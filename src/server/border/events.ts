import { BORDER_EVENTS } from "../../core/border/events";
import { ownTerritoryRule, POSITIONED_TYPES } from "../../core/border/territory";
import type { EventDefinition } from "../../core/log/registry";
import { borderGeo } from "./atlas";

/**
 * The border event types as a node registers them: those that carry positions get the
 * own-territory rule, bound to the Natural Earth shapes read from node_modules (loaded on
 * the first positioned event, not when a node starts).
 */
export function borderEventDefinitions(): EventDefinition[] {
  const positioned = new Set<string>(POSITIONED_TYPES);
  return BORDER_EVENTS.map((def) => (positioned.has(def.type) ? { ...def, rule: ownTerritoryRule(def.type, borderGeo) } : def));
}
