import PDFDocument from "pdfkit";
import type { ProgressReport } from "./progress";

/**
 * The ministerial progress report as a PDF (A4), drawn with the standard PDF fonts so it
 * needs no font files and renders the same on any reader. Labels in Spanish or English.
 */
const LABELS = {
  es: {
    title: "Informe de avance para la próxima reunión ministerial",
    statement: "Declaración",
    generated: "Generado",
    overall: "Avance general",
    byAgreement: "Avance por acuerdo",
    statuses: "Actividades por estado",
    timeline: "Evolución del avance",
    atRisk: "Actividades que no cumplirán su fecha al ritmo actual",
    changed: "Cambios desde",
    none: "Ninguna.",
    due: "vence",
    projected: "proyección",
    level: "nivel",
    status: { on_track: "En curso", at_risk: "En riesgo", late: "Atrasada", complete: "Completa", complete_late: "Completa con atraso" },
  },
  en: {
    title: "Progress report for the next ministerial meeting",
    statement: "Statement",
    generated: "Generated",
    overall: "Overall progress",
    byAgreement: "Progress by agreement",
    statuses: "Activities by status",
    timeline: "Progress over time",
    atRisk: "Activities that will miss their date at the current pace",
    changed: "Changes since",
    none: "None.",
    due: "due",
    projected: "projected",
    level: "level",
    status: { on_track: "On track", at_risk: "At risk", late: "Late", complete: "Complete", complete_late: "Complete (late)" },
  },
} as const;

const COLORS = { on_track: "#2f9e44", at_risk: "#f08c00", late: "#e03131", complete: "#1971c2", complete_late: "#7048e8" } as const;

export function progressPdf(report: ProgressReport, lang: "es" | "en", node: string): Promise<Buffer> {
  const t = LABELS[lang];
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: t.title, Producer: "Enlace", Creator: `Enlace ${node}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 100;

  doc.font("Helvetica-Bold").fontSize(16).text(t.title);
  doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor("#444");
  doc.text(`${t.statement}: ${report.statement.title} (${report.statement.date})`);
  doc.text(`${t.generated}: ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC, ${node}`);
  doc
    .moveDown()
    .fillColor("#000")
    .font("Helvetica-Bold")
    .fontSize(13)
    .text(`${t.overall}: ${report.percent.toFixed(1)} %`);

  const bar = (label: string, percent: number) => {
    doc.font("Helvetica").fontSize(9);
    const textWidth = width - 150;
    const height = doc.heightOfString(label, { width: textWidth });
    if (doc.y + height > doc.page.height - 60) doc.addPage();
    const y = doc.y + 2;
    doc.fillColor("#000").text(label, 50, y, { width: textWidth });
    doc.rect(50 + width - 140, y, 100, 9).fill("#e9ecef");
    doc.rect(50 + width - 140, y, Math.max(0, Math.min(100, percent)), 9).fill("#1971c2");
    doc.fillColor("#000").text(`${percent.toFixed(1)} %`, 50 + width - 35, y, { width: 45 });
    doc.x = 50;
    doc.y = y + Math.max(height, 11) + 5;
  };

  doc.moveDown().font("Helvetica-Bold").fontSize(12).text(t.byAgreement);
  doc.moveDown(0.3);
  for (const a of report.agreements) bar(`${a.number}. ${a.text}`, a.percent);

  doc.moveDown().font("Helvetica-Bold").fontSize(12).fillColor("#000").text(t.statuses);
  doc.moveDown(0.3);
  const total = Math.max(
    1,
    Object.values(report.counts).reduce((s, n) => s + n, 0),
  );
  for (const [status, n] of Object.entries(report.counts) as [keyof typeof COLORS, number][]) {
    const y = doc.y;
    doc.rect(50, y + 1, 200, 9).fill("#f1f3f5");
    doc.rect(50, y + 1, (n / total) * 200, 9).fill(COLORS[status]);
    doc.fillColor("#000").font("Helvetica").fontSize(9).text(`${t.status[status]}: ${n}`, 260, y);
    doc.x = 50;
    doc.y = y + 13;
  }

  doc.moveDown().font("Helvetica-Bold").fontSize(12).text(t.timeline);
  const top = doc.y + 6;
  const h = 80;
  doc.rect(50, top, width, h).stroke("#ced4da");
  const pts = report.timeline;
  pts.forEach((p, i) => {
    const x = 50 + (pts.length === 1 ? width / 2 : (i * width) / (pts.length - 1));
    const y = top + h - (p.percent / 100) * h;
    if (i === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  });
  doc.stroke("#1971c2");
  doc
    .fillColor("#444")
    .fontSize(8)
    .text(pts[0]?.date ?? "", 50, top + h + 3)
    .text(pts.at(-1)?.date ?? "", 50 + width - 60, top + h + 3);
  doc.x = 50;
  doc.y = top + h + 18;

  doc.font("Helvetica-Bold").fontSize(12).fillColor("#000").text(t.atRisk);
  doc.font("Helvetica").fontSize(9);
  if (report.atRisk.length === 0) doc.text(t.none);
  for (const a of report.atRisk) {
    doc.text(
      `• ${a.title} (${a.ownerNode}) — ${t.status[a.status]}, ${t.due} ${a.dueDate}${a.projectedCompletion ? `, ${t.projected} ${a.projectedCompletion}` : ""}`,
    );
  }
  doc
    .moveDown()
    .font("Helvetica-Bold")
    .fontSize(12)
    .text(`${t.changed} ${report.baseline.date} (${report.baseline.percent.toFixed(1)} %)`);
  doc.font("Helvetica").fontSize(9);
  if (report.changedSinceBaseline.length === 0) doc.text(t.none);
  // The standard fonts have no arrow glyph: "0 > 2" reads the same in both languages.
  for (const c of report.changedSinceBaseline) doc.text(`• ${c.title} (${c.ownerNode}): ${t.level} ${c.from} > ${c.to}`);
  doc.end();
  return done;
}
