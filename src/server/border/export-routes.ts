import { Readable } from "node:stream";
import { z } from "zod";
import { parseBbox } from "../../core/border/bbox";
import { CROSSING_COLUMNS, INCIDENT_COLUMNS, SECTOR_COLUMNS } from "../../core/border/export/columns";
import { cotDocument, crossingCot, incidentCot } from "../../core/border/export/cot";
import { csvDocument } from "../../core/border/export/csv";
import { crossingFeature, featureCollection, incidentFeature, sectorFeature } from "../../core/border/export/geojson";
import { crossingPlacemark, incidentPlacemark, kmlDocument, sectorPlacemark } from "../../core/border/export/kml";
import type { Lang } from "../../core/border/export/labels";
import { crossingQuery, incidentQuery } from "../../core/border/inputs";
import type { CrossingView, IncidentView, SectorView } from "../../core/border/views";
import { actorOf } from "../http/auth";
import { languageOf } from "../http/errors";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { authorizeBorder } from "./commands";
import type { IncidentFilter } from "./incident-queries";
import { listCrossings, listIncidents, listSectors } from "./queries";
import { csvOptionsOf, csvOptionsSchema, langSchema } from "./read-params";

/**
 * Exports of the border picture: sectors, crossings and incidents as GeoJSON (RFC 7946),
 * KML 2.2 and CSV (RFC 4180), and a Cursor-on-Target feed for TAK clients. Files are
 * streamed as they are written; incidents are read a page at a time (each page in its own
 * short database call), so an export of any size holds neither a giant string nor the
 * database.
 */
const FORMATS = {
  geojson: { type: "application/geo+json", ext: "geojson" },
  kml: { type: "application/vnd.google-earth.kml+xml", ext: "kml" },
  csv: { type: "text/csv; charset=utf-8; header=present", ext: "csv" },
} as const;
type Format = keyof typeof FORMATS;
const PAGE = 1000;

const exportOptions = { lang: langSchema.optional(), ...csvOptionsSchema };

interface Kind<T> {
  readonly name: string;
  readonly title: { es: string; en: string };
  readonly feature: Parameters<typeof featureCollection<T>>[1];
  readonly placemark: (row: T, lang: Lang) => string;
  readonly columns: Parameters<typeof csvDocument<T>>[0];
}

const SECTORS: Kind<SectorView> = {
  name: "sectors",
  title: { es: "Sectores de frontera", en: "Border sectors" },
  feature: sectorFeature,
  placemark: sectorPlacemark,
  columns: SECTOR_COLUMNS,
};
const CROSSINGS: Kind<CrossingView> = {
  name: "crossings",
  title: { es: "Pasos fronterizos", en: "Border crossings" },
  feature: crossingFeature,
  placemark: crossingPlacemark,
  columns: CROSSING_COLUMNS,
};
const INCIDENTS: Kind<IncidentView> = {
  name: "incidents",
  title: { es: "Incidentes", en: "Incidents" },
  feature: incidentFeature,
  placemark: incidentPlacemark,
  columns: INCIDENT_COLUMNS,
};

function serialize<T>(kind: Kind<T>, format: Format, rows: AsyncIterable<T> | Iterable<T>, o: ExportOptions): AsyncGenerator<string> {
  if (format === "geojson") return featureCollection(rows, kind.feature);
  if (format === "kml") return kmlDocument(kind.title[o.lang], rows, (r) => kind.placemark(r, o.lang));
  return csvDocument(kind.columns, rows, o.csv);
}

interface ExportOptions {
  lang: Lang;
  csv: ReturnType<typeof csvOptionsOf>;
}

export function borderExportRoutes(app: App, node: NodeRuntime): void {
  const { db } = node;
  const tags = ["exports"];
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeBorder(actorOf(request), "border.read");
  const options = (request: Parameters<typeof actorOf>[0], q: z.infer<z.ZodObject<typeof exportOptions>>): ExportOptions => ({
    lang: q.lang ?? languageOf(request),
    csv: csvOptionsOf(q),
  });
  const filename = (name: string, format: Format) =>
    `enlace-${node.config.node}-${name}-${new Date().toISOString().slice(0, 10)}.${FORMATS[format].ext}`;

  /** Incidents matching the list's filters, newest first, page after page. */
  async function* incidents(filter: IncidentFilter): AsyncGenerator<IncidentView> {
    let cursor: string | undefined;
    do {
      const page = await db.connection((sql) => listIncidents(sql, { ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) }));
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  for (const format of Object.keys(FORMATS) as Format[]) {
    const download = <T>(kind: Kind<T>, rows: AsyncIterable<T> | Iterable<T>, o: ExportOptions) => ({
      type: FORMATS[format].type,
      disposition: `attachment; filename="${filename(kind.name, format)}"`,
      body: Readable.from(serialize(kind, format, rows, o)),
    });

    app.get(
      `/export/sectors.${format}`,
      { schema: { tags, summary: `Every sector as ${format}`, querystring: z.strictObject(exportOptions) } },
      async (request, reply) => {
        read(request);
        const rows = await db.connection((sql) => listSectors(sql));
        const d = download(SECTORS, rows, options(request, request.query));
        return reply.type(d.type).header("content-disposition", d.disposition).send(d.body);
      },
    );
    app.get(
      `/export/crossings.${format}`,
      { schema: { tags, summary: `Crossings as ${format} (the list's filters)`, querystring: crossingQuery.extend(exportOptions) } },
      async (request, reply) => {
        read(request);
        const { bbox, lang, delimiter, bom, ...rest } = request.query;
        const rows = await db.connection((sql) =>
          listCrossings(sql, { ...rest, ...(bbox !== undefined ? { bbox: parseBbox(bbox) } : {}) }),
        );
        const d = download(CROSSINGS, rows, options(request, { lang, delimiter, bom }));
        return reply.type(d.type).header("content-disposition", d.disposition).send(d.body);
      },
    );
    app.get(
      `/export/incidents.${format}`,
      {
        schema: {
          tags,
          summary: `Incidents as ${format}, newest first (the list's filters, every page)`,
          querystring: incidentQuery.omit({ limit: true, cursor: true }).extend(exportOptions),
        },
      },
      async (request, reply) => {
        read(request);
        const { bbox, lang, delimiter, bom, ...rest } = request.query;
        const parsed = bbox !== undefined ? parseBbox(bbox) : undefined;
        const d = download(
          INCIDENTS,
          incidents({ ...rest, ...(parsed ? { bbox: parsed } : {}) }),
          options(request, { lang, delimiter, bom }),
        );
        return reply.type(d.type).header("content-disposition", d.disposition).send(d.body);
      },
    );
  }

  app.get(
    "/export/cot",
    {
      schema: {
        tags,
        summary: "Cursor-on-Target XML (an <events> document) of every crossing and the incidents of the last `hours` (default 24)",
        querystring: z.strictObject({ hours: z.coerce.number().int().min(1).max(720).default(24), lang: langSchema.optional() }),
      },
    },
    async (request, reply) => {
      read(request);
      const lang = request.query.lang ?? languageOf(request);
      const now = new Date();
      const windowMs = request.query.hours * 3_600_000;
      const times = { now, crossingStaleMs: 24 * 3_600_000, windowMs };
      const crossings = await db.connection((sql) => listCrossings(sql));
      const from = new Date(now.getTime() - windowMs).toISOString();
      async function* events(): AsyncGenerator<string> {
        for (const c of crossings) yield crossingCot(c, times, lang);
        for await (const i of incidents({ from })) yield incidentCot(i, times, lang);
      }
      return reply
        .type("application/xml; charset=utf-8")
        .header("content-disposition", `inline; filename="enlace-${node.config.node}-cot.xml"`)
        .send(Readable.from(cotDocument(events())));
    },
  );
}
