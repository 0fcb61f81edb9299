import { GOODS_CATEGORY_LABELS, IMPACT_LABELS, INCIDENT_TYPE_LABELS, type Lang, STATUS_LABELS } from "../../core/border/export/labels";
import type { DailyReportView } from "../../core/border/read-views";
import type { GoodsCategory, Impact, IncidentType } from "../../core/border/schema";

/**
 * The daily report as one printable HTML page (A4, no scripts, inline styles only, every
 * value escaped), in Spanish or English.
 */
const T = {
  title: { es: "Informe diario de la frontera", en: "Daily border report" },
  window: { es: "Periodo", en: "Period" },
  incidents: { es: "Incidentes", en: "Incidents" },
  withSeizures: { es: "Con incautaciones", en: "With seizures" },
  late: { es: "Primer informe tardío (> 24 h)", en: "Late first report (> 24 h)" },
  closed: { es: "Cerrados en el día", en: "Closed during the day" },
  followups: { es: "Informes de seguimiento", en: "Follow-up reports" },
  byType: { es: "Por tipo", en: "By type" },
  bySide: { es: "Por lado", en: "By side" },
  bySector: { es: "Por sector", en: "By sector" },
  byImpact: { es: "Por impacto", en: "By impact" },
  seizures: { es: "Incautaciones", en: "Seizures" },
  coverage: { es: "Cobertura de pasos informales", en: "Coverage of informal crossings" },
  gaps: { es: "Pasos sin presencia en 24 h", en: "Crossings without presence in 24 h" },
  list: { es: "Incidentes del día", en: "The day's incidents" },
  time: { es: "Hora", en: "Time" },
  type: { es: "Tipo", en: "Type" },
  side: { es: "Lado", en: "Side" },
  sector: { es: "Sector", en: "Sector" },
  impact: { es: "Impacto", en: "Impact" },
  status: { es: "Estado", en: "Status" },
  goods: { es: "Bienes", en: "Goods" },
  summary: { es: "Resumen", en: "Summary" },
  category: { es: "Categoría", en: "Category" },
  quantity: { es: "Cantidad", en: "Quantity" },
  unit: { es: "Unidad", en: "Unit" },
  crossing: { es: "Paso", en: "Crossing" },
  lastPresence: { es: "Última presencia", en: "Last presence" },
  never: { es: "nunca", en: "never" },
  none: { es: "Ninguno.", en: "None." },
  unassigned: { es: "sin sector", en: "no sector" },
  combined: { es: "Total", en: "Combined" },
  shown: { es: "Se muestran los primeros", en: "Showing the first" },
} as const;

/** An instant as hh:mm at the report's offset (±hh:mm). */
function localTime(iso: string, tz: string): string {
  const [, sign, hh, mm] = /^([+-])(\d\d):(\d\d)$/.exec(tz) ?? [];
  const minutes = sign ? (sign === "-" ? -1 : 1) * (Number(hh) * 60 + Number(mm)) : 0;
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString().slice(11, 16);
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 1000) / 10} %`);
const table = (head: string[], rows: string[][], lang: Lang) =>
  rows.length === 0
    ? `<p>${T.none[lang]}</p>`
    : `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;

const typeLabel = (t: string, lang: Lang) => INCIDENT_TYPE_LABELS[t as IncidentType]?.[lang] ?? t;
const impactLabel = (i: string, lang: Lang) => IMPACT_LABELS[i as Impact]?.[lang] ?? i;
const categoryLabel = (c: string, lang: Lang) => GOODS_CATEGORY_LABELS[c as GoodsCategory]?.[lang] ?? c;

export function dailyReportHtml(r: DailyReportView, lang: Lang, nodeName: string): string {
  const t = (k: keyof typeof T) => T[k][lang];
  const sectorName = (s: { code: string | null; name: string | null }) => (s.code ? `${s.code} · ${s.name ?? ""}` : t("unassigned"));
  const cov = r.coverage;
  const body = [
    `<h1>${esc(t("title"))} · ${esc(r.date)} (UTC${esc(r.tz)})</h1>`,
    `<p>${esc(nodeName)} · ${esc(t("window"))}: ${esc(r.from)} – ${esc(r.to)}</p>`,
    table(
      [t("incidents"), t("withSeizures"), t("late"), t("closed"), t("followups")],
      [[r.incidents, r.withSeizures, r.lateReports, r.closed, r.followups].map(String)],
      lang,
    ),
    `<h2>${esc(t("byType"))}</h2>`,
    table(
      [t("type"), t("incidents")],
      r.byType.map((x) => [typeLabel(x.type, lang), String(x.incidents)]),
      lang,
    ),
    `<div class="cols"><div><h2>${esc(t("bySide"))}</h2>${table(
      [t("side"), t("incidents")],
      r.bySide.map((x) => [x.side, String(x.incidents)]),
      lang,
    )}</div>`,
    `<div><h2>${esc(t("byImpact"))}</h2>${table(
      [t("impact"), t("incidents")],
      r.byImpact.map((x) => [impactLabel(x.impact, lang), String(x.incidents)]),
      lang,
    )}</div></div>`,
    `<h2>${esc(t("bySector"))}</h2>`,
    table(
      [t("sector"), t("incidents")],
      r.bySector.map((x) => [sectorName(x), String(x.incidents)]),
      lang,
    ),
    `<h2>${esc(t("seizures"))}</h2>`,
    table(
      [t("category"), t("quantity"), t("unit"), t("incidents")],
      r.seizures.map((s) => [categoryLabel(s.category, lang), String(s.quantity), s.unit, String(s.incidents)]),
      lang,
    ),
    `<h2>${esc(t("coverage"))}</h2>`,
    table(
      ["", t("crossing"), "24 h", "7 d"],
      [
        [t("combined"), String(cov.combined.crossings), pct(cov.combined.share24h), pct(cov.combined.share7d)],
        ...cov.sides.map((s) => [s.side, String(s.crossings), pct(s.share24h), pct(s.share7d)]),
        ...cov.sectors.map((s) => [sectorName(s), String(s.crossings), pct(s.share24h), pct(s.share7d)]),
      ],
      lang,
    ),
    `<h3>${esc(t("gaps"))}</h3>`,
    table(
      [t("crossing"), t("side"), t("lastPresence")],
      cov.gaps.map((g) => [g.name, g.side, g.lastPresenceAt ?? t("never")]),
      lang,
    ),
    `<h2>${esc(t("list"))}</h2>`,
    r.listed < r.incidents ? `<p>${esc(t("shown"))} ${r.listed}.</p>` : "",
    table(
      [`${t("time")} (UTC${r.tz})`, t("type"), t("side"), t("impact"), t("status"), t("goods"), t("summary")],
      r.list.map((i) => [
        localTime(i.occurredAt, r.tz),
        typeLabel(i.type, lang),
        i.side,
        impactLabel(i.impact, lang),
        STATUS_LABELS[i.status as "open" | "closed"]?.[lang] ?? i.status,
        i.goods.map((g) => `${categoryLabel(g.category, lang)} ${g.quantity} ${g.unit}`).join("; "),
        i.summary,
      ]),
      lang,
    ),
  ].join("\n");
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t("title"))} ${esc(r.date)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #999; } h3 { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin: .3em 0; page-break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 2px 5px; text-align: left; vertical-align: top; }
tr { page-break-inside: avoid; } thead { display: table-header-group; }
.cols { display: flex; gap: 1em; } .cols > div { flex: 1; }
</style></head>
<body>
${body}
</body></html>
`;
}
