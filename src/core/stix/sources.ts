import type { Admiralty } from "./confidence";
import type { TlpLevel } from "./tlp";

/**
 * What the STIX layer is built from: plain records the server fills from the coordination and
 * border views. Keeping them apart from those views lets the mapping stay pure and testable,
 * and keeps STIX out of the domains' own schemas.
 *
 * `created` and `modified` are the times of the first and last event written about the
 * object (their hybrid-clock wall time): the same on every node that holds the object, so
 * both nodes give one object the same STIX version.
 */
export interface Stamped {
  readonly id: string;
  readonly ownerNode: string;
  readonly created: string;
  readonly modified: string;
}

/** A side of the agreement: one node, one armed force. */
export interface SideSource {
  readonly node: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2; empty when unknown. */
  readonly country: string;
  /** When this node first knew of that side (its genesis, or the pin of the peer). */
  readonly created: string;
}

/** An organised-crime group of the threat register. */
export interface GroupSource extends Stamped {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly activities: readonly string[];
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /** Areas of operation. */
  readonly sectorIds: readonly string[];
  readonly tlp: TlpLevel | null;
  readonly confidence: Admiralty | null;
}

/** A border sector or a crossing, as one point with a precision radius. */
export interface PlaceSource extends Stamped {
  readonly kind: "sector" | "crossing";
  readonly name: string;
  /** The sector's code; a crossing has none. */
  readonly code: string | null;
  readonly description: string;
  readonly lat: number;
  readonly lon: number;
  /** Metres around the point the place spans (a sector's half-length); null for a point. */
  readonly precision: number | null;
  /** ISO 3166-1 alpha-2 when the place lies on one side; null for a sector across the border. */
  readonly country: string | null;
  /** A STIX region (region-ov) when known. */
  readonly region: string | null;
}

/** An incident on the border, reported by the side on whose territory it happened. */
export interface IncidentSource extends Stamped {
  readonly type: string;
  readonly summary: string;
  readonly occurredAt: string;
  readonly lat: number;
  readonly lon: number;
  readonly country: string | null;
  readonly impact: string;
  readonly confidence: Admiralty | null;
}

/** An intelligence report and the Enlace objects it links to. */
export interface ReportSource extends Stamped {
  /** A short statement of the report (its STIX `name`). */
  readonly summary: string;
  /** Who the information came from, as the report names it. */
  readonly originator: string;
  readonly body: string;
  readonly tlp: TlpLevel;
  readonly confidence: Admiralty | null;
  /** When it was released (a binational copy) or written (a national report). */
  readonly published: string;
  readonly groupIds: readonly string[];
  readonly sectorIds: readonly string[];
  readonly crossingIds: readonly string[];
  readonly incidentIds: readonly string[];
  /** Withdrawn by its owner: STIX `revoked`. */
  readonly revoked?: boolean;
}

/**
 * A report with everything it references, ready to become a bundle. Links to objects the
 * graph does not hold are left out; `sides` names the nodes that own what it holds.
 */
export interface ReportGraph {
  readonly report: ReportSource;
  readonly sides: readonly SideSource[];
  readonly groups: readonly GroupSource[];
  readonly places: readonly PlaceSource[];
  readonly incidents: readonly IncidentSource[];
}
