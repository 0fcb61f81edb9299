import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { seedBorder } from "../../src/cli/demo-border";
import { seedCoordination } from "../../src/cli/demo-coordination";
import {
  DOWNLOADS,
  launchBrowser,
  logIn,
  newContext,
  SCREENSHOTS,
  screenshot,
  skipReason,
  startPair,
  watchErrors,
} from "../helpers/browser";

/**
 * Regional coordination in real Chromium across two real federated nodes, seeded with the
 * demo's sectors, units, meetings and register: each side defines a unit in its browser (ve
 * naming co's as its counterpart); co schedules a meeting inviting ve's unit with an agenda;
 * ve confirms attendance in its own browser and co sees it arrive; co writes the minutes and
 * records an action outcome, which both sides then find among the activities of the
 * commitments pages. Then a group, a national report released into the binational space,
 * its STIX download, and every main page in Spanish and English.
 */
const skip = skipReason();
// A skipped suite is not counted; this skipped test is, so the run's tally shows the skip.
if (skip) it("runs in Chromium", { skip }, () => {});

const DIR = join(SCREENSHOTS, "coordination");
const CO_UNIT = "Brigada de prueba de Cúcuta (ilustrativa)";
const VE_UNIT = "Zona de defensa de prueba Táchira (ilustrativa)";
const MEETING = "Reunión de prueba de coordinación en Cúcuta (ilustrativa)";
const SERIES = "Reunión mensual de prueba en Cúcuta (ilustrativa)";
const ACTION = "Patrullaje coordinado del paso informal de prueba (ilustrativo)";
const GROUP = "Grupo de prueba «Los del Puente» (ilustrativo)";
const REPORT = "Cisternas de prueba cerca del puente (ilustrativo)";
const RFI = "¿Qué pasos usa el grupo de prueba para las cisternas? (ilustrativo)";
const due = `${new Date().getFullYear() + 1}-06-30`;

describe("regional coordination in the browser, across co and ve", { skip }, () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let browser: Browser;
  let co: Page;
  let ve: Page;
  let coErrors: string[];
  let veErrors: string[];
  let meetingUrl = "";
  let reportUrl = "";

  before(async () => {
    mkdirSync(DIR, { recursive: true });
    [pair, browser] = await Promise.all([startPair(), launchBrowser()]);
    const coNode = pair.cluster.member("co").running?.node;
    const veNode = pair.cluster.member("ve").running?.node;
    if (!coNode || !veNode) throw new Error("the pair is not running");
    await seedBorder(coNode, veNode, { incidents: 40, seed: 7 });
    assert.equal(await seedCoordination(coNode, veNode), true, "the coordination demo data was seeded");
    const [a, b] = [await newContext(browser), await newContext(browser)];
    a.setDefaultTimeout(20_000);
    b.setDefaultTimeout(20_000);
    [co, ve] = [await a.newPage(), await b.newPage()];
    coErrors = watchErrors(co);
    veErrors = watchErrors(ve);
    await logIn(co, pair.co, "admin");
    await logIn(ve, pair.ve, "admin");
  });

  after(async () => {
    await browser?.close();
    await pair?.dispose();
  });

  const nav = (page: Page, name: string) =>
    page
      .getByRole("navigation", { name: /^(Navegación principal|Main navigation)$/ })
      .getByRole("link", { name, exact: true })
      .click();
  const pick = async (page: Page, scope: ReturnType<Page["getByRole"]>, combobox: string, option: string | RegExp) => {
    await scope.getByRole("combobox", { name: combobox }).click();
    await page.getByRole("option", { name: option }).click();
  };
  const loaded = (page: Page) => page.getByRole("main").locator(".mantine-Loader-root").first().waitFor({ state: "detached" });

  it("each side defines a regional unit; ve names co's unit as its counterpart", async () => {
    await nav(co, "Unidades regionales");
    await co.getByRole("heading", { level: 1, name: "Unidades regionales" }).waitFor();
    await co.getByRole("button", { name: "Nueva unidad" }).click();
    const form = co.getByRole("form", { name: "Crear unidad" });
    await form.getByRole("button", { name: "Crear unidad" }).click();
    await form.getByText("Este campo es obligatorio.").first().waitFor();
    await form.getByRole("textbox", { name: "Unidad", exact: true }).fill(CO_UNIT);
    await form.getByRole("textbox", { name: "Cargo del comandante" }).fill("Comandante de la brigada de prueba");
    await pick(co, form, "Jurisdicción (sectores)", /^CUC · /);
    await co.keyboard.press("Escape");
    await form.getByRole("button", { name: "Agregar contacto" }).click();
    await form.getByRole("textbox", { name: "Contacto 1", exact: true }).fill("Indicativo BRIGADA-PRUEBA");
    await form.getByRole("button", { name: "Crear unidad" }).click();
    await co.getByRole("heading", { level: 1, name: CO_UNIT }).waitFor();
    await co.getByRole("textbox", { name: "Dirección de suscripción (iCalendar)" }).waitFor();
    assert.match(
      await co.getByRole("textbox", { name: "Dirección de suscripción (iCalendar)" }).inputValue(),
      /\/api\/v1\/units\/[0-9a-f-]{36}\/calendar\.ics\?lang=es$/,
    );
    await screenshot(co, "coordination/01-unit-co-es");

    await nav(ve, "Unidades regionales");
    await ve.getByRole("button", { name: "Nueva unidad" }).click();
    const veForm = ve.getByRole("form", { name: "Crear unidad" });
    await veForm.getByRole("textbox", { name: "Unidad", exact: true }).fill(VE_UNIT);
    await veForm.getByRole("textbox", { name: "Cargo del comandante" }).fill("Comandante de la zona de prueba");
    // co's unit arrives by replication; the picker offers it once it has.
    await pick(ve, veForm, "Unidades contraparte", `${CO_UNIT} (CO)`);
    await ve.keyboard.press("Escape");
    await veForm.getByRole("button", { name: "Crear unidad" }).click();
    await ve.getByRole("heading", { level: 1, name: VE_UNIT }).waitFor();
    await ve.getByRole("link", { name: CO_UNIT }).waitFor();
  });

  it("co schedules a meeting hosted by its unit, inviting ve's, with an agenda", async () => {
    await nav(co, "Reuniones de unidades");
    await co.getByRole("heading", { level: 1, name: "Reuniones de unidades regionales" }).waitFor();
    await co.getByRole("button", { name: "Programar reunión" }).click();
    const form = co.getByRole("form", { name: "Programar reunión" });
    await form.getByRole("button", { name: "Programar reunión" }).click();
    await form.getByText("Este campo es obligatorio.").first().waitFor();
    await form.getByRole("textbox", { name: "Título de la reunión" }).fill(MEETING);
    await pick(co, form, "Unidad anfitriona", CO_UNIT);
    await pick(co, form, "Unidades invitadas", `${VE_UNIT} (VE)`);
    await co.keyboard.press("Escape");
    await form.getByRole("textbox", { name: "Lugar" }).fill("Puesto de mando de prueba, Cúcuta");
    await form.getByRole("button", { name: "Agregar punto" }).click();
    await form.getByRole("textbox", { name: "Punto 1 del orden del día" }).fill("Pasos informales del sector");
    await form.getByRole("button", { name: "Agregar punto" }).click();
    await form.getByRole("textbox", { name: "Punto 2 del orden del día" }).fill("Contrabando de combustible");
    await screenshot(co, "coordination/02-schedule-form-es");
    await form.getByRole("button", { name: "Programar reunión" }).click();
    await co.getByRole("heading", { level: 1, name: MEETING }).waitFor();
    meetingUrl = new URL(co.url()).pathname;
    const attendance = co.getByRole("table", { name: "Asistencia" });
    await attendance
      .getByRole("row", { name: new RegExp(VE_UNIT.replace(/[()]/g, "\\$&")) })
      .getByText("Sin respuesta")
      .waitFor();

    // The meeting's iCalendar file is there to download, parsed back as a VEVENT of this meeting.
    const download = co.waitForEvent("download");
    await co.getByRole("link", { name: "Descargar .ics" }).click();
    mkdirSync(DOWNLOADS, { recursive: true });
    const file = join(DOWNLOADS, "coordination-meeting.ics");
    await (await download).saveAs(file);
    const ics = readFileSync(file, "utf8");
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.match(ics.replace(/\r\n /g, ""), /SUMMARY:Reunión de prueba de coordinación en Cúcuta/);

    // A monthly series of three: each occurrence is a meeting of its own.
    await nav(co, "Reuniones de unidades");
    await co.getByRole("button", { name: "Programar reunión" }).click();
    const series = co.getByRole("form", { name: "Programar reunión" });
    await series.getByRole("textbox", { name: "Título de la reunión" }).fill(SERIES);
    await pick(co, series, "Unidad anfitriona", CO_UNIT);
    await pick(co, series, "Unidades invitadas", `${VE_UNIT} (VE)`);
    await co.keyboard.press("Escape");
    await series.getByRole("checkbox", { name: "Reunión periódica (serie)" }).check();
    await series.getByRole("textbox", { name: "Número de reuniones" }).fill("3");
    await series.getByRole("button", { name: "Programar la serie" }).click();
    await co.getByRole("heading", { level: 1, name: SERIES }).waitFor();
    await co.getByText("Forma parte de una serie de reuniones periódicas").waitFor();
    await nav(co, "Reuniones de unidades");
    await co.getByRole("link", { name: SERIES }).nth(2).waitFor();
    assert.equal(await co.getByRole("link", { name: SERIES }).count(), 3);

    // A subscription link to the unit's calendar opens the feed with no login, as a calendar app would.
    await pick(co, co.getByRole("main"), "Unidad", CO_UNIT);
    await co.getByRole("button", { name: "Suscribirse al calendario de la unidad" }).click();
    const linkBox = co.getByRole("textbox", { name: "Enlace de suscripción" });
    await linkBox.waitFor();
    await screenshot(co, "coordination/02b-calendar-subscribe-es");
    const feed = await fetch(await linkBox.inputValue());
    assert.equal(feed.status, 200);
    assert.match(String(feed.headers.get("content-type")), /^text\/calendar/);
    assert.ok((await feed.text()).replace(/\r\n /g, "").includes(`SUMMARY:${SERIES}`), "the series is in the unit's feed");
  });

  it("ve confirms its unit's attendance in its own browser; co sees it arrive", async () => {
    await co.goto(`${pair.co}${meetingUrl}`);
    await co.getByRole("heading", { level: 1, name: MEETING }).waitFor();
    // The meeting reaches ve by replication; its list refreshes by itself when it does.
    await nav(ve, "Reuniones de unidades");
    await ve.getByRole("link", { name: MEETING }).click({ timeout: 20_000 });
    await ve.getByRole("heading", { level: 1, name: MEETING }).waitFor();
    assert.equal(new URL(ve.url()).pathname, meetingUrl);
    const form = ve.getByRole("form", { name: "Confirmar asistencia" });
    await form.getByRole("textbox", { name: "Delegación" }).fill("Comandante y dos oficiales (prueba)");
    await form.getByRole("button", { name: "Confirmar asistencia" }).click();
    await ve.getByRole("status").filter({ hasText: "Asistencia registrada." }).waitFor();
    await screenshot(ve, "coordination/03-meeting-ve-attendance-es");
    assert.equal(await ve.getByRole("button", { name: "Registrar resultado" }).count(), 0, "only the host records outcomes");

    // co's page was open before ve answered: the confirmation arrives through the live stream.
    const row = co.getByRole("table", { name: "Asistencia" }).getByRole("row", { name: new RegExp(VE_UNIT.replace(/[()]/g, "\\$&")) });
    await row.getByText("Asistirá").waitFor({ timeout: 15_000 });
    await row.getByText("Comandante y dos oficiales (prueba)").waitFor();
  });

  it("co writes the minutes and records an action outcome that becomes an activity", async () => {
    await co.getByRole("button", { name: "Redactar el acta" }).click();
    await co
      .getByRole("textbox", { name: "Texto del acta" })
      .fill("Asistieron ambas delegaciones. Se revisaron los pasos informales (prueba).");
    await co.getByRole("button", { name: "Guardar acta" }).click();
    await co.getByText(/^Versión 1 · admin@co/).waitFor();

    await co.getByRole("button", { name: "Registrar resultado" }).click();
    const form = co.getByRole("form", { name: "Registrar resultado" });
    await form.getByRole("radio", { name: "Acción" }).check();
    await form.getByRole("textbox", { name: "Texto" }).fill(ACTION);
    await pick(co, form, "Punto del orden del día", "1. Pasos informales del sector");
    await pick(co, form, "Unidad responsable", `${VE_UNIT} (VE)`);
    await form.getByRole("button", { name: "Registrar resultado" }).click();
    await form.getByText("Indique una fecha válida (AAAA-MM-DD).").waitFor();
    await form.getByLabel(/^Fecha límite/).fill(due);
    await form.getByRole("button", { name: "Registrar resultado" }).click();
    await co.getByRole("status").filter({ hasText: "Resultado registrado." }).waitFor();
    const outcomes = co.getByRole("list", { name: "Resultados" });
    await outcomes.getByText("Sobre el punto 1. Pasos informales del sector").waitFor();
    await outcomes.getByRole("link", { name: ACTION }).waitFor();
    await screenshot(co, "coordination/04-meeting-co-outcome-es");

    await outcomes.getByRole("link", { name: ACTION }).click();
    await co.getByRole("heading", { level: 1, name: ACTION }).waitFor();
    await screenshot(co, "coordination/05-action-activity-co-es");
  });

  it("both sides find the action item among the activities of the commitments pages", async () => {
    for (const page of [co, ve]) {
      await nav(page, "Operaciones");
      const operation = page.getByRole("link", { name: `Acciones de coordinación regional — ${CO_UNIT}` });
      await operation.click({ timeout: 20_000 });
      const table = page.getByRole("table", { name: "Actividades de la operación" });
      await table.getByRole("link", { name: ACTION }).waitFor({ timeout: 20_000 });
      await table
        .getByRole("row", { name: new RegExp(ACTION.replace(/[()]/g, "\\$&")) })
        .getByText(VE_UNIT, { exact: false })
        .waitFor();
    }
    await screenshot(ve, "coordination/06-action-among-activities-ve-es");
  });

  it("co records a group, writes a national report on it and releases a sanitised copy with its STIX download", async () => {
    await nav(co, "Registro de amenazas");
    await co.getByRole("button", { name: "Registrar grupo" }).click();
    const group = co.getByRole("form", { name: "Registrar grupo" });
    await group.getByRole("textbox", { name: "Nombre del grupo" }).fill(GROUP);
    await group.getByLabel("Alias", { exact: true }).fill("GP-1");
    await group.getByLabel("Alias", { exact: true }).press("Enter");
    await pick(co, group, "Actividades", "Contrabando de combustible");
    await co.keyboard.press("Escape");
    await group.getByRole("button", { name: "Registrar grupo" }).click();
    await co.getByRole("heading", { level: 1, name: GROUP }).waitFor();

    // An assessment of the group graded A–F × 1–6, then revised: both revisions stay in its history.
    await co.getByRole("button", { name: "Evaluar este grupo" }).click();
    const assess = co.getByRole("form", { name: "Registrar evaluación" });
    await pick(co, assess, "Nivel", "Alto");
    await pick(co, assess, "Fiabilidad de la fuente", "C · Bastante fiable");
    await pick(co, assess, "Credibilidad de la información", "3 · Posiblemente cierta");
    await assess.getByRole("textbox", { name: "Resumen" }).fill("Controla el cruce de cisternas en el puente (prueba).");
    await assess.getByRole("button", { name: "Registrar evaluación" }).click();
    await co.getByRole("heading", { level: 1, name: "Controla el cruce de cisternas en el puente (prueba)." }).waitFor();
    await co.getByRole("button", { name: "Revisar la evaluación" }).click();
    const revise = co.getByRole("form", { name: "Revisar la evaluación" });
    await pick(co, revise, "Fiabilidad de la fuente", "B · Normalmente fiable");
    await revise.getByRole("textbox", { name: "Nota del cambio" }).fill("Confirmado por patrullaje (prueba).");
    await revise.getByRole("button", { name: "Guardar revisión" }).click();
    const history = co.getByRole("table", { name: "Historial de revisiones" });
    await history.getByText("Nota: Confirmado por patrullaje (prueba).").waitFor();
    assert.equal(await history.getByRole("row").count(), 3, "a header and two revisions");
    await history.getByLabel(/^Confianza C3/).waitFor();
    await screenshot(co, "coordination/08-assessment-history-es");

    await nav(co, "Informes de inteligencia");
    await co.getByRole("button", { name: "Redactar informe" }).click();
    const write = co.getByRole("form", { name: "Guardar informe nacional" });
    await write.getByRole("textbox", { name: "Resumen" }).fill(REPORT);
    await write.getByRole("textbox", { name: "Originador" }).fill("Sección de inteligencia de prueba");
    await write.getByRole("textbox", { name: "Cuerpo del informe" }).fill("Detalle nacional que no sale del nodo (prueba).");
    await pick(co, write, "Grupos", GROUP);
    await co.keyboard.press("Escape");
    await write.getByRole("button", { name: "Guardar informe nacional" }).click();
    await co.getByRole("heading", { level: 1, name: REPORT }).waitFor();
    await co.getByText("Nacional (solo este nodo)").first().waitFor();

    await co.getByRole("button", { name: "Divulgar al espacio binacional" }).click();
    const release = co.getByRole("form", { name: "Divulgar una copia depurada" });
    assert.equal(await release.getByRole("textbox", { name: "Cuerpo de la copia" }).inputValue(), "", "the national body is not copied");
    await release.getByRole("textbox", { name: "Resumen de la copia" }).fill(`${REPORT} — versión compartida`);
    await release.getByRole("textbox", { name: "Cuerpo de la copia" }).fill("Versión depurada para el espacio binacional (prueba).");
    await release.getByRole("button", { name: "Divulgar copia" }).click();
    await co.getByRole("heading", { level: 1, name: `${REPORT} — versión compartida` }).waitFor();
    reportUrl = new URL(co.url()).pathname;
    await co.getByRole("link", { name: /^Informe de origen/ }).waitFor();

    const stix = await co.evaluate(
      async (href) => {
        const res = await fetch(href, { credentials: "same-origin" });
        return { type: res.headers.get("content-type"), body: (await res.json()) as { type: string; objects: { type: string }[] } };
      },
      (await co.getByRole("link", { name: "Exportar STIX 2.1" }).getAttribute("href")) ?? "",
    );
    assert.equal(stix.type, "application/stix+json;version=2.1");
    assert.equal(stix.body.type, "bundle");
    assert.ok(stix.body.objects.some((o) => o.type === "report"));
    await screenshot(co, "coordination/07-report-released-es");

    // The copy reaches ve; the national original never does.
    await nav(ve, "Informes de inteligencia");
    await ve.getByRole("link", { name: `${REPORT} — versión compartida` }).click({ timeout: 20_000 });
    await ve.getByRole("heading", { level: 1, name: `${REPORT} — versión compartida` }).waitFor();
    assert.equal(await ve.getByRole("link", { name: REPORT, exact: true }).count(), 0, "the national original stays on co");
    await ve.getByText("Informe nacional de CO (no se comparte)").waitFor();
  });

  it("ve asks a request for information; co replies linking the shared report; ve sees the reply", async () => {
    await nav(ve, "Solicitudes de información");
    await ve.getByRole("button", { name: "Nueva solicitud" }).click();
    const ask = ve.getByRole("form", { name: "Enviar solicitud" });
    await ask.getByRole("textbox", { name: "Pregunta" }).fill(RFI);
    await pick(ve, ask, "Precedencia", "Prioritaria");
    await ask.getByRole("button", { name: "Enviar solicitud" }).click();
    await ve.getByRole("heading", { level: 1, name: RFI }).waitFor();

    await nav(co, "Solicitudes de información");
    await co.getByRole("link", { name: RFI }).click({ timeout: 20_000 });
    const reply = co.getByRole("form", { name: "Responder" });
    await reply.getByRole("textbox", { name: "Respuesta" }).fill("Véase el informe compartido (prueba).");
    await pick(co, reply, "Informes vinculados", `${REPORT} — versión compartida`);
    await co.keyboard.press("Escape");
    await reply.getByRole("button", { name: "Responder" }).click();
    await co.getByRole("heading", { name: "1 respuesta" }).waitFor();

    // ve's page was open: the reply arrives through the live stream, with its linked report.
    await ve.getByRole("link", { name: `Informe: ${REPORT} — versión compartida` }).waitFor({ timeout: 15_000 });
    await screenshot(ve, "coordination/09-rfi-replied-ve-es");
  });

  it("shows the main pages in Spanish and in English", async () => {
    const pages = [
      ["units", "/coordination/units", "Unidades regionales", "Regional units"],
      ["meetings", "/coordination/meetings", "Reuniones de unidades regionales", "Regional unit meetings"],
      ["meeting", meetingUrl, MEETING, MEETING],
      ["threats", "/coordination/threats", "Registro de amenazas y riesgos", "Threat and risk register"],
      ["risks", "/coordination/threats/risks", "Registro de amenazas y riesgos", "Threat and risk register"],
      ["intel", "/coordination/intel", "Informes de inteligencia", "Intelligence reports"],
      ["report", reportUrl, `${REPORT} — versión compartida`, `${REPORT} — versión compartida`],
      ["rfis", "/coordination/rfis", "Solicitudes de información", "Requests for information"],
    ] as const;
    for (const [lang, column, switchTo] of [
      ["es", 2, "English"],
      ["en", 3, "Español"],
    ] as const) {
      for (const p of pages) {
        await co.goto(`${pair.co}${p[1]}`);
        await co.getByRole("heading", { level: 1, name: p[column] }).waitFor();
        await loaded(co);
        await screenshot(co, `coordination/page-${p[0]}-${lang}`);
      }
      await co.goto(`${pair.co}/coordination/meetings`);
      // The segmented control's radios are visually hidden; a person clicks their labels.
      await co
        .getByRole("radiogroup", { name: lang === "es" ? "Vista" : "View" })
        .locator("label", { hasText: lang === "es" ? "Calendario" : "Calendar" })
        .click();
      await co.getByRole("table", { name: lang === "es" ? /^Reuniones de \p{L}+ de \d{4}$/u : /^Meetings in \p{L}+ \d{4}$/u }).waitFor();
      await loaded(co);
      await screenshot(co, `coordination/page-calendar-${lang}`);
      await co.getByRole("button", { name: switchTo }).click();
    }
    assert.equal(await co.locator("html").getAttribute("lang"), "es");
    assert.deepEqual([...coErrors, ...veErrors], []);
  });
});
