import type { CrossingView, IncidentView, SectorView } from "../views";
import { CROSSING_COLUMNS, INCIDENT_COLUMNS, SECTOR_COLUMNS } from "./columns";
import type { CsvColumn } from "./csv";
import { CROSSING_CATEGORY_LABELS, FIELD_LABELS, goodsText, IMPACT_LABELS, INCIDENT_TYPE_LABELS, type Lang, STATUS_LABELS } from "./labels";
import { xmlAttr, xmlText } from "./xml";

/**
 * KML 2.2 exports: one Placemark per object with a name, a plain-text description for
 * people (escaped, never raw HTML, so nothing in a report can run in a viewer) and
 * ExtendedData carrying the same fields as the CSV columns, for tools. Coordinates are
 * lon,lat as KML requires. Placemark ids are prefixed, since an XML id may not start with
 * a digit and a UUID may.
 */
const STYLES: Record<string, string> = {
  // KML colours are aabbggrr.
  "crossing-formal": "ffd07a1e",
  "crossing-informal": "ff1e8cf0",
  "impact-low": "ff3cd2f5",
  "impact-medium": "ff1e9bf5",
  "impact-high": "ff1e50e6",
  "impact-very_high": "ff2814a0",
  sector: "ff8c8c8c",
};

const styles = () =>
  Object.entries(STYLES)
    .map(([id, color]) =>
      id === "sector"
        ? `<Style id="${id}"><LineStyle><color>${color}</color><width>3</width></LineStyle></Style>`
        : `<Style id="${id}"><IconStyle><color>${color}</color></IconStyle></Style>`,
    )
    .join("\n");

/** `name` and `description` are the Placemark's own elements; readers let ExtendedData override them. */
const extended = <T>(columns: readonly CsvColumn<T>[], row: T) =>
  `<ExtendedData>${columns
    .filter((c) => c.name !== "name" && c.name !== "description")
    .map((c) => {
      const v = c.get(row);
      return `<Data name="${xmlAttr(c.name)}"><value>${v === null ? "" : xmlText(String(v))}</value></Data>`;
    })
    .join("")}</ExtendedData>`;

const lines = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}: ${v}`).join("\n");

export function sectorPlacemark(s: SectorView, lang: Lang): string {
  const units = s.units.map((u) => `${u.node}: ${u.name}`).join(", ");
  const description = lines([
    [FIELD_LABELS.units[lang], units],
    [FIELD_LABELS.risk[lang], s.level ?? "—"],
  ]).concat(s.description ? `\n\n${s.description}` : "");
  return `<Placemark id="sector-${xmlAttr(s.id)}"><name>${xmlText(`${s.code} · ${s.name}`)}</name><description>${xmlText(description)}</description><styleUrl>#sector</styleUrl>${extended(SECTOR_COLUMNS, s)}<LineString><tessellate>1</tessellate><coordinates>${s.path.map(([lon, lat]) => `${lon},${lat}`).join(" ")}</coordinates></LineString></Placemark>`;
}

export function crossingPlacemark(c: CrossingView, lang: Lang): string {
  const description = lines([
    [FIELD_LABELS.type[lang], CROSSING_CATEGORY_LABELS[c.category][lang]],
    [FIELD_LABELS.modes[lang], c.modes.join(", ")],
    [FIELD_LABELS.status[lang], STATUS_LABELS[c.status][lang]],
    [FIELD_LABELS.risk[lang], c.risk],
    [FIELD_LABELS.side[lang], c.ownerNode],
    ["MGRS", c.location.mgrs],
    ...(c.approximate ? ([[FIELD_LABELS.approximate[lang], lang === "es" ? "sí" : "yes"]] as [string, string][]) : []),
  ]).concat(c.note ? `\n\n${c.note}` : "");
  return `<Placemark id="crossing-${xmlAttr(c.id)}"><name>${xmlText(c.name)}</name><description>${xmlText(description)}</description><styleUrl>#crossing-${c.category}</styleUrl>${extended(CROSSING_COLUMNS, c)}<Point><coordinates>${c.location.lon},${c.location.lat}</coordinates></Point></Placemark>`;
}

export function incidentPlacemark(i: IncidentView, lang: Lang): string {
  const description = lines([
    [FIELD_LABELS.type[lang], INCIDENT_TYPE_LABELS[i.type][lang]],
    [FIELD_LABELS.occurredAt[lang], i.occurredAt],
    [FIELD_LABELS.impact[lang], IMPACT_LABELS[i.impact][lang]],
    [FIELD_LABELS.confidence[lang], `${i.confidence.reliability}${i.confidence.credibility}`],
    [FIELD_LABELS.goods[lang], goodsText(i.goods, lang) || "—"],
    [FIELD_LABELS.status[lang], STATUS_LABELS[i.status][lang]],
    [FIELD_LABELS.side[lang], i.ownerNode],
    [FIELD_LABELS.originator[lang], i.originator],
    ["MGRS", i.location.mgrs],
  ]).concat(i.summary ? `\n\n${i.summary}` : "");
  const name = `${INCIDENT_TYPE_LABELS[i.type][lang]} · ${i.occurredAt.slice(0, 16).replace("T", " ")}`;
  return `<Placemark id="incident-${xmlAttr(i.id)}"><name>${xmlText(name)}</name><TimeStamp><when>${xmlText(i.occurredAt)}</when></TimeStamp><description>${xmlText(description)}</description><styleUrl>#impact-${i.impact}</styleUrl>${extended(INCIDENT_COLUMNS, i)}<Point><coordinates>${i.location.lon},${i.location.lat}</coordinates></Point></Placemark>`;
}

/** The document as chunks: header and styles, one Placemark per row, the closing tags. */
export async function* kmlDocument<T>(
  name: string,
  rows: AsyncIterable<T> | Iterable<T>,
  toPlacemark: (row: T) => string,
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${xmlText(name)}</name>\n${styles()}\n`;
  for await (const row of rows) yield `${toPlacemark(row)}\n`;
  yield "</Document>\n</kml>\n";
}
