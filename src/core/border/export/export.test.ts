import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { check } from "@placemarkio/check-geojson";
import * as cotLib from "@tak-ps/node-cot";
import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import type { Feature } from "geojson";
import { parseCsv } from "../../../../test/helpers/csv";
import { CROSSING_COLUMNS, INCIDENT_COLUMNS, SECTOR_COLUMNS } from "./columns";
import { cotDocument, crossingCot, incidentCot } from "./cot";
import { csvDocument } from "./csv";
import { FORMULA, HOSTILE, sampleCrossing, sampleIncident, sampleSector } from "./export-fixtures";
import { crossingFeature, featureCollection, incidentFeature, sectorFeature } from "./geojson";
import { crossingPlacemark, incidentPlacemark, kmlDocument, sectorPlacemark } from "./kml";
import { xmlAttr, xmlText } from "./xml";

/** Each export read back by an independent parser; hostile text must survive every one. */
const collect = async (chunks: AsyncIterable<string>) => {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
};

describe("GeoJSON export", () => {
  it("is valid RFC 7946 by @placemarkio/check-geojson, in lon,lat order, hostile text intact", async () => {
    const rows = [sampleIncident(), sampleIncident({ id: "0192f000-0000-7000-8000-00000000000a", goods: [] })];
    const text = await collect(featureCollection(rows, incidentFeature));
    const parsed = check(text) as { type: string; features: Feature[]; crs?: unknown };
    assert.equal(parsed.type, "FeatureCollection");
    assert.equal(parsed.crs, undefined);
    assert.equal(parsed.features.length, 2);
    const f = parsed.features[0] as Feature;
    assert.deepEqual(f.geometry, { type: "Point", coordinates: [-72.5, 7.9] });
    assert.equal(f.id, rows[0]?.id);
    assert.equal(f.properties?.summary, HOSTILE);
    assert.equal(f.properties?.mgrs, "18NYM0000000000");
    assert.deepEqual(f.properties?.goods, rows[0]?.goods);
  });

  it("writes sectors as LineStrings and crossings as Points", async () => {
    const sectors = check(await collect(featureCollection([sampleSector()], sectorFeature))) as { features: Feature[] };
    const line = sectors.features[0]?.geometry as { type: string; coordinates: number[][] };
    assert.equal(line.type, "LineString");
    assert.deepEqual(line.coordinates[0], [-72.47, 7.83]);
    assert.equal(sectors.features[0]?.properties?.name, `Sector ${HOSTILE}`);
    const crossings = check(await collect(featureCollection([sampleCrossing()], crossingFeature))) as { features: Feature[] };
    assert.deepEqual(crossings.features[0]?.geometry, { type: "Point", coordinates: [-72.4567891, 7.8912345] });
    assert.equal(crossings.features[0]?.properties?.name, HOSTILE);
  });

  it("an empty export is still a valid collection", async () => {
    const parsed = check(await collect(featureCollection([], incidentFeature))) as { features: Feature[] };
    assert.deepEqual(parsed.features, []);
  });
});

describe("KML export", () => {
  const read = (text: string) => kml(new DOMParser().parseFromString(text, "text/xml"));

  it("is read back by @tmcw/togeojson with names, descriptions and data escaped", async () => {
    const incident = sampleIncident();
    const text = await collect(kmlDocument(`Incidentes ${HOSTILE}`, [incident], (i) => incidentPlacemark(i, "es")));
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<kml xmlns="http:\/\/www.opengis.net\/kml\/2.2">/);
    assert.ok(!text.includes("<b>"), "markup in text must be escaped");
    const gj = read(text);
    const f = gj.features[0] as Feature;
    assert.deepEqual(f.geometry, { type: "Point", coordinates: [-72.5, 7.9] });
    assert.match(String(f.properties?.name), /^Contrabando de combustible · 2025-03-04 05:06$/);
    assert.ok(String(f.properties?.description).endsWith(`\n\n${HOSTILE}`), String(f.properties?.description));
    assert.match(String(f.properties?.description), /Bienes: Combustible 1200.5 l; Drogas 3 kg/);
    assert.equal(f.properties?.summary, HOSTILE);
    assert.equal(f.properties?.originator, 'Puesto 7, Batallón "Maza"');
    assert.equal(f.properties?.timestamp, "2025-03-04T05:06:07.000Z");
  });

  it("writes sectors as LineStrings and crossings as Points, in English on request", async () => {
    const sectorGj = read(await collect(kmlDocument("s", [sampleSector()], (s) => sectorPlacemark(s, "en"))));
    assert.equal(sectorGj.features[0]?.geometry?.type, "LineString");
    assert.equal(sectorGj.features[0]?.properties?.name, `S-01 · Sector ${HOSTILE}`);
    const crossingGj = read(await collect(kmlDocument("c", [sampleCrossing()], (c) => crossingPlacemark(c, "en"))));
    const f = crossingGj.features[0] as Feature;
    assert.deepEqual(f.geometry, { type: "Point", coordinates: [-72.4567891, 7.8912345] });
    assert.equal(f.properties?.name, HOSTILE);
    assert.match(String(f.properties?.description), /^Type: Informal crossing\nModes: foot, river/);
    assert.equal(f.properties?.note, FORMULA);
  });

  it("drops characters XML cannot carry instead of breaking the document", async () => {
    const text = await collect(
      kmlDocument("x", [sampleCrossing({ name: "a\u0000b\u0007c\uFFFE\uD800d" })], (c) => crossingPlacemark(c, "es")),
    );
    assert.equal(read(text).features[0]?.properties?.name, "abcd");
  });
});

describe("CoT export", () => {
  const times = { now: new Date("2025-03-04T12:00:00.000Z"), crossingStaleMs: 86_400_000, windowMs: 24 * 3_600_000 };
  const split = (doc: string) => [...doc.matchAll(/<event [\s\S]*?<\/event>/g)].map((m) => m[0]);

  it("is read by @tak-ps/node-cot, event by event, with stable uids, times and hostile remarks", async () => {
    const doc = await collect(cotDocument([crossingCot(sampleCrossing(), times, "es"), incidentCot(sampleIncident(), times, "es")]));
    const dom = new DOMParser().parseFromString(doc, "text/xml");
    assert.equal(dom.documentElement?.nodeName, "events");
    const [crossingXml, incidentXml] = split(doc);
    const crossing = (await cotLib.CoTParser.from_xml(crossingXml as string)).raw.event;
    assert.equal(crossing._attributes.uid, "enlace-crossing-0192f000-0000-7000-8000-000000000002");
    assert.equal(crossing._attributes.type, "a-u-G-I-i-o-bcc");
    assert.equal(crossing._attributes.time, "2025-03-04T12:00:00.000Z");
    assert.equal(crossing._attributes.stale, "2025-03-05T12:00:00.000Z");
    assert.deepEqual(crossing.point._attributes, { lat: 7.8912345, lon: -72.4567891, hae: 9999999, ce: 50, le: 9999999 });
    assert.equal(crossing.detail?.contact?._attributes.callsign, HOSTILE);
    assert.match(String(crossing.detail?.remarks?._text), /^Paso informal \(trocha\)\nModos: foot, river/);

    const incident = (await cotLib.CoTParser.from_xml(incidentXml as string)).raw.event;
    assert.equal(incident._attributes.type, "a-s-X-i-l-l");
    assert.equal(incident._attributes.uid, "enlace-incident-0192f000-0000-7000-8000-000000000003");
    // Stale when it leaves the 24-hour window: occurred 05:06:07 + 24 h.
    assert.equal(incident._attributes.stale, "2025-03-05T05:06:07.000Z");
    assert.deepEqual(incident.point._attributes, { lat: 7.9, lon: -72.5, hae: 9999999, ce: 100, le: 9999999 });
    assert.ok(String(incident.detail?.remarks?._text).endsWith(HOSTILE));
  });

  it("types each incident kind, and an old incident is never already stale", async () => {
    const types = ["smuggling_drugs", "irregular_crossing", "armed_group_activity", "other"] as const;
    const expected = ["a-s-X-i-l-l", "a-s-X-i-l", "a-h-X-i-l", "a-u-X-i"];
    for (const [n, type] of types.entries()) {
      const xml = incidentCot(sampleIncident({ type, occurredAt: "2025-01-01T00:00:00.000Z" }), times, "en");
      const e = (await cotLib.CoTParser.from_xml(xml)).raw.event;
      assert.equal(e._attributes.type, expected[n]);
      assert.ok(Date.parse(e._attributes.stale) > times.now.getTime());
    }
    const formal = (await cotLib.CoTParser.from_xml(crossingCot(sampleCrossing({ category: "formal", approximate: true }), times, "en")))
      .raw.event;
    assert.equal(formal._attributes.type, "a-n-G-I-i-o-bcc");
    assert.equal(formal.point._attributes.ce, 1000);
  });
});

describe("CSV export", () => {
  it("round-trips hostile text through an RFC 4180 reader, with a BOM and a header", async () => {
    const incident = sampleIncident();
    const text = await collect(csvDocument(INCIDENT_COLUMNS, [incident, sampleIncident({ summary: "plain" })]));
    assert.ok(text.startsWith("\uFEFF"));
    const rows = parseCsv(text.slice(1));
    assert.equal(rows.length, 3);
    const header = rows[0] as string[];
    assert.deepEqual(
      header,
      INCIDENT_COLUMNS.map((c) => c.name),
    );
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]?.[i]]));
    assert.equal(row.summary, HOSTILE);
    assert.equal(row.originator, 'Puesto 7, Batallón "Maza"');
    assert.equal(row.lat, "7.9");
    assert.equal(row.lon, "-72.5");
    assert.equal(row.goods, `fuel 1200.5 l (${HOSTILE}) | drugs 3 kg`);
    assert.equal(row.closed_at, "");
    assert.equal(row.late_report, "false");
    assert.equal(row.derived_from, "national/0192f000-0000-7000-8000-000000000009");
  });

  it("neutralises spreadsheet formulas in text, never in numbers", async () => {
    const rows = parseCsv(await collect(csvDocument(CROSSING_COLUMNS, [sampleCrossing()], { delimiter: ",", bom: false })));
    const header = rows[0] as string[];
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]?.[i]]));
    assert.equal(row.note, `'${FORMULA}`);
    assert.equal(row.lon, "-72.4567891");
  });

  it("writes semicolon-separated files for Spanish-locale spreadsheets", async () => {
    const text = await collect(csvDocument(SECTOR_COLUMNS, [sampleSector()], { delimiter: ";", bom: true }));
    const rows = parseCsv(text.slice(1), ";");
    const header = rows[0] as string[];
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]?.[i]]));
    assert.equal(row.description, HOSTILE);
    assert.equal(row.path_wkt, "LINESTRING (-72.47 7.83, -72.44 7.9, -72.4 8.05)");
    assert.equal(row.units, "co: Brigada 30 | ve: ZODI Táchira");
  });
});

describe("XML escaping", () => {
  it("escapes text and attributes so a parser reads the same string", () => {
    const dom = new DOMParser().parseFromString(`<a b="${xmlAttr(HOSTILE)}">${xmlText(HOSTILE)}</a>`, "text/xml");
    assert.equal(dom.documentElement?.getAttribute("b"), HOSTILE);
    assert.equal(dom.documentElement?.textContent, HOSTILE);
  });
});
