import { Readable } from "node:stream";
import { z } from "zod";
import { parseBbox } from "../../core/border/bbox";
import { csvDocument } from "../../core/border/export/csv";
import { crossingCategorySchema, instantSchema } from "../../core/border/schema";
import { actorOf } from "../http/auth";
import { languageOf } from "../http/errors";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { authorizeBorder } from "./commands";
import { coverage } from "./coverage";
import { dailyReport } from "./daily-report";
import { DAILY_COLUMNS } from "./daily-report-csv";
import { dailyReportHtml } from "./daily-report-html";
import { seizures } from "./dashboard-seizures";
import { busiestCrossings, trends } from "./dashboard-trends";
import { mapHeat, mapIncidents } from "./map-queries";
import { csvOptionsOf, csvOptionsSchema, instantMs, langSchema, offsetSchema, typesOf, whenSchema, windowOf } from "./read-params";

/**
 * The border picture's read endpoints: coverage, dashboards, the daily report and the
 * map aggregates. Every role may read; the answers come from the border_stats read model.
 */
const DAY = 86_400_000;
const filters = { sector: z.uuid().optional(), side: z.string().max(32).optional() };

export function borderReadRoutes(app: App, node: NodeRuntime): void {
  const { db } = node;
  const read = (request: Parameters<typeof actorOf>[0]) => authorizeBorder(actorOf(request), "border.read");
  const snapshot = db.snapshot.bind(db);

  app.get(
    "/coverage",
    {
      schema: {
        tags: ["coverage"],
        summary: "Share of informal crossings with presence in the last 24 h and 7 days (combined, per side, per sector) and the gaps",
        querystring: z.strictObject({ at: instantSchema.optional() }),
      },
    },
    async (request) => {
      read(request);
      const at = request.query.at ? Date.parse(request.query.at) : Date.now();
      return snapshot((sql) => coverage(sql, at));
    },
  );

  const tags = ["dashboards"];
  app.get(
    "/dashboard/seizures",
    {
      schema: {
        tags,
        summary:
          "Incidents and quantities seized in [from, to) (default: the last 365 days), grouped by category, sector, month (UTC) or side",
        querystring: z.strictObject({
          from: whenSchema.optional(),
          to: whenSchema.optional(),
          groupBy: z.enum(["category", "sector", "month", "side"]).default("category"),
          ...filters,
        }),
      },
    },
    async (request) => {
      read(request);
      const { groupBy, sector, side } = request.query;
      const w = windowOf(request.query, Date.now(), 365 * DAY);
      return snapshot((sql) => seizures(sql, { ...w, groupBy, ...(sector ? { sector } : {}), ...(side ? { side } : {}) }));
    },
  );
  app.get(
    "/dashboard/trends",
    {
      schema: {
        tags,
        summary: "Incidents per type per month for the 12 months to `at` (default now), beside the 12 before, with the change",
        querystring: z.strictObject({ at: whenSchema.optional(), ...filters }),
      },
    },
    async (request) => {
      read(request);
      const { at, sector, side } = request.query;
      const atMs = at === undefined ? Date.now() : instantMs(at, true);
      return snapshot((sql) => trends(sql, atMs, { ...(sector ? { sector } : {}), ...(side ? { side } : {}) }));
    },
  );
  app.get(
    "/dashboard/crossings/busiest",
    {
      schema: {
        tags,
        summary: "The crossings named by most incidents in [from, to) (default: the last 30 days)",
        querystring: z.strictObject({
          from: whenSchema.optional(),
          to: whenSchema.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(10),
          side: filters.side,
          category: crossingCategorySchema.optional(),
        }),
      },
    },
    async (request) => {
      read(request);
      const { limit, side, category } = request.query;
      const w = windowOf(request.query, Date.now(), 30 * DAY);
      return snapshot((sql) => busiestCrossings(sql, { ...w, limit, ...(side ? { side } : {}), ...(category ? { category } : {}) }));
    },
  );

  const dailyQuery = z.strictObject({
    date: z.iso.date(),
    tz: offsetSchema.default("+00:00"),
    lang: langSchema.optional(),
    ...csvOptionsSchema,
  });
  type DailyQuery = z.infer<typeof dailyQuery>;
  const report = (q: DailyQuery, listMax: number) =>
    snapshot((sql) => dailyReport(sql, { date: q.date, tz: q.tz, nowMs: Date.now(), listMax }));
  const reportSchema = (summary: string) => ({ tags: ["reports"], summary, querystring: dailyQuery });
  app.get(
    "/reports/daily",
    { schema: reportSchema("The daily report, 00:00–24:00 at offset `tz` (default UTC; Colombia −05:00, Venezuela −04:00)") },
    async (request) => {
      read(request);
      return report(request.query, 500);
    },
  );
  app.get("/reports/daily.html", { schema: reportSchema("The daily report as a printable HTML page") }, async (request, reply) => {
    read(request);
    const r = await report(request.query, 2000);
    const lang = request.query.lang ?? languageOf(request);
    return reply.type("text/html; charset=utf-8").send(dailyReportHtml(r, lang, node.config.name));
  });
  app.get("/reports/daily.csv", { schema: reportSchema("The day's incidents as CSV (RFC 4180, UTF-8)") }, async (request, reply) => {
    read(request);
    const r = await report(request.query, 100_000);
    return reply
      .type("text/csv; charset=utf-8; header=present")
      .header("content-disposition", `attachment; filename="informe-diario-${r.date}.csv"`)
      .send(Readable.from(csvDocument(DAILY_COLUMNS, r.list, csvOptionsOf(request.query))));
  });

  const mapQuery = z.strictObject({
    bbox: z.string().max(200).optional(),
    from: whenSchema.optional(),
    to: whenSchema.optional(),
    type: z.string().max(400).optional(),
    zoom: z.coerce.number().min(0).max(24).default(6),
    ...filters,
  });
  type MapParams = z.infer<typeof mapQuery>;
  const mapParams = (q: MapParams) => ({
    bbox: q.bbox === undefined ? { minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 } : parseBbox(q.bbox),
    ...windowOf(q, Date.now(), 7 * DAY),
    zoom: q.zoom,
    ...(typesOf(q.type) ? { types: typesOf(q.type) } : {}),
    ...(q.sector ? { sector: q.sector } : {}),
    ...(q.side ? { side: q.side } : {}),
  });
  app.get(
    "/map/incidents",
    {
      schema: {
        tags: ["map"],
        summary: "Incidents in a box and window (default: the last 7 days) as GeoJSON: points when at most 500, else grid clusters",
        querystring: mapQuery,
      },
    },
    async (request, reply) => {
      read(request);
      const q = mapParams(request.query);
      return reply.type("application/geo+json").send(await snapshot((sql) => mapIncidents(sql, q)));
    },
  );
  app.get(
    "/map/heat",
    { schema: { tags: ["map"], summary: "Heat-map weights per grid cell (GeoJSON points, `weight` 0–1)", querystring: mapQuery } },
    async (request, reply) => {
      read(request);
      const q = mapParams(request.query);
      return reply.type("application/geo+json").send(await snapshot((sql) => mapHeat(sql, q)));
    },
  );
}
