import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { bundleViolations } from "../../src/core/stix/check";
import { identityId, incidentId, reportId, type StixObject, threatActorId } from "../../src/core/stix/objects";
import { TLP_MARKING_IDS } from "../../src/core/stix/tlp";
import { consoleActor } from "../../src/server/admin/commands";
import { withdrawReport } from "../../src/server/coordination/intel-commands";
import type { App } from "../../src/server/http/types";
import { apiOf, expectProblem } from "../helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../helpers/node";
import { type IntelIds, writeIntel } from "./graph-fixture";
import { envelopeErrors, schemaErrors } from "./schemas";

/**
 * GET /api/v1/export/stix on a real node: a national report with its groups, sectors,
 * crossings and incidents becomes one bundle that the OASIS schemas and the rules they cannot
 * express both accept, with the same bytes every time.
 */
let t: TestNode & { app: App };
let api: ReturnType<typeof apiOf>;
let token = "";
let viewer = "";
let ids: IntelIds;

before(async () => {
  t = await createTestApp();
  api = apiOf(t.app);
  token = await addUser(t.node, "andres", "analyst");
  viewer = await addUser(t.node, "vera", "viewer");
  ids = await writeIntel(t.node, { counts: { sectors: 3, crossings: 2, incidents: 3, groups: 2, areas: 2 } });
});

after(async () => t.dispose());

const exportOf = async (report: string, as = token) => {
  const res = await api(as, "GET", `/export/stix?report=${report}`);
  assert.equal(res.statusCode, 200, res.body.slice(0, 400));
  return res;
};

describe("GET /export/stix", () => {
  it("answers a bundle as application/stix+json;version=2.1 that validates, object by object", async () => {
    const res = await exportOf(ids.report);
    assert.equal(res.headers["content-type"], "application/stix+json;version=2.1");
    const bundle = res.json<{ type: string; id: string; objects: StixObject[] }>();
    assert.deepEqual(envelopeErrors(bundle), []);
    assert.deepEqual(
      bundle.objects.flatMap((o) => schemaErrors(o).map((e) => `${o.id}: ${e}`)),
      [],
    );
    assert.deepEqual(bundleViolations(bundle.objects), []);
  });

  it("holds the report and everything it references, created by this side", async () => {
    const { objects } = (await exportOf(ids.report)).json<{ objects: StixObject[] }>();
    const count = (type: string) => objects.filter((o) => o.type === type).length;
    assert.equal(count("report"), 1);
    assert.equal(count("threat-actor"), 2);
    assert.equal(count("location"), 3 + 2 + 3, "sectors, crossings, incident points");
    assert.equal(count("incident"), 3);
    assert.equal(count("sighting"), 3);
    assert.equal(count("relationship"), 4, "two groups, two areas each");
    assert.equal(count("identity"), 1);
    const report = objects.find((o) => o.id === reportId(ids.report));
    assert.equal(report?.name, "Informe ilustrativo S");
    assert.equal(report?.confidence, 50);
    assert.equal(report?.x_enlace_admiralty, "C3");
    assert.deepEqual(report?.object_marking_refs, [TLP_MARKING_IDS.amber]);
    const refs = (report?.object_refs ?? []) as string[];
    for (const g of ids.groups) assert.ok(refs.includes(threatActorId(g)));
    for (const i of ids.incidents) assert.ok(refs.includes(incidentId(i)));
    for (const o of objects) if (o.type !== "marking-definition") assert.equal(o.created_by_ref, identityId("co"));
    const group = objects.find((o) => o.id === threatActorId(ids.groups[0] ?? ""));
    assert.deepEqual(group?.threat_actor_types, ["crime-syndicate"]);
    assert.equal(group?.first_seen, "2024-01-15T00:00:00.000Z");
    assert.deepEqual(group?.goals, ["smuggling_fuel", "extortion"]);
  });

  it("gives the same bytes on every export: ids and versions come from the log", async () => {
    const a = (await exportOf(ids.report)).body;
    const b = (await exportOf(ids.report, viewer)).body;
    assert.equal(a, b);
  });

  it("marks a withdrawn report revoked, with a newer version", async () => {
    const other = await writeIntel(t.node, { prefix: "W", counts: { sectors: 1, crossings: 0, incidents: 0, groups: 1 } });
    const before = (await exportOf(other.report)).json<{ objects: StixObject[] }>().objects.find((o) => o.type === "report");
    await withdrawReport({ store: t.node.store, actor: consoleActor("co") }, other.report, "superado");
    const after = (await exportOf(other.report)).json<{ objects: StixObject[] }>().objects.find((o) => o.type === "report");
    assert.equal(before?.revoked, undefined);
    assert.equal(after?.revoked, true);
    assert.ok(String(after?.modified) > String(before?.modified));
    assert.equal(after?.created, before?.created);
  });

  it("refuses an unknown report, a malformed id, and a caller without a token", async () => {
    const missing = expectProblem(
      await api(token, "GET", "/export/stix?report=01900000-0000-7000-8000-00000000dead"),
      404,
      "intel.not_found",
    );
    assert.equal(missing.errors?.[0]?.field, "query.report");
    const bad = expectProblem(await api(token, "GET", "/export/stix?report=nope"), 400, "validation.failed");
    assert.equal(bad.errors?.[0]?.field, "query.report");
    expectProblem(await api(token, "GET", "/export/stix"), 400, "validation.failed");
    expectProblem(await api(undefined, "GET", `/export/stix?report=${ids.report}`), 401, "auth.required");
  });
});
