import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { IntelReportView, ThreatActorView } from "../../src/core/coordination/views";
import type { StixObject } from "../../src/core/stix/objects";
import type { App } from "../../src/server/http/types";
import type { ImportResult } from "../../src/server/stix/import";
import { addSectors } from "../coordination/fixture";
import { apiOf, countEvents, expectJson, expectProblem } from "../helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../helpers/node";
import { writeIntel } from "./graph-fixture";
import { STIX_SCHEMAS_DIR } from "./schemas";

/**
 * POST /api/v1/import/stix on real nodes: bundles from other tools and from Enlace itself
 * come into the national space in one transaction, the same STIX id always lands on the same
 * object, and a bad bundle is refused naming the object and property, with nothing written.
 */
type Node = TestNode & { app: App };
let a: Node;
let b: Node;
let apiA: ReturnType<typeof apiOf>;
let apiB: ReturnType<typeof apiOf>;
let tokA = "";
let tokB = "";

const apt1 = () =>
  JSON.parse(readFileSync(join(STIX_SCHEMAS_DIR, "examples/threat-reports/apt1.json"), "utf8")) as { objects: StixObject[] };
const STIX = { "content-type": "application/stix+json;version=2.1" };

before(async () => {
  a = await createTestApp();
  b = await createTestApp({ node: "co", name: "Fuerzas Militares de Colombia (nodo B)" });
  apiA = apiOf(a.app);
  apiB = apiOf(b.app);
  tokA = await addUser(a.node, "andres", "analyst");
  tokB = await addUser(b.node, "andres", "analyst");
});

after(async () => {
  await a.dispose();
  await b.dispose();
});

const importTo = async (api: ReturnType<typeof apiOf>, token: string, bundle: unknown, headers: Record<string, string> = STIX) =>
  expectJson<ImportResult>(await api(token, "POST", "/import/stix", JSON.stringify(bundle), headers));

describe("POST /import/stix", () => {
  it("imports the OASIS APT1 report: five groups and a national report linking them", async () => {
    const before = await countEvents(a.node);
    const r = await importTo(apiA, tokA, apt1());
    assert.equal(r.groups.length, 5);
    assert.ok(r.groups.every((g) => g.status === "created"));
    assert.equal(r.reports[0]?.status, "created");
    assert.equal(r.skipped.indicator, 12);
    assert.equal(await countEvents(a.node), before + 6);
    const report = expectJson<IntelReportView>(await apiA(tokA, "GET", `/intel-reports/${r.reports[0]?.id}`));
    assert.equal(report.space, "national");
    assert.equal(report.summary, "APT1: Exposing One of China's Cyber Espionage Units");
    assert.equal(report.links.threatActorIds.length, 5);
    assert.equal(report.tlp, "amber");
    assert.deepEqual(report.confidence, { reliability: "F", credibility: 6 });
    const group = expectJson<ThreatActorView>(await apiA(tokA, "GET", `/threat-actors/${r.groups[0]?.id}`));
    assert.equal(group.space, "national");
  });

  it("is idempotent: the same bundle again writes nothing and names the same objects", async () => {
    const first = await importTo(apiA, tokA, apt1());
    const before = await countEvents(a.node);
    const again = await importTo(apiA, tokA, apt1());
    assert.equal(await countEvents(a.node), before);
    assert.deepEqual(
      again.groups.map((g) => g.id),
      first.groups.map((g) => g.id),
    );
    assert.ok([...again.groups, ...again.reports].every((o) => o.status === "unchanged"));
  });

  it("updates an imported group when a newer STIX version comes, and only then", async () => {
    const bundle = apt1();
    const actor = bundle.objects.find((o) => o.type === "threat-actor") as StixObject;
    const newer = { ...actor, aliases: ["Alias nuevo"], modified: "2099-01-01T00:00:00.000Z" };
    const objects = bundle.objects.map((o) => (o.id === actor.id ? newer : o));
    const r = await importTo(apiA, tokA, { ...bundle, objects });
    const updated = r.groups.find((g) => g.stixId === actor.id);
    assert.equal(updated?.status, "updated");
    const view = expectJson<ThreatActorView>(await apiA(tokA, "GET", `/threat-actors/${updated?.id}`));
    assert.deepEqual(view.aliases, ["Alias nuevo"]);
    const again = await importTo(apiA, tokA, { ...bundle, objects });
    assert.equal(again.groups.find((g) => g.stixId === actor.id)?.status, "unchanged");
  });

  it("takes its own export back as the objects it already holds", async () => {
    const ids = await writeIntel(a.node, { prefix: "R", counts: { sectors: 1, crossings: 1, incidents: 1, groups: 1 } });
    const bundle = (await apiA(tokA, "GET", `/export/stix?report=${ids.report}`)).json();
    const before = await countEvents(a.node);
    const r = await importTo(apiA, tokA, bundle, { "content-type": "application/json" });
    assert.equal(await countEvents(a.node), before);
    assert.deepEqual(
      r.groups.map((g) => [g.id, g.status]),
      [[ids.groups[0], "existing"]],
    );
    assert.deepEqual(
      r.reports.map((x) => [x.id, x.status]),
      [[ids.report, "existing"]],
    );
    assert.equal(r.sectorsMatched, 1);
    assert.equal(r.skipped.incident, 1);
  });

  it("on another node, makes national groups and a report, linked to the sectors it matches", async () => {
    const ids = await writeIntel(a.node, { prefix: "X", counts: { sectors: 2, crossings: 0, incidents: 0, groups: 2, areas: 1 } });
    const bundle = (await apiA(tokA, "GET", `/export/stix?report=${ids.report}`)).json();
    const [localSector] = await addSectors(b.node, ["X-001"]);
    const r = await importTo(apiB, tokB, bundle);
    assert.deepEqual(
      r.groups.map((g) => g.status),
      ["created", "created"],
    );
    assert.equal(r.sectorsMatched, 1, "X-001 by its code; X-002 is not held here");
    assert.equal(r.locationsUnmatched, 1);
    const report = expectJson<IntelReportView>(await apiB(tokB, "GET", `/intel-reports/${r.reports[0]?.id}`));
    assert.equal(report.summary, "Informe ilustrativo X");
    assert.equal(report.originator, "Brigada ilustrativa 30");
    assert.deepEqual(report.confidence, { reliability: "C", credibility: 3 });
    assert.deepEqual(report.links.sectorIds, [localSector]);
    assert.deepEqual([...report.links.threatActorIds].sort(), r.groups.map((g) => g.id).sort());
    const group = expectJson<ThreatActorView>(await apiB(tokB, "GET", `/threat-actors/${r.groups[0]?.id}`));
    assert.deepEqual(group.activities, ["smuggling_fuel", "extortion"]);
    assert.equal(group.firstSeen, "2024-01-15");
  });
});

describe("refusals: nothing is written", () => {
  const refused = async (
    body: unknown,
    status: number,
    code: string,
    field?: string,
    headers: Record<string, string> = STIX,
    token = tokA,
  ) => {
    const before = await countEvents(a.node);
    const payload = typeof body === "string" ? body : JSON.stringify(body);
    const p = expectProblem(await apiA(token, "POST", "/import/stix", payload, headers), status, code);
    if (field) assert.equal(p.errors?.[0]?.field, field, p.detail);
    assert.equal(await countEvents(a.node), before);
    return p;
  };
  const withObject = (i: number, patch: Record<string, unknown>, drop?: string) => {
    const bundle = apt1();
    const o = { ...(bundle.objects[i] as StixObject), ...patch } as Record<string, unknown>;
    if (drop) delete o[drop];
    bundle.objects[i] = o as StixObject;
    return bundle;
  };
  const indexOf = (type: string) => apt1().objects.findIndex((o) => o.type === type);

  it("a malformed object, naming its index and property", async () => {
    const actor = indexOf("threat-actor");
    const report = indexOf("report");
    await refused(withObject(actor, {}, "name"), 422, "stix.invalid", `objects.${actor}.name`);
    await refused(withObject(report, { published: "last week" }), 422, "stix.invalid", `objects.${report}.published`);
    await refused(withObject(report, { object_refs: ["x"] }), 422, "stix.invalid", `objects.${report}.object_refs.0`);
    await refused(withObject(3, { id: "identity--nope" }), 422, "stix.invalid", "objects.3.id");
    await refused({ type: "bundle", id: "bundle--6f6c6e8b-3c33-4c5e-9d2c-1b1c0c6a7f01", objects: [7] }, 422, "stix.invalid", "objects.0");
    await refused({ type: "report" }, 422, "stix.invalid", "type");
  });

  it("what the register itself refuses, named by the STIX property (an alias too long)", async () => {
    const actor = indexOf("threat-actor");
    await refused(withObject(actor, { aliases: ["x".repeat(201)] }), 422, "stix.invalid", `objects.${actor}.aliases.0`);
  });

  it("a body that is not JSON, a type that is not STIX or JSON, a viewer", async () => {
    await refused("{ not json", 400, "request.malformed");
    await refused("<stix/>", 415, "request.unsupported_media_type", undefined, { "content-type": "application/xml" });
    const vera = await addUser(a.node, "vera", "viewer");
    await refused(apt1(), 403, "auth.forbidden", undefined, STIX, vera);
    await refused(apt1(), 401, "auth.required", undefined, STIX, "");
  });
});
