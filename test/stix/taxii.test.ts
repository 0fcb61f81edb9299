import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { bundleViolations } from "../../src/core/stix/check";
import { identityId, incidentId, placeId, reportId, type StixObject, threatActorId } from "../../src/core/stix/objects";
import { TLP_MARKING_IDS } from "../../src/core/stix/tlp";
import type { RunningNode } from "../../src/server/main";
import { collectionId } from "../../src/server/taxii/collection";
import { createCluster } from "../helpers/cluster";
import { type Cluster, disposeCluster, waitFor } from "../helpers/federation";
import { addUser } from "../helpers/node";
import { type IntelIds, writeIntel } from "./graph-fixture";
import { schemaErrors } from "./schemas";
import { type Envelope, expectTaxii, expectTaxiiError, TAXII, taxiiOf, walk } from "./taxii-helpers";

/**
 * The TAXII 2.1 server of two real federated nodes. co and ve each release intelligence into
 * their binational space; co also keeps a national report and releases a TLP:RED one. Through
 * TAXII, co serves what both sides released — never national material, never TLP:RED — with
 * correct media types, headers, filters and paging that neither skips nor repeats, and ve
 * serves the same objects with the same versions.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let space = "";
let token = "";
let veToken = "";
let coIntel: IntelIds;
let veIntel: IntelIds;
let redIntel: IntelIds;
let nationalIntel: IntelIds;
let redGroup: IntelIds;
let get: ReturnType<typeof taxiiOf>;
let objectsPath = "";

const reportsOn = async (r: RunningNode) =>
  r.node.db.connection((sql) => sql.all<{ id: string }>("SELECT id FROM coord_intel_reports WHERE space = ?", [space]));

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  space = await cluster.link("Espacio binacional");
  token = await addUser(co.node, "andres", "analyst");
  veToken = await addUser(ve.node, "vilma", "analyst");
  coIntel = await writeIntel(co.node, { space, prefix: "CO", counts: { sectors: 2, crossings: 2, incidents: 3, groups: 2, areas: 2 } });
  veIntel = await writeIntel(ve.node, { space, prefix: "VE", counts: { sectors: 1, crossings: 1, incidents: 1, groups: 1 } });
  redIntel = await writeIntel(co.node, { space, prefix: "RD", tlp: "red", counts: { sectors: 1, crossings: 1, incidents: 1, groups: 0 } });
  redGroup = await writeIntel(co.node, {
    space,
    prefix: "RG",
    groupTlp: "red",
    counts: { sectors: 1, crossings: 0, incidents: 0, groups: 1 },
  });
  nationalIntel = await writeIntel(co.node, {
    space: "national",
    prefix: "NA",
    counts: { sectors: 1, crossings: 1, incidents: 1, groups: 1 },
  });
  await waitFor("both sides' reports on both nodes", async () => (await reportsOn(co)).length === 4 && (await reportsOn(ve)).length === 4);
  get = taxiiOf(co.app);
  objectsPath = `/enlace/collections/${collectionId(space)}/objects/`;
});

after(async () => {
  await disposeCluster(cluster);
});

const all = async (node = co, tok = token) =>
  (await walk(taxiiOf(node.app), tok, `/enlace/collections/${collectionId(space)}/objects/`, 1000)).objects;

describe("discovery, API root and collections", () => {
  it("discovery names the API root, in the TAXII media type", async () => {
    const d = expectTaxii<{ title: string; default: string; api_roots: string[] }>(await get("/", { token }));
    assert.match(d.api_roots[0] ?? "", /\/taxii2\/enlace\/$/);
    assert.equal(d.default, d.api_roots[0]);
  });

  it("the API root announces TAXII 2.1 and its content limit", async () => {
    const root = expectTaxii<{ versions: string[]; max_content_length: number }>(await get("/enlace/", { token }));
    assert.deepEqual(root.versions, [TAXII]);
    assert.ok(root.max_content_length > 0);
  });

  it("one read-only collection per shared space, and one collection by id", async () => {
    const { collections } = expectTaxii<{
      collections: { id: string; alias: string; can_read: boolean; can_write: boolean; media_types: string[] }[];
    }>(await get("/enlace/collections/", { token }));
    assert.equal(collections.length, 1);
    assert.deepEqual(collections[0], {
      ...collections[0],
      id: collectionId(space),
      alias: space,
      can_read: true,
      can_write: false,
      media_types: ["application/stix+json;version=2.1"],
    });
    const one = expectTaxii<{ id: string }>(await get(`/enlace/collections/${collectionId(space)}/`, { token }));
    assert.equal(one.id, collectionId(space));
  });
});

describe("what a collection holds", () => {
  it("both sides' released intelligence, every object valid and every reference inside the collection", async () => {
    const objects = await all();
    const ids = new Set(objects.map((o) => o.id));
    for (const r of [coIntel.report, veIntel.report]) assert.ok(ids.has(reportId(r)), "a released report");
    for (const g of [...coIntel.groups, ...veIntel.groups]) assert.ok(ids.has(threatActorId(g)));
    for (const i of [...coIntel.incidents, ...veIntel.incidents]) assert.ok(ids.has(incidentId(i)));
    assert.ok(ids.has(identityId("co")) && ids.has(identityId("ve")));
    assert.deepEqual(
      objects.flatMap((o) => schemaErrors(o).map((e) => `${o.id}: ${e}`)),
      [],
    );
    assert.deepEqual(bundleViolations(objects), []);
    assert.equal(new Set(objects.map((o) => o.id)).size, objects.length, "one version of each object");
  });

  it("never TLP:RED, never national material, nor what only a TLP:RED report refers to", async () => {
    const objects = await all();
    const ids = new Set(objects.map((o) => o.id));
    assert.ok(!ids.has(TLP_MARKING_IDS.red));
    assert.ok(objects.every((o) => !(o.object_marking_refs as string[] | undefined)?.includes(TLP_MARKING_IDS.red)));
    assert.ok(!ids.has(reportId(redIntel.report)), "the TLP:RED report");
    assert.ok(!ids.has(incidentId(redIntel.incidents[0] ?? "")), "its incident");
    assert.ok(!ids.has(placeId(redIntel.crossings[0] ?? "")), "its crossing");
    assert.ok(!ids.has(threatActorId(redGroup.groups[0] ?? "")), "a TLP:RED group");
    for (const x of [nationalIntel.report, ...nationalIntel.groups, ...nationalIntel.incidents, ...nationalIntel.sectors]) {
      assert.ok(![reportId(x), threatActorId(x), incidentId(x), placeId(x)].some((id) => ids.has(id)), "national");
    }
  });

  it("serves the same objects and versions from both nodes", async () => {
    await waitFor("ve's collection as large as co's", async () => (await all(ve, veToken)).length === (await all()).length);
    const onCo = new Map((await all()).map((o) => [o.id, o]));
    const onVe = await all(ve, veToken);
    for (const o of onVe) assert.deepEqual(o, onCo.get(o.id), o.id);
  });
});

describe("objects: paging, headers, filters", () => {
  it("next walks every page with neither gap nor repeat; headers follow the date added", async () => {
    const everything = await all();
    const { objects, headers, pages } = await walk(get, token, objectsPath, 7);
    assert.ok(pages > 3);
    assert.deepEqual(objects.map((o) => o.id).sort(), everything.map((o) => o.id).sort());
    for (const [i, h] of headers.entries()) {
      assert.ok(h.first <= h.last);
      if (i > 0) assert.ok((headers[i - 1]?.last ?? "") <= h.first, "pages follow each other in date added");
    }
  });

  it("stays stable while objects are added: the old ones once each, the new ones at the end", async () => {
    const beforeIds = (await all()).map((o) => o.id);
    let added: IntelIds | undefined;
    const { objects } = await walk(get, token, objectsPath, 5, async (page) => {
      if (page === 1)
        added = await writeIntel(co.node, { space, prefix: "NW", counts: { sectors: 1, crossings: 1, incidents: 1, groups: 1 } });
    });
    const seen = objects.map((o) => o.id);
    assert.equal(new Set(seen).size, seen.length, "no repeat");
    for (const id of beforeIds) assert.ok(seen.includes(id), `no gap: ${id}`);
    assert.ok(seen.includes(reportId(added?.report ?? "")), "the report added meanwhile comes at the end");
    assert.ok(seen.indexOf(reportId(added?.report ?? "")) > seen.indexOf(beforeIds[beforeIds.length - 1] ?? ""));
  });

  it("added_after gives only what was added later", async () => {
    const res = await get(`${objectsPath}?limit=1000`, { token });
    const last = String(res.headers["x-taxii-date-added-last"]);
    assert.deepEqual(expectTaxii<Envelope>(await get(`${objectsPath}?added_after=${last}`, { token })), {});
    const later = await writeIntel(co.node, { space, prefix: "AA", counts: { sectors: 1, crossings: 0, incidents: 1, groups: 0 } });
    const fresh = expectTaxii<Envelope>(await get(`${objectsPath}?added_after=${last}`, { token })).objects ?? [];
    const ids = fresh.map((o) => o.id);
    assert.ok(ids.includes(reportId(later.report)));
    assert.ok(ids.includes(incidentId(later.incidents[0] ?? "")));
    assert.ok(!ids.includes(reportId(coIntel.report)), "nothing older");
  });

  it("match[type], match[id], match[version] and match[spec_version]", async () => {
    const reports = expectTaxii<Envelope>(await get(`${objectsPath}?match[type]=report`, { token })).objects ?? [];
    assert.ok(reports.length >= 2 && reports.every((o) => o.type === "report"));
    const two = [reportId(coIntel.report), threatActorId(veIntel.groups[0] ?? "")];
    const byId = expectTaxii<Envelope>(await get(`${objectsPath}?match[id]=${two.join(",")}`, { token })).objects ?? [];
    assert.deepEqual(byId.map((o) => o.id).sort(), [...two].sort());
    const report = reports.find((o) => o.id === reportId(coIntel.report)) as StixObject;
    const v = expectTaxii<Envelope>(
      await get(`${objectsPath}?match[id]=${report.id}&match[version]=${String(report.modified)}`, { token }),
    );
    assert.equal(v.objects?.length, 1);
    assert.deepEqual(
      expectTaxii<Envelope>(await get(`${objectsPath}?match[id]=${report.id}&match[version]=2001-01-01T00:00:00.000Z`, { token })),
      {},
    );
    for (const keyword of ["first", "last", "all"]) {
      assert.equal(
        expectTaxii<Envelope>(await get(`${objectsPath}?match[id]=${report.id}&match[version]=${keyword}`, { token })).objects?.length,
        1,
      );
    }
    assert.deepEqual(expectTaxii<Envelope>(await get(`${objectsPath}?match[spec_version]=2.0`, { token })), {});
    assert.ok((expectTaxii<Envelope>(await get(`${objectsPath}?match[spec_version]=2.1&limit=3`, { token })).objects ?? []).length === 3);
  });

  it("one object, its versions, and the manifest", async () => {
    const id = reportId(coIntel.report);
    const one = await get(`${objectsPath}${id}/`, { token });
    const body = expectTaxii<Envelope>(one);
    assert.equal(body.objects?.length, 1);
    assert.equal(body.objects?.[0]?.id, id);
    assert.ok(one.headers["x-taxii-date-added-first"]);
    const versions = expectTaxii<{ versions: string[]; more: boolean }>(await get(`${objectsPath}${id}/versions/`, { token }));
    assert.deepEqual(versions.versions, [body.objects?.[0]?.modified]);
    assert.equal(versions.more, false);
    const manifest = expectTaxii<{ objects: { id: string; date_added: string; version: string; media_type: string }[] }>(
      await get(`/enlace/collections/${collectionId(space)}/manifest/?match[id]=${id}`, { token }),
    );
    assert.deepEqual(
      manifest.objects.map((m) => [m.id, m.version, m.media_type]),
      [[id, body.objects?.[0]?.modified, "application/stix+json;version=2.1"]],
    );
    assert.equal(manifest.objects[0]?.date_added, one.headers["x-taxii-date-added-first"]);
  });
});

describe("refusals, as TAXII error messages", () => {
  it("401 without a token or with a bad one, with WWW-Authenticate", async () => {
    const none = await get("/", {});
    expectTaxiiError(none, 401, "auth.required");
    assert.match(String(none.headers["www-authenticate"]), /^Bearer realm=/);
    const bad = await get(objectsPath, { token: "enl_nope" });
    expectTaxiiError(bad, 401, "auth.bad_token");
    assert.match(String(bad.headers["www-authenticate"]), /error="invalid_token"/);
  });

  it("406 when Accept admits no TAXII 2.1; no Accept or a wildcard is fine", async () => {
    expectTaxiiError(await get(objectsPath, { token, accept: "application/json" }), 406, "taxii.not_acceptable");
    expectTaxiiError(await get("/enlace/", { token, accept: "application/taxii+json;version=2.0" }), 406, "taxii.not_acceptable");
    expectTaxii(await get("/enlace/", { token, accept: null }));
    expectTaxii(await get("/enlace/", { token, accept: "*/*" }));
  });

  it("415 for a POST that is not TAXII; 403 for writes, which no collection takes", async () => {
    const payload = JSON.stringify({ objects: [] });
    expectTaxiiError(
      await get(objectsPath, { token, method: "POST", body: payload, contentType: "application/json" }),
      415,
      "request.unsupported_media_type",
    );
    expectTaxiiError(
      await get(objectsPath, { token, method: "POST", body: "<x/>", contentType: "application/xml" }),
      415,
      "request.unsupported_media_type",
    );
    expectTaxiiError(await get(objectsPath, { token, method: "POST", body: payload, contentType: TAXII }), 403, "taxii.read_only");
    expectTaxiiError(await get(`${objectsPath}${reportId(coIntel.report)}/`, { token, method: "DELETE" }), 403, "taxii.read_only");
  });

  it("404 for an unknown collection, object, status or API root; 400 for a bad filter", async () => {
    expectTaxiiError(
      await get("/enlace/collections/6f6c6e8b-3c33-4c5e-9d2c-1b1c0c6a7f01/objects/", { token }),
      404,
      "taxii.collection_not_found",
    );
    expectTaxiiError(await get(`${objectsPath}${reportId(nationalIntel.report)}/`, { token }), 404, "taxii.object_not_found");
    expectTaxiiError(await get(`${objectsPath}${reportId(redIntel.report)}/versions/`, { token }), 404, "taxii.object_not_found");
    expectTaxiiError(await get("/enlace/status/6f6c6e8b-3c33-4c5e-9d2c-1b1c0c6a7f01/", { token }), 404, "taxii.status_not_found");
    expectTaxiiError(await get("/otra/collections/", { token }), 404, "not_found");
    const bad = expectTaxiiError(await get(`${objectsPath}?limit=0`, { token }), 400, "validation.failed");
    assert.equal(bad.details?.field, "query.limit");
    expectTaxiiError(await get(`${objectsPath}?next=garbage`, { token }), 400, "validation.failed");
  });
});
