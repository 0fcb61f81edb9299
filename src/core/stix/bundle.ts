import { typePrefix, uuidv5 } from "./ids";
import {
  identityId,
  identityObject,
  incidentId,
  incidentObjects,
  incidentPlaceId,
  locatedAtId,
  locatedAtObject,
  placeId,
  placeObject,
  reportObject,
  type StixObject,
  sightingId,
  threatActorId,
  threatActorObject,
} from "./objects";
import type { ReportGraph, SideSource } from "./sources";
import { stixTime } from "./time";
import { type TlpLevel, tlpMarking, tlpOfMarkingId } from "./tlp";

/** The media type of a STIX 2.1 bundle (STIX 2.1 §1.5). */
export const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

export interface Bundle {
  readonly type: "bundle";
  readonly id: string;
  readonly objects: readonly StixObject[];
}

/** The order objects appear in a bundle: definitions first, the report last. */
const ORDER = ["marking-definition", "identity", "location", "threat-actor", "incident", "sighting", "relationship", "report"];
const rank = (type: string) => {
  const i = ORDER.indexOf(type);
  return i < 0 ? ORDER.length : i;
};

/** Sorts ids by kind then id; the kind's rank is read once per id. */
function sortIds(ids: readonly string[]): string[] {
  return ids
    .map((id) => ({ id, r: rank(typePrefix(id)) }))
    .sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.id);
}

/** Sorts objects by kind then id, so one graph always gives the same bytes. */
export function sortObjects(objects: readonly StixObject[]): StixObject[] {
  const byId = new Map(objects.map((o) => [o.id, o]));
  return sortIds([...byId.keys()]).map((id) => byId.get(id) as StixObject);
}

/** The ids and owners of a report's graph: all its `object_refs` depend on. */
export interface GraphShape {
  readonly report: { readonly ownerNode: string };
  readonly groups: readonly { readonly id: string; readonly ownerNode: string; readonly sectorIds: readonly string[] }[];
  readonly places: readonly { readonly id: string; readonly kind: "sector" | "crossing"; readonly ownerNode: string }[];
  readonly incidents: readonly { readonly id: string; readonly ownerNode: string }[];
}

/**
 * A report's `object_refs`: the identities of the sides that own something in its graph,
 * its places, groups and where they operate, and its incidents with their points and
 * sightings. Computed from ids alone, so a TAXII page can write a report without loading
 * what it refers to, and says exactly what the report's bundle holds.
 */
export function reportRefs(shape: GraphShape): string[] {
  const sectors = new Set(shape.places.filter((p) => p.kind === "sector").map((p) => p.id));
  const owners = [shape.report, ...shape.groups, ...shape.places, ...shape.incidents].map((o) => o.ownerNode);
  const ids = [
    ...owners.map(identityId),
    ...shape.places.map((p) => placeId(p.id)),
    ...shape.groups.flatMap((g) => [threatActorId(g.id), ...g.sectorIds.filter((s) => sectors.has(s)).map((s) => locatedAtId(g.id, s))]),
    ...shape.incidents.flatMap((i) => [incidentId(i.id), incidentPlaceId(i.id), sightingId(i.id)]),
  ];
  return sortIds([...new Set(ids)]);
}

/** The marking definitions the objects use, each once. */
export function markingsFor(objects: readonly StixObject[]): StixObject[] {
  const levels = new Set<TlpLevel>();
  for (const o of objects) {
    for (const ref of (o.object_marking_refs as string[] | undefined) ?? []) {
      const level = tlpOfMarkingId(ref);
      if (level) levels.add(level);
    }
  }
  return [...levels].map(tlpMarking);
}

/** An identity for every node that owns something in the graph, even one without a known name. */
function sidesFor(graph: ReportGraph): SideSource[] {
  const items = [graph.report, ...graph.groups, ...graph.places, ...graph.incidents];
  const known = new Map(graph.sides.map((s) => [s.node, s]));
  const earliest = items.map((o) => stixTime(o.created)).sort()[0] as string;
  const owners = [...new Set(items.map((o) => o.ownerNode))];
  return owners.map((node) => known.get(node) ?? { node, name: node, country: "", created: earliest });
}

/**
 * A report and everything it references, as STIX objects: the identities of the sides that
 * own them, places, groups (and where they operate), incidents, markings. The report's
 * `object_refs` name all of them, so every reference in the result names an object in it.
 */
export function reportObjects(graph: ReportGraph): StixObject[] {
  const sectors = new Set(graph.places.filter((p) => p.kind === "sector").map((p) => p.id));
  const content: StixObject[] = [
    ...sidesFor(graph).map(identityObject),
    ...graph.places.map(placeObject),
    ...graph.groups.flatMap((g) => [threatActorObject(g), ...g.sectorIds.filter((s) => sectors.has(s)).map((s) => locatedAtObject(g, s))]),
    ...graph.incidents.flatMap(incidentObjects),
  ];
  const unique = [...new Map(content.map((o) => [o.id, o])).values()];
  // The same ids reportRefs(graph) gives, read off the objects instead of hashed again.
  const all = [...unique, reportObject(graph.report, sortIds(unique.map((o) => o.id)))];
  return sortObjects([...markingsFor(all), ...all]);
}

/**
 * The bundle of one report. Its id is derived from the report's id and version, so an
 * unchanged report exports as the same bundle.
 */
export function reportBundle(graph: ReportGraph): Bundle {
  const objects = reportObjects(graph);
  const report = objects.find((o) => o.type === "report");
  return { type: "bundle", id: `bundle--${uuidv5(`bundle/${graph.report.id}/${String(report?.modified)}`)}`, objects };
}
