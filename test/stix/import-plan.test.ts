import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DomainError } from "../../src/core/errors";
import { reportBundle } from "../../src/core/stix/bundle";
import { admiraltyOf, credibilityOf, stixConfidence } from "../../src/core/stix/confidence";
import { type ImportedLocation, planImport } from "../../src/core/stix/import";
import { placeId, threatActorId } from "../../src/core/stix/objects";
import { matchSector, type SectorCandidate } from "../../src/core/stix/sector-match";
import { GRAPH, GROUPS, REPORT, SECTOR } from "./fixtures";
import { STIX_SCHEMAS_DIR } from "./schemas";

const example = (name: string) =>
  JSON.parse(readFileSync(join(STIX_SCHEMAS_DIR, "examples", name), "utf8")) as { objects: Record<string, unknown>[] };

/** Asserts planImport refuses `input` with stix.invalid naming `field`. */
function refuses(input: unknown, field: string) {
  assert.throws(
    () => planImport(input),
    (e: unknown) => e instanceof DomainError && e.code === "stix.invalid" && e.field === field,
    `expected stix.invalid at ${field}`,
  );
}

describe("Admiralty and STIX confidence", () => {
  it("follows the STIX 2.1 Admiralty Credibility scale both ways", () => {
    const table = [1, 2, 3, 4, 5, 6].map((c) => stixConfidence({ reliability: "A", credibility: c }));
    assert.deepEqual(table, [90, 70, 50, 30, 10, undefined]);
    assert.deepEqual([100, 80, 79, 60, 59, 40, 39, 20, 19, 0, undefined].map(credibilityOf), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
    for (const c of [1, 2, 3, 4, 5, 6]) assert.equal(credibilityOf(stixConfidence({ reliability: "C", credibility: c })), c);
  });

  it("keeps our letter only when it agrees with the confidence; otherwise F", () => {
    assert.deepEqual(admiraltyOf(70, "B2"), { reliability: "B", credibility: 2 });
    assert.deepEqual(admiraltyOf(90, "B2"), { reliability: "F", credibility: 1 });
    assert.deepEqual(admiraltyOf(undefined, "Z9"), { reliability: "F", credibility: 6 });
  });
});

describe("planning an import", () => {
  it("reads the OASIS APT1 report: threat actors, the report and what it skips", () => {
    const plan = planImport(example("threat-reports/apt1.json"));
    assert.equal(plan.groups.length, 5);
    assert.equal(plan.reports.length, 1);
    assert.equal(plan.reports[0]?.groupRefs.length, 5);
    assert.equal(plan.reports[0]?.tlp, "amber", "unmarked: AMBER");
    assert.equal(plan.skipped.indicator, 12);
    assert.equal(plan.skipped.relationship, 30);
    assert.equal(plan.skipped["intrusion-set"], 1);
    assert.equal(plan.reports[0]?.originator, "STIX", "no creator named: the originator says where it came from");
    assert.deepEqual(plan.groups[0]?.activities, [], "goals outside Enlace's vocabulary are left out");
  });

  it("keeps a long STIX name whole in the body and cuts the summary to 500 characters", () => {
    const long = "Nombre muy largo ".repeat(40).trim();
    const objects = reportBundle(GRAPH).objects.map((o) => (o.type === "report" ? { ...o, name: long } : o));
    const [r] = planImport({ type: "bundle", id: "bundle--6f6c6e8b-3c33-4c5e-9d2c-1b1c0c6a7f02", objects }).reports;
    assert.equal(r?.summary.length, 500);
    assert.ok(r?.body.startsWith(long));
    assert.ok(r?.body.endsWith(REPORT.body));
  });

  it("reads back what Enlace exports: groups, report, grading, TLP, places and located-at", () => {
    const plan = planImport(reportBundle(GRAPH));
    const a = plan.groups.find((g) => g.stixId === threatActorId(GROUPS[0]?.id ?? ""));
    assert.ok(a);
    assert.equal(a.name, GROUPS[0]?.name);
    assert.deepEqual(a.aliases, GROUPS[0]?.aliases);
    assert.deepEqual(a.activities, GROUPS[0]?.activities);
    assert.equal(a.tlp, "amber+strict");
    assert.deepEqual(a.confidence, { reliability: "B", credibility: 2 });
    assert.deepEqual(a.locationRefs, [placeId(SECTOR.id)]);
    const r = plan.reports[0];
    assert.equal(r?.summary, REPORT.summary);
    assert.equal(r?.originator, REPORT.originator);
    const unnamed = planImport({
      ...reportBundle(GRAPH),
      objects: reportBundle(GRAPH).objects.map((o) => (o.type === "report" ? { ...o, x_enlace_originator: undefined } : o)),
    });
    assert.equal(unnamed.reports[0]?.originator, "Fuerzas Militares de Colombia", "else the name of the identity that created it");
    assert.equal(r?.body, REPORT.body);
    assert.equal(r?.tlp, "amber");
    assert.deepEqual(r?.confidence, { reliability: "C", credibility: 3 });
    assert.equal(r?.groupRefs.length, 2);
    const sector = plan.locations.find((l) => l.stixId === placeId(SECTOR.id));
    assert.equal(sector?.code, "SEC-01");
    assert.deepEqual(plan.skipped, { "marking-definition": 3, identity: 2, incident: 2, sighting: 2 });
  });

  it("takes the latest of several versions of one object and leaves revoked ones out", () => {
    const [actor] = reportBundle(GRAPH).objects.filter((o) => o.type === "threat-actor");
    assert.ok(actor);
    const older = { ...actor, name: "Viejo nombre", modified: actor.created };
    const newer = { ...actor, name: "Nuevo nombre", modified: "2027-01-01T00:00:00.000Z" };
    const bundle = { type: "bundle", id: "bundle--6f6c6e8b-3c33-4c5e-9d2c-1b1c0c6a7f01", objects: [newer, older] };
    const plan = planImport(bundle);
    assert.deepEqual(
      plan.groups.map((g) => g.name),
      ["Nuevo nombre"],
    );
    assert.equal(plan.skipped.superseded, 1);
    assert.equal(planImport({ ...bundle, objects: [{ ...newer, revoked: true }] }).skipped.revoked, 1);
  });

  it("refuses a malformed bundle naming the object and property", () => {
    const good = reportBundle(GRAPH);
    const objects = good.objects.map((o) => ({ ...o }));
    const at = (type: string) => objects.findIndex((o) => o.type === type);
    const withObject = (i: number, patch: Record<string, unknown>, drop?: string) => {
      const copy = objects.map((o) => ({ ...o }));
      const target = { ...copy[i], ...patch } as Record<string, unknown>;
      if (drop) delete target[drop];
      copy[i] = target as (typeof copy)[number];
      return { ...good, objects: copy };
    };
    refuses({ type: "envelope", objects: [] }, "type");
    refuses({ ...good, id: "bundle--nope" }, "id");
    refuses({ ...good, objects: "x" }, "objects");
    refuses({ ...good, objects: [42] }, "objects.0");
    const actor = at("threat-actor");
    refuses(withObject(actor, {}, "name"), `objects.${actor}.name`);
    refuses(withObject(actor, { first_seen: "2026-02-30" }), `objects.${actor}.first_seen`);
    refuses(withObject(actor, { spec_version: "2.0" }), `objects.${actor}.spec_version`);
    refuses(withObject(actor, { modified: "2000-01-01T00:00:00.000Z" }), `objects.${actor}.modified`);
    refuses(withObject(actor, { id: "report--6f6c6e8b-3c33-4c5e-9d2c-1b1c0c6a7f01" }), `objects.${actor}.id`);
    refuses(withObject(actor, { first_seen: "2026-01-02T00:00:00Z", last_seen: "2026-01-01T00:00:00Z" }), `objects.${actor}.last_seen`);
    const report = at("report");
    refuses(withObject(report, {}, "published"), `objects.${report}.published`);
    refuses(withObject(report, { object_refs: [] }), `objects.${report}.object_refs`);
    refuses(withObject(report, { object_refs: ["nonsense"] }), `objects.${report}.object_refs.0`);
    const place = at("location");
    refuses(withObject(place, { latitude: 91 }), `objects.${place}.latitude`);
    refuses(withObject(place, {}, "longitude"), `objects.${place}.latitude`);
    refuses(withObject(at("identity"), { id: "identity--1" }), `objects.${at("identity")}.id`);
  });
});

describe("matching imported locations to sectors", () => {
  const sectors: SectorCandidate[] = [
    {
      id: SECTOR.id,
      code: "SEC-01",
      name: "Catatumbo",
      path: [
        [-72.5, 8.5],
        [-72.3, 8.7],
      ],
    },
    {
      id: "0190a000-0000-7000-8000-0000000000ff",
      code: "SEC-02",
      name: "Arauca",
      path: [
        [-71.0, 7.0],
        [-70.5, 7.1],
      ],
    },
  ];
  const loc = (patch: Partial<ImportedLocation>): ImportedLocation => ({
    index: 0,
    stixId: "location--6f6c6e8b-3c33-4c5e-9d2c-1b1c0c6a7f03",
    name: "",
    code: null,
    lat: null,
    lon: null,
    kind: null,
    ...patch,
  });

  it("knows its own export, a code, a name, and a point near the line", () => {
    assert.equal(matchSector(loc({ stixId: placeId(SECTOR.id) }), sectors), SECTOR.id);
    assert.equal(matchSector(loc({ code: "sec-02" }), sectors), sectors[1]?.id);
    assert.equal(matchSector(loc({ name: "SEC-02 Arauca (otro nombre)" }), sectors), sectors[1]?.id);
    assert.equal(matchSector(loc({ name: "arauca" }), sectors), sectors[1]?.id);
    assert.equal(matchSector(loc({ lat: 8.61, lon: -72.39 }), sectors), SECTOR.id, "about 1 km off the line");
  });

  it("leaves unmatched what is far from every sector or names none", () => {
    assert.equal(matchSector(loc({ lat: 4.6, lon: -74.08 }), sectors), undefined, "Bogotá is no border sector");
    assert.equal(matchSector(loc({ name: "Cúcuta" }), sectors), undefined);
    assert.equal(
      matchSector(loc({ lat: 8.61, lon: -72.39, kind: "crossing" }), sectors),
      undefined,
      "a crossing Enlace exported is no sector",
    );
  });
});
