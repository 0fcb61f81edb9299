import { DomainError } from "../errors";
import type { EventRule } from "../log/registry";
import { BORDER_TOLERANCE_M, type BorderGeo, type Side, sideOfCountry } from "./geo";
import type { Position } from "./schema";

/**
 * The own-territory rule of agreement 2: each side records crossings, deployments, patrols
 * and incidents only on its own territory (or on the border line itself, within
 * BORDER_TOLERANCE_M). Commands check it to name the field at fault; the same rule is
 * attached to the event types, so a peer's event that breaks it is quarantined, not shown.
 */
const COUNTRY_NAMES: Record<Side, string> = { co: "Colombia", ve: "Venezuela" };

const fmt = (p: Position) => `(${p.lat.toFixed(5)}, ${p.lon.toFixed(5)})`;
const km = (m: number) => `${(m / 1000).toFixed(1)} km`;

/** The side a node's country stands for; a node of any other country records no positions. */
export function sideOf(country: string | undefined): Side {
  const side = country ? sideOfCountry(country) : null;
  if (!side) {
    throw new DomainError(
      "border.no_territory",
      `this node's country (${country ?? "unknown"}) is neither Colombia (CO) nor Venezuela (VE): it cannot record positions on the border`,
    );
  }
  return side;
}

/** Why `side` may not record at `p`, or undefined when it may. */
export function territoryProblem(geo: BorderGeo, side: Side, p: Position): string | undefined {
  const c = geo.check(side, p);
  if (c.ok) return undefined;
  const where = c.territory ? `in ${COUNTRY_NAMES[c.territory]}` : `outside ${COUNTRY_NAMES[side]}`;
  return `${fmt(p)} is ${where}, ${km(c.borderDistanceM ?? 0)} from the border line; ${COUNTRY_NAMES[side]} records only on its own territory or within ${BORDER_TOLERANCE_M} m of the border`;
}

/** Throws `border.outside_own_territory` naming `field` when `side` may not record at `p`. */
export function requireOwnTerritory(geo: BorderGeo, side: Side, p: Position, field: string): void {
  const why = territoryProblem(geo, side, p);
  if (why) throw new DomainError("border.outside_own_territory", `${field}: ${why}`, field);
}

/** Every position an event of these types carries, with the field that holds it. */
function positionsOf(type: string, data: Record<string, unknown>): { field: string; p: Position }[] {
  if (type === "patrol.reported") {
    const route = (data.route ?? []) as [number, number][];
    return route.map(([lon, lat], i) => ({ field: `route.${i}`, p: { lat, lon } }));
  }
  const p = data.position as Position | undefined;
  return p ? [{ field: "position", p }] : [];
}

/** Event types that carry positions, each bound to the own-territory rule. */
export const POSITIONED_TYPES = ["crossing.recorded", "deployment.recorded", "patrol.reported", "incident.reported"] as const;

/** The own-territory rule for the event registry; `geo` is called only when a rule runs. */
export function ownTerritoryRule(type: string, geo: () => BorderGeo): EventRule {
  return (event, writer) => {
    const side = writer.country ? sideOfCountry(writer.country) : null;
    if (!side) return `${event.origin} (country ${writer.country ?? "unknown"}) is neither side of the border and records no positions`;
    for (const { field, p } of positionsOf(type, event.data)) {
      const why = territoryProblem(geo(), side, p);
      if (why) return `${field}: ${why}`;
    }
    return undefined;
  };
}
