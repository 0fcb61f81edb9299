import { type Admiralty, admiraltyCode, stixConfidence } from "./confidence";
import { stixId } from "./ids";
import type { GroupSource, IncidentSource, PlaceSource, ReportSource, SideSource, Stamped } from "./sources";
import { laterOf, stixTime } from "./time";
import { TLP_MARKING_IDS, type TlpLevel } from "./tlp";

/**
 * One builder per STIX object Enlace writes. Every object carries `spec_version` 2.1, a
 * deterministic id, `created_by_ref` (the identity of the node that owns the Enlace object),
 * millisecond `created` ≤ `modified`, and one TLP 2.0 marking.
 *
 * An object's marking is its own: its TLP when the Enlace object has one, otherwise a fixed
 * default by kind (identities CLEAR, everything else AMBER). It never depends on which report
 * refers to it, so one id and `modified` always name one content, as STIX requires.
 */
export interface StixObject {
  readonly type: string;
  readonly spec_version?: "2.1";
  readonly id: string;
  readonly [property: string]: unknown;
}

/** The marking of what has no TLP of its own in Enlace (sectors, crossings, incidents). */
export const DEFAULT_TLP: TlpLevel = "amber";
/** The sides' identities are public: each force's name. */
export const IDENTITY_TLP: TlpLevel = "clear";

/** The STIX id each Enlace object (or side) is written under, here and in TAXII alike. */
export const identityId = (node: string) => stixId("identity", `node/${node}`);
export const reportId = (id: string) => stixId("report", id);
export const threatActorId = (id: string) => stixId("threat-actor", id);
export const placeId = (id: string) => stixId("location", id);
export const incidentId = (id: string) => stixId("incident", id);
export const sightingId = (id: string) => stixId("sighting", id);
/** The point where an incident happened (its own location, apart from sectors and crossings). */
export const incidentPlaceId = (id: string) => stixId("location", `incident/${id}`);
export const locatedAtId = (groupId: string, sectorId: string) => stixId("relationship", `${groupId}/located-at/${sectorId}`);

function base(type: string, id: string, s: Stamped, tlp: TlpLevel) {
  const created = stixTime(s.created);
  return {
    type,
    spec_version: "2.1" as const,
    id,
    created_by_ref: identityId(s.ownerNode),
    created,
    modified: laterOf(stixTime(s.modified), created),
    object_marking_refs: [TLP_MARKING_IDS[tlp]],
  };
}

/** `confidence` and the Admiralty code, both omitted when there is no grading. */
function grading(a: Admiralty | null) {
  if (!a) return {};
  const confidence = stixConfidence(a);
  return { ...(confidence === undefined ? {} : { confidence }), x_enlace_admiralty: admiraltyCode(a) };
}

const text = (key: string, value: string) => (value.trim() ? { [key]: value } : {});
const list = (key: string, values: readonly string[]) => (values.length ? { [key]: [...values] } : {});

/**
 * A side as an organisation, created by itself: the identity reads the same whichever node
 * writes it, so both nodes serve one identity version.
 */
export function identityObject(side: SideSource): StixObject {
  const created = stixTime(side.created);
  return {
    type: "identity",
    spec_version: "2.1",
    id: identityId(side.node),
    created_by_ref: identityId(side.node),
    created,
    modified: created,
    name: side.name,
    identity_class: "organization",
    sectors: ["defense"],
    x_enlace_node: side.node,
    ...(side.country ? { x_enlace_country: side.country } : {}),
    object_marking_refs: [TLP_MARKING_IDS[IDENTITY_TLP]],
  };
}

/** An organised-crime group as a `crime-syndicate` threat actor. */
export function threatActorObject(g: GroupSource): StixObject {
  const first = g.firstSeen ? stixTime(g.firstSeen) : undefined;
  let last = g.lastSeen ? stixTime(g.lastSeen) : undefined;
  // STIX: last_seen MUST NOT be before first_seen; an inconsistent pair keeps the first.
  if (first && last && last < first) last = undefined;
  return {
    ...base("threat-actor", threatActorId(g.id), g, g.tlp ?? DEFAULT_TLP),
    name: g.name,
    ...text("description", g.description),
    threat_actor_types: ["crime-syndicate"],
    ...list("aliases", g.aliases),
    ...list("goals", g.activities),
    ...(first ? { first_seen: first } : {}),
    ...(last ? { last_seen: last } : {}),
    ...grading(g.confidence),
  };
}

/** A group operates in a sector: `located-at`, defined by STIX for threat actors. */
export function locatedAtObject(g: GroupSource, sectorId: string): StixObject {
  return {
    ...base("relationship", locatedAtId(g.id, sectorId), g, g.tlp ?? DEFAULT_TLP),
    relationship_type: "located-at",
    source_ref: threatActorId(g.id),
    target_ref: placeId(sectorId),
  };
}

/** A sector or crossing as a location: a point, and for a sector the radius it spans. */
export function placeObject(p: PlaceSource): StixObject {
  return {
    ...base("location", placeId(p.id), p, DEFAULT_TLP),
    name: p.code ? `${p.code} ${p.name}` : p.name,
    ...text("description", p.description),
    latitude: p.lat,
    longitude: p.lon,
    ...(p.precision !== null ? { precision: Math.round(p.precision) } : {}),
    ...(p.region ? { region: p.region } : {}),
    ...(p.country ? { country: p.country } : {}),
    x_enlace_kind: p.kind,
    ...(p.code ? { x_enlace_code: p.code } : {}),
  };
}

/**
 * An incident becomes three objects: the STIX 2.1 `incident` (what happened), the `location`
 * of the exact point, and a `sighting` of the incident there by the side that reported it
 * (when, where, how sure). `observed-data` is not used: it carries cyber observables, and a
 * border incident has none to offer. The sighting names only the point and the reporting
 * side, so its content depends on the incident alone, whichever report carries it.
 */
export function incidentObjects(i: IncidentSource): StixObject[] {
  const at = stixTime(i.occurredAt);
  const firstLine = i.summary.split("\n")[0]?.trim() ?? "";
  const incident = {
    ...base("incident", incidentId(i.id), i, DEFAULT_TLP),
    name: firstLine ? firstLine.slice(0, 200) : `${i.type} ${at.slice(0, 10)}`,
    ...text("description", i.summary),
    x_enlace_incident_type: i.type,
    x_enlace_impact: i.impact,
    x_enlace_occurred_at: at,
    ...grading(i.confidence),
  };
  const point = {
    ...base("location", incidentPlaceId(i.id), i, DEFAULT_TLP),
    latitude: i.lat,
    longitude: i.lon,
    ...(i.country ? { country: i.country } : {}),
    x_enlace_kind: "incident",
  };
  const sighting = {
    ...base("sighting", sightingId(i.id), i, DEFAULT_TLP),
    sighting_of_ref: incidentId(i.id),
    first_seen: at,
    last_seen: at,
    count: 1,
    where_sighted_refs: [incidentPlaceId(i.id), identityId(i.ownerNode)],
    ...grading(i.confidence),
  };
  return [incident, point, sighting];
}

/** The report itself: its summary is the name, its body the description; `objectRefs` are everything it refers to. */
export function reportObject(r: ReportSource, objectRefs: readonly string[]): StixObject {
  return {
    ...base("report", reportId(r.id), r, r.tlp),
    name: r.summary,
    ...text("description", r.body),
    report_types: ["threat-report"],
    published: stixTime(r.published),
    object_refs: [...objectRefs],
    ...grading(r.confidence),
    x_enlace_originator: r.originator,
    ...(r.revoked ? { revoked: true } : {}),
  };
}
