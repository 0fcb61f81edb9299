import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { reportBundle, reportRefs, STIX_MEDIA_TYPE } from "../../src/core/stix/bundle";
import { bundleViolations } from "../../src/core/stix/check";
import { ENLACE_STIX_NAMESPACE, stixId, uuidv5 } from "../../src/core/stix/ids";
import { identityId, incidentId, incidentPlaceId, placeId, reportId, type StixObject, threatActorId } from "../../src/core/stix/objects";
import { TLP_MARKING_IDS } from "../../src/core/stix/tlp";
import { CROSSING, GRAPH, GROUPS, INCIDENTS, REPORT, SECTOR } from "./fixtures";
import { envelopeErrors, schemaErrors } from "./schemas";

const byId = (objects: readonly StixObject[]) => new Map(objects.map((o) => [o.id, o]));
const get = (objects: readonly StixObject[], id: string) => {
  const o = byId(objects).get(id);
  assert.ok(o, `missing ${id}`);
  return o;
};

describe("STIX ids", () => {
  it("uuidv5 matches the RFC 9562 vector (DNS namespace, www.example.com)", () => {
    assert.equal(uuidv5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("an Enlace object always has the same STIX id, distinct per type and per object", () => {
    assert.equal(stixId("threat-actor", GROUPS[0]?.id ?? ""), stixId("threat-actor", GROUPS[0]?.id ?? ""));
    assert.notEqual(stixId("threat-actor", "a"), stixId("location", "a"));
    assert.notEqual(stixId("threat-actor", "a"), stixId("threat-actor", "b"));
    assert.match(stixId("report", "x"), /^report--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(stixId("report", "x"), `report--${uuidv5("report/x", ENLACE_STIX_NAMESPACE)}`);
  });
});

describe("report bundle", () => {
  const bundle = reportBundle(GRAPH);
  const objects = bundle.objects;

  it("every object validates against the OASIS STIX 2.1 schemas", () => {
    assert.deepEqual(envelopeErrors(bundle), []);
    const errors = objects.flatMap((o) => schemaErrors(o).map((e) => `${o.id}: ${e}`));
    assert.deepEqual(errors, []);
  });

  it("keeps the rules the schemas cannot express", () => {
    assert.deepEqual(bundleViolations(objects), []);
    for (const o of objects) {
      if (o.type !== "marking-definition") assert.ok(typeof o.created_by_ref === "string", `${o.id} has created_by_ref`);
      assert.equal(o.spec_version, "2.1");
      assert.ok(Array.isArray(o.object_marking_refs) || o.type === "marking-definition", `${o.id} is marked`);
    }
  });

  it("holds the report, its groups, places, incidents (with sightings) and both sides", () => {
    const types: Record<string, number> = {};
    for (const o of objects) types[o.type] = (types[o.type] ?? 0) + 1;
    assert.deepEqual(types, {
      "marking-definition": 3,
      identity: 2,
      location: 4,
      "threat-actor": 2,
      incident: 2,
      sighting: 2,
      relationship: 1,
      report: 1,
    });
    const report = get(objects, reportId(REPORT.id));
    assert.equal(report.name, REPORT.summary);
    assert.equal(report.x_enlace_originator, REPORT.originator);
    assert.deepEqual(report.report_types, ["threat-report"]);
    assert.equal(report.published, "2026-03-06T16:00:00.000Z");
    assert.equal(report.description, REPORT.body);
    const refs = new Set(report.object_refs as string[]);
    for (const o of objects) {
      if (o.type !== "marking-definition" && o.type !== "report") assert.ok(refs.has(o.id), `the report refers to ${o.id}`);
    }
    assert.equal(report.created_by_ref, identityId("co"));
    assert.deepEqual(report.object_marking_refs, [TLP_MARKING_IDS.amber]);
  });

  it("names in object_refs exactly what reportRefs computes from ids alone (what TAXII writes)", () => {
    const report = get(objects, reportId(REPORT.id));
    assert.deepEqual(report.object_refs, reportRefs(GRAPH));
  });

  it("maps groups to crime-syndicate threat actors with aliases and first/last seen", () => {
    const a = get(objects, threatActorId(GROUPS[0]?.id ?? ""));
    assert.deepEqual(a.threat_actor_types, ["crime-syndicate"]);
    assert.deepEqual(a.aliases, ["GIA", "Los del río"]);
    assert.equal(a.first_seen, "2024-05-01T00:00:00.000Z");
    assert.equal(a.last_seen, "2026-02-28T00:00:00.000Z");
    assert.equal(a.created, "2026-02-05T12:00:00.000Z");
    assert.equal(a.modified, "2026-03-01T12:00:00.500Z");
    assert.deepEqual(a.object_marking_refs, [TLP_MARKING_IDS["amber+strict"]], "its own TLP");
    assert.equal(a.confidence, 70, "credibility 2 is 70 (STIX Appendix A, Admiralty Credibility)");
    assert.equal(a.x_enlace_admiralty, "B2");
    const b = get(objects, threatActorId(GROUPS[1]?.id ?? ""));
    assert.equal(b.aliases, undefined, "an empty list is omitted (minItems 1)");
    assert.equal(b.confidence, undefined);
    assert.equal(b.created_by_ref, identityId("ve"), "created by the side that owns the group");
    assert.deepEqual(b.object_marking_refs, [TLP_MARKING_IDS.amber], "no TLP of its own: AMBER");
  });

  it("places are locations with coordinates, region and country", () => {
    const s = get(objects, placeId(SECTOR.id));
    assert.equal(s.latitude, 8.6);
    assert.equal(s.longitude, -72.4);
    assert.equal(s.precision, 42000);
    assert.equal(s.region, "south-america");
    assert.equal(s.country, undefined, "a sector lies across the border");
    assert.equal(s.name, "SEC-01 Catatumbo (datos de demostración)");
    const c = get(objects, placeId(CROSSING.id));
    assert.equal(c.country, "VE");
    const side = get(objects, identityId("ve"));
    assert.equal(side.identity_class, "organization");
    assert.equal(side.name, "Fuerza Armada Nacional Bolivariana");
    assert.equal(side.created_by_ref, side.id, "each side vouches for its own identity");
  });

  it("an incident is an incident SDO seen at its point by the reporting side", () => {
    const [first, second] = INCIDENTS;
    assert.ok(first && second);
    const inc = get(objects, incidentId(first.id));
    assert.equal(inc.name, "Decomiso de combustible en la trocha");
    assert.equal(inc.confidence, 90);
    assert.equal(inc.x_enlace_incident_type, "smuggling_fuel");
    const sighting = objects.find((o) => o.type === "sighting" && o.sighting_of_ref === inc.id);
    assert.ok(sighting);
    assert.equal(sighting.first_seen, "2026-03-02T06:40:00.000Z");
    assert.equal(sighting.last_seen, sighting.first_seen);
    assert.equal(sighting.count, 1);
    assert.deepEqual(sighting.where_sighted_refs, [incidentPlaceId(first.id), identityId("co")]);
    const point = get(objects, incidentPlaceId(first.id));
    assert.deepEqual([point.latitude, point.longitude, point.country], [8.5, -72.5, "CO"]);
    const lonely = objects.find((o) => o.type === "sighting" && o.sighting_of_ref === incidentId(second.id));
    assert.equal(lonely?.confidence, undefined, "credibility 6 cannot be judged: no confidence");
    assert.equal(get(objects, incidentId(second.id)).name, "irregular_crossing 2026-03-05", "no summary: type and date");
  });

  it("uses the official TLP 2.0 marking definitions, each once", () => {
    const markings = objects.filter((o) => o.type === "marking-definition");
    assert.deepEqual(
      markings.map((m) => m.id).sort(),
      [TLP_MARKING_IDS.clear, TLP_MARKING_IDS.amber, TLP_MARKING_IDS["amber+strict"]].sort(),
    );
    const amber = get(objects, TLP_MARKING_IDS.amber);
    assert.equal(amber.name, "TLP:AMBER");
    assert.equal(amber.created, "2022-10-01T00:00:00.000Z");
  });

  it("is deterministic: the same graph gives the same bytes, a changed one keeps every id", () => {
    assert.equal(JSON.stringify(reportBundle(GRAPH)), JSON.stringify(bundle));
    const changed = reportBundle({ ...GRAPH, report: { ...REPORT, summary: "Otro resumen", modified: "2026-04-01T00:00:00.000Z" } });
    assert.deepEqual(
      changed.objects.map((o) => o.id),
      objects.map((o) => o.id),
    );
    assert.notEqual(changed.id, bundle.id, "a new report version is a new bundle");
    assert.equal(STIX_MEDIA_TYPE, "application/stix+json;version=2.1");
  });

  it("leaves out links to objects the graph does not hold, and names unknown owners", () => {
    const partial = reportBundle({ ...GRAPH, places: [], sides: [], groups: [GROUPS[0] as (typeof GROUPS)[0]], incidents: [] });
    assert.deepEqual(bundleViolations(partial.objects), []);
    assert.equal(partial.objects.filter((o) => o.type === "relationship").length, 0);
    const ids = partial.objects.filter((o) => o.type === "identity");
    assert.deepEqual(
      ids.map((i) => i.name),
      ["co"],
      "the owners only, named by node when no name is known",
    );
    assert.deepEqual(
      partial.objects.flatMap((o) => schemaErrors(o)),
      [],
    );
  });
});

describe("the rule checker", () => {
  const objects = reportBundle(GRAPH).objects;
  const replace = (id: string, patch: Record<string, unknown>) => objects.map((o) => (o.id === id ? { ...o, ...patch } : o));
  const reportStix = reportId(REPORT.id);

  it("finds a dangling reference, a second-precision timestamp and modified before created", () => {
    assert.match(bundleViolations(objects.filter((o) => o.type !== "location")).join("\n"), /not in the bundle/);
    assert.match(bundleViolations(replace(reportStix, { created: "2026-03-06T15:00:00Z" })).join("\n"), /millisecond/);
    assert.match(bundleViolations(replace(reportStix, { modified: "2026-01-01T00:00:00.000Z" })).join("\n"), /modified is before created/);
  });

  it("finds a TLP definition whose name or level does not match its official id", () => {
    assert.match(bundleViolations(replace(TLP_MARKING_IDS.amber, { name: "TLP:GREEN" })).join("\n"), /named TLP:GREEN/);
    const ext = { "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": { extension_type: "property-extension", tlp_2_0: "red" } };
    assert.match(bundleViolations(replace(TLP_MARKING_IDS.amber, { extensions: ext })).join("\n"), /tlp_2_0 value is not amber/);
    const fake = { ...(objects[0] as StixObject), id: "marking-definition--00000000-0000-4000-8000-000000000000", name: "TLP:RED" };
    assert.match(bundleViolations([...objects, fake]).join("\n"), /does not use the official TLP 2.0 id/);
  });

  it("the OASIS schemas refuse what they can express (a threat actor without a name)", () => {
    const actor = objects.find((o) => o.type === "threat-actor") as StixObject;
    const { name: _name, ...nameless } = actor;
    assert.notDeepEqual(schemaErrors(nameless as StixObject), []);
    assert.notDeepEqual(schemaErrors({ ...actor, created: "yesterday" } as StixObject), []);
  });
});
