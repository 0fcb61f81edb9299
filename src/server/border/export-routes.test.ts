import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { check } from "@placemarkio/check-geojson";
import * as cotLib from "@tak-ps/node-cot";
import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import type { Feature, FeatureCollection } from "geojson";
import { type BorderReadIds, borderReadIds, HOSTILE_TEXT, writeCoSide } from "../../../test/helpers/border-read";
import { apiOf, expectProblem } from "../../../test/helpers/commitments";
import { parseCsv } from "../../../test/helpers/csv";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import type { App } from "../http/types";

/**
 * The export endpoints on one node, each file read back by an independent parser from npm
 * (GeoJSON by @placemarkio/check-geojson, KML by @tmcw/togeojson, CoT by @tak-ps/node-cot,
 * CSV by an RFC 4180 reader), hostile text intact; the incident list's filters apply, and a
 * long export streams across pages of the list.
 */
let t: TestNode & { app: App };
let ids: BorderReadIds;
let token: string;
const EXTRA = 1_100;
const get = (url: string) => apiOf(t.app)(token, "GET", url);

before(async () => {
  t = await createTestApp();
  token = await addUser(t.node, "vera", "viewer");
  ids = borderReadIds();
  await writeCoSide(t.node, NATIONAL_SPACE, ids);
  // Recent incidents (the CoT window is the last hours) on more than one page of the list.
  const now = Date.now();
  await t.node.store.append(
    Array.from({ length: EXTRA }, (_, i) => ({
      space: NATIONAL_SPACE,
      type: "incident.reported",
      subject: uuidv7(),
      actor: "ana@co",
      data: {
        type: "smuggling_food",
        occurredAt: new Date(now - 3_600_000 - i * 1000).toISOString(),
        position: { lat: 7.87, lon: -72.47 },
        crossingId: null,
        sectorId: null,
        impact: "low",
        confidence: { reliability: "C", credibility: 3 },
        goods: [],
        summary: `lote ${i}`,
        originator: "Puesto 9",
        derivedFrom: null,
      },
    })),
  );
});

after(async () => {
  await t.dispose();
});

const rowsOf = (text: string, delimiter = ",") => {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""), delimiter);
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
};

describe("GeoJSON", () => {
  it("exports sectors, crossings and filtered incidents as RFC 7946", async () => {
    const sectors = await get("/export/sectors.geojson");
    assert.match(String(sectors.headers["content-type"]), /^application\/geo\+json/);
    assert.match(String(sectors.headers["content-disposition"]), /^attachment; filename="enlace-co-sectors-\d{4}-\d{2}-\d{2}\.geojson"$/);
    const s = check(sectors.body) as FeatureCollection;
    assert.deepEqual(
      s.features.map((f) => [f.properties?.code, f.geometry.type]),
      [
        ["S1", "LineString"],
        ["S2", "LineString"],
      ],
    );
    const crossings = check((await get("/export/crossings.geojson?category=informal")).body) as FeatureCollection;
    const c2 = crossings.features.find((f) => f.id === ids.c2) as Feature;
    assert.equal(c2.properties?.name, HOSTILE_TEXT);
    assert.deepEqual(c2.geometry, { type: "Point", coordinates: [-70.76, 7.08] });
    assert.equal(crossings.features.length, 2);
    const fuel = check((await get("/export/incidents.geojson?type=smuggling_fuel")).body) as FeatureCollection;
    assert.deepEqual(
      fuel.features.map((f) => f.id),
      [ids.i4, ids.i1],
    );
    assert.equal(fuel.features[1]?.properties?.summary, HOSTILE_TEXT);
  });

  it("streams every page of a long list", async () => {
    const all = check((await get("/export/incidents.geojson")).body) as FeatureCollection;
    assert.equal(all.features.length, EXTRA + 4);
    assert.equal(new Set(all.features.map((f) => f.id)).size, EXTRA + 4);
  });
});

describe("KML", () => {
  const read = (text: string) => kml(new DOMParser().parseFromString(text, "text/xml"));

  it("is read by @tmcw/togeojson with names and descriptions escaped", async () => {
    const res = await get(`/export/incidents.kml?bbox=-72.6,7.7,-72.3,8.0&from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z&lang=en`);
    assert.match(String(res.headers["content-type"]), /^application\/vnd\.google-earth\.kml\+xml/);
    const gj = read(res.body);
    assert.deepEqual(
      gj.features.map((f) => f.properties?.id),
      [ids.i4, ids.i1],
    );
    const i1 = gj.features[1] as Feature;
    assert.equal(i1.properties?.name, "Fuel smuggling · 2025-03-14 10:00");
    assert.ok(String(i1.properties?.description).endsWith(HOSTILE_TEXT));
    assert.equal(i1.properties?.summary, HOSTILE_TEXT);
    assert.deepEqual(i1.geometry, { type: "Point", coordinates: [-72.47, 7.87] });
    const crossings = read((await get("/export/crossings.kml")).body);
    assert.ok(crossings.features.some((f) => f.properties?.name === HOSTILE_TEXT));
    const sectors = read((await get("/export/sectors.kml")).body);
    assert.equal(sectors.features[0]?.geometry?.type, "LineString");
  });
});

describe("CSV", () => {
  it("round-trips through an RFC 4180 reader, with the list's filters", async () => {
    const res = await get("/export/incidents.csv?type=smuggling_fuel");
    assert.match(String(res.headers["content-type"]), /^text\/csv; charset=utf-8/);
    assert.ok(res.body.startsWith("\uFEFFid,type,occurred_at,"));
    const rows = rowsOf(res.body);
    assert.deepEqual(
      rows.map((r) => r.id),
      [ids.i4, ids.i1],
    );
    assert.equal(rows[1]?.summary, HOSTILE_TEXT);
    assert.equal(rows[1]?.goods, "fuel 1000 l | fuel 200 gal");
    const crossings = rowsOf((await get("/export/crossings.csv?delimiter=semicolon&bom=false")).body, ";");
    assert.equal(crossings.find((r) => r.id === ids.c2)?.name, HOSTILE_TEXT);
    assert.equal(rowsOf((await get("/export/incidents.csv")).body).length, EXTRA + 4);
    assert.equal(rowsOf((await get("/export/sectors.csv")).body)[0]?.path_wkt, "LINESTRING (-72.5 7.7, -72.45 7.95)");
  });
});

describe("Cursor-on-Target", () => {
  it("feeds crossings and the last hours' incidents that @tak-ps/node-cot reads", async () => {
    const res = await get("/export/cot?hours=2");
    assert.match(String(res.headers["content-type"]), /^application\/xml/);
    const dom = new DOMParser().parseFromString(res.body, "text/xml");
    assert.equal(dom.documentElement?.nodeName, "events");
    const events = [...res.body.matchAll(/<event [\s\S]*?<\/event>/g)].map((m) => m[0]);
    // 3 crossings, and the extra incidents within 2 h (1 h ago, one per second going back).
    assert.equal(events.length, 3 + EXTRA);
    const parsed = await Promise.all(events.slice(0, 5).map((x) => cotLib.CoTParser.from_xml(x)));
    const c2 = parsed.find((p) => p.raw.event._attributes.uid === `enlace-crossing-${ids.c2}`);
    assert.equal(c2?.raw.event.detail?.contact?._attributes.callsign, HOSTILE_TEXT);
    assert.equal(c2?.raw.event._attributes.type, "a-u-G-I-i-o-bcc");
    const formal = parsed.find((p) => p.raw.event._attributes.uid === `enlace-crossing-${ids.c3}`);
    assert.equal(formal?.raw.event._attributes.type, "a-n-G-I-i-o-bcc");
    const incident = parsed.find((p) => p.raw.event._attributes.uid.startsWith("enlace-incident-"));
    assert.equal(incident?.raw.event._attributes.type, "a-s-X-i-l-l");
    assert.ok(Date.parse(incident?.raw.event._attributes.stale ?? "") > Date.now());
    const none = await get("/export/cot?hours=1");
    assert.equal([...none.body.matchAll(/<event /g)].length, 3);
  });

  it("refuses bad parameters with problem+json", async () => {
    expectProblem(await get("/export/cot?hours=721"), 400, "validation.failed");
    expectProblem(await get("/export/incidents.kml?type=tourism"), 400, "validation.failed");
    expectProblem(await get("/export/sectors.csv?bom=maybe"), 400, "validation.failed");
  });
});
