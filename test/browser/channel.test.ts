import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  launchBrowser,
  logIn,
  newContext,
  PASSWORD,
  SCREENSHOTS,
  screenshot,
  skipReason,
  startPair,
  watchErrors,
} from "../helpers/browser";
import { stopMember } from "../helpers/federation";
import { addUser } from "../helpers/node";

/**
 * The command channel in real Chromium across two real federated nodes: the Colombian
 * commander opens a conversation with the Venezuelan one and sends a FLASH message that
 * requires an acknowledgement; it appears on ve's open screen through the live stream; ve
 * acknowledges with a comment; co sees the acknowledgement and its receipts arrive live.
 * Along the way: unread counts, a refused attachment, search, and both languages.
 */
const skip = skipReason();
// A skipped suite is not counted; this skipped test is, so the run's tally shows the skip.
if (skip) it("runs in Chromium", { skip }, () => {});

const DIR = join(SCREENSHOTS, "channel");
const TITLE = "Comandantes, sector Norte (demostración)";
const FLASH =
  "**Contacto** con un grupo armado en el paso informal La Mulata (datos de demostración). Solicito cierre del lado venezolano.";
const COMMENT = "Recibido. Patrulla en camino al paso.";
const ROUTINE = "Informe diario de novedades del sector Norte (demostración).";
const REPLY = "Paso cerrado del lado venezolano; patrulla en posición (demostración).";
const EDITED = "Informe diario corregido: sin novedades en el sector Norte (demostración).";
const QUEUED = "Relevo de la patrulla del paso La Mulata a las 0600 (demostración).";

describe("the command channel in the browser, across co and ve", { skip }, () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let browser: Browser;
  let co: Page;
  let ve: Page;
  let coErrors: string[];
  let veErrors: string[];

  before(async () => {
    mkdirSync(DIR, { recursive: true });
    [pair, browser] = await Promise.all([startPair(), launchBrowser()]);
    for (const side of ["co", "ve"] as const) {
      const node = pair.cluster.member(side).running?.node;
      if (!node) throw new Error(`${side} is not running`);
      await addUser(node, "comandante", "commander", PASSWORD);
    }
    const [a, b] = [await newContext(browser), await newContext(browser)];
    // ve's commander has said yes to system notifications; co's is asked politely.
    await b.grantPermissions(["notifications"], { origin: pair.ve });
    // Headless Chromium shows no notification: the page records each one it raises.
    await b.addInitScript({
      content: `{
        const Native = window.Notification;
        window.__shown = [];
        window.Notification = class extends Native {
          constructor(title, options) {
            super(title, options);
            window.__shown.push({ title, body: options?.body ?? "" });
          }
        };
      }`,
    });
    a.setDefaultTimeout(20_000);
    b.setDefaultTimeout(20_000);
    [co, ve] = [await a.newPage(), await b.newPage()];
    coErrors = watchErrors(co);
    veErrors = watchErrors(ve);
    await logIn(co, pair.co, "comandante");
    await logIn(ve, pair.ve, "comandante");
  });

  after(async () => {
    await browser?.close();
    await pair?.dispose();
  });

  const mainNav = (page: Page) => page.getByRole("navigation", { name: /^(Navegación principal|Main navigation)$/ });
  const nav = (page: Page, name: string | RegExp) => mainNav(page).getByRole("link", { name }).click();
  const shot = (page: Page, name: string) => screenshot(page, `channel/${name}`);
  // The first article with the text: a reply quotes the start of the message it answers.
  const article = (page: Page, text: string) => page.getByRole("article").filter({ hasText: text }).first();

  it("co's commander opens a conversation with ve's commander, after a refused empty form", async () => {
    await nav(co, /^Conversaciones/);
    await co.getByRole("heading", { level: 1, name: "Canal de mando" }).waitFor();
    await co.getByRole("button", { name: "Activar notificaciones" }).waitFor();
    await co.getByRole("button", { name: "Nueva conversación" }).click();
    const form = co.getByRole("form", { name: "Nueva conversación" });
    await form.getByRole("button", { name: "Crear conversación" }).click();
    await form.getByText("Este campo es obligatorio.").waitFor();
    await form.getByText("Agregue al menos 1.").waitFor();
    await form.getByRole("textbox", { name: "Título" }).fill(TITLE);
    await form.getByRole("combobox", { name: "Miembros" }).fill("comandante@ve");
    await form.getByRole("combobox", { name: "Miembros" }).press("Enter");
    await shot(co, "01-new-conversation-es");
    await form.getByRole("button", { name: "Crear conversación" }).click();
    await co.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await co.getByText("Miembros: comandante@co, comandante@ve").waitFor();
  });

  it("ve's commander sees the conversation arrive and opens it", async () => {
    await nav(ve, /^Conversaciones/);
    await ve.getByRole("heading", { level: 1, name: "Canal de mando" }).waitFor();
    await ve.getByText("Notificaciones del navegador activadas").waitFor();
    // Replication brings it over; the list refreshes itself on the conversation's event.
    await ve.getByRole("table", { name: "Conversaciones" }).getByRole("link", { name: TITLE }).click({ timeout: 20_000 });
    await ve.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await ve.getByText("Aún no hay mensajes en esta conversación.").waitFor();
  });

  it("co refuses a file of a type the channel does not take, before sending anything", async () => {
    const compose = co.getByRole("form", { name: "Redactar mensaje" });
    const chooser = co.waitForEvent("filechooser");
    await compose.getByRole("button", { name: "Adjuntar archivos" }).click();
    await (await chooser).setFiles({ name: "instalador.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ\x90\x00") });
    await compose.getByRole("alert").filter({ hasText: "instalador.exe: solo se admiten PDF, PNG, JPEG y texto plano." }).waitFor();
    assert.equal(await compose.getByRole("list", { name: "Archivos para enviar" }).count(), 0, "the refused file is not queued");
  });

  it("co sends a FLASH message requiring acknowledgement; it appears live on ve's screen", async () => {
    const compose = co.getByRole("form", { name: "Redactar mensaje" });
    await compose.getByRole("textbox", { name: "Mensaje" }).fill(FLASH);
    await compose.getByText("FLASH", { exact: true }).click();
    assert.ok(await compose.getByRole("checkbox", { name: "Requiere acuse de recibo" }).isChecked(), "FLASH asks for an acknowledgement");
    const chooser = co.waitForEvent("filechooser");
    await compose.getByRole("button", { name: "Adjuntar archivos" }).click();
    await (await chooser).setFiles({
      name: "croquis.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Croquis del paso (demostración)\n"),
    });
    await compose
      .getByRole("list", { name: "Archivos para enviar" })
      .getByText(/croquis\.txt/)
      .waitFor();
    await co.mouse.move(0, 0);
    await shot(co, "02-compose-flash-es");
    await compose.getByRole("button", { name: "Enviar FLASH" }).click();

    const mine = article(co, "Contacto con un grupo armado");
    await mine.waitFor();
    await mine.getByRole("timer").waitFor();
    assert.match((await mine.getByRole("timer").textContent()) ?? "", /^Acuse en (09|10):\d\d$/);

    // ve's page was open before co sent: the message arrives through the stream.
    const theirs = article(ve, "Contacto con un grupo armado");
    await theirs.waitFor({ timeout: 15_000 });
    assert.equal(await theirs.locator("strong").first().textContent(), "Contacto", "the markdown is rendered");
    await theirs.getByText("FLASH", { exact: true }).waitFor();
    await theirs.getByText("TLP:AMBER", { exact: true }).waitFor();
    await theirs.getByText("Acuse requerido").waitFor();
    await theirs.getByRole("link", { name: "Descargar croquis.txt" }).waitFor();
    await theirs.getByRole("timer").waitFor();
    await shot(ve, "03-flash-received-ve-es");
  });

  it("ve's commander acknowledges with a comment; co sees the acknowledgement and receipts live", async () => {
    const theirs = article(ve, "Contacto con un grupo armado");
    await theirs.getByRole("button", { name: "Acusar recibo" }).click();
    const ack = theirs.getByRole("form", { name: "Acusar recibo" });
    await ack.getByRole("textbox", { name: "Comentario (opcional)" }).fill(COMMENT);
    await ack.getByRole("button", { name: "Confirmar acuse" }).click();
    await theirs.getByText("Usted acusó recibo de este mensaje.").waitFor();
    assert.equal(await theirs.getByRole("button", { name: "Acusar recibo" }).count(), 0, "no second acknowledgement");

    const mine = article(co, "Contacto con un grupo armado");
    const acks = mine.getByRole("list", { name: "Acuses de recibo" });
    await acks.getByText(/^Acuse de comandante@ve a las/).waitFor({ timeout: 15_000 });
    await acks.getByText(COMMENT, { exact: false }).waitFor();
    // Every addressee acknowledged: the countdown is gone.
    await mine.getByRole("timer").waitFor({ state: "detached" });
    await mine.getByText("✓ Acusado 1/1").waitFor();
    await mine.getByRole("button", { name: "Recibos" }).click();
    const table = mine.getByRole("table", { name: /^Recibos del mensaje de comandante@co/ });
    const row = table.getByRole("row").filter({ hasText: "comandante@ve" });
    await row.waitFor();
    const cells = await row.getByRole("cell").allInnerTexts();
    assert.equal(cells.length, 5, "accepted, delivered, read, acknowledged, comment");
    for (const [i, kind] of ["aceptado", "entregado", "leído", "acusado"].entries()) {
      assert.match(cells[i] ?? "", /^\d\d:\d\d:\d\d$/, `${kind}: ${cells[i]}`);
    }
    assert.equal(cells[4], COMMENT);
    await shot(co, "04-ack-received-co-es");
    await shot(ve, "05-acknowledged-ve-es");
  });

  it("a routine message, while ve is elsewhere, shows as unread in the navigation and the list; a search opens the FLASH message", async () => {
    await nav(ve, "Buscar mensajes");
    const compose = co.getByRole("form", { name: "Redactar mensaje" });
    await compose.getByRole("textbox", { name: "Mensaje" }).fill(ROUTINE);
    await compose.getByRole("button", { name: "Enviar RUTINA" }).click();
    await article(co, "Informe diario de novedades").waitFor();
    await mainNav(ve)
      .getByRole("link", { name: /^Conversaciones.*1 mensaje sin leer/ })
      .waitFor({ timeout: 15_000 });

    await nav(ve, /^Conversaciones/);
    await ve
      .getByRole("table", { name: "Conversaciones" })
      .getByRole("row")
      .filter({ hasText: TITLE })
      .getByText("1 mensaje sin leer", { exact: true })
      .waitFor();
    await shot(ve, "06-conversations-unread-ve-es");

    await nav(ve, "Buscar mensajes");
    const search = ve.getByRole("search", { name: "Buscar en los mensajes" });
    await search.getByRole("searchbox", { name: "Buscar en los mensajes" }).fill("Mulata");
    await search.getByRole("button", { name: "Buscar" }).click();
    const results = ve.getByRole("list", { name: "Resultados de la búsqueda" });
    const hit = results.getByRole("listitem").filter({ hasText: "Contacto con un grupo armado" });
    await hit.waitFor();
    await ve.getByRole("status").filter({ hasText: "1 mensaje contiene «Mulata»" }).waitFor();
    await shot(ve, "07-search-ve-es");

    // A result opens its conversation with the message brought into view and marked.
    await hit.getByRole("link", { name: TITLE }).click();
    await ve.locator('article[data-highlight="true"]').filter({ hasText: "Contacto con un grupo armado" }).waitFor();
    await article(ve, "Informe diario de novedades").waitFor();
    // Having the conversation open reads the new message: the count goes.
    await mainNav(ve).getByRole("link", { name: "Conversaciones", exact: true }).waitFor({ timeout: 15_000 });
    // The routine message asked for no acknowledgement: co's receipts show the three stages, no "pending" fourth.
    const routine = article(co, "Informe diario de novedades");
    await routine.getByText("✓ Leído 1/1").waitFor({ timeout: 15_000 });
    await routine.getByRole("button", { name: "Recibos" }).click();
    const receipts = routine.getByRole("table", { name: /^Recibos del mensaje de comandante@co/ });
    await receipts.waitFor();
    assert.deepEqual(await receipts.getByRole("columnheader").allInnerTexts(), ["Destinatario", "Aceptado", "Entregado", "Leído"]);
  });

  it("while ve is unreachable co's message waits in a queue, the wait shown, and goes through when ve returns", async () => {
    // ve's commander looks at the list, not the conversation: an IMMEDIATE message raises a notification.
    await nav(ve, /^Conversaciones/);
    await ve.getByRole("heading", { level: 1, name: "Canal de mando" }).waitFor();
    await stopMember(pair.cluster, "ve");
    const compose = co.getByRole("form", { name: "Redactar mensaje" });
    await compose.getByRole("textbox", { name: "Mensaje" }).fill(QUEUED);
    await compose.getByText("INMEDIATO", { exact: true }).click();
    await compose.getByRole("button", { name: "Enviar INMEDIATO" }).click();
    const mine = article(co, "Relevo de la patrulla");
    await mine.getByText(/^En cola: el nodo ve aún no lo ha aceptado/).waitFor();
    // Long enough to count as a delay: a fact on the screen, not a pause in the test.
    await mine.getByText(/espera de (?:[5-9]|[1-5]\d) s\)/).waitFor({ timeout: 30_000 });
    await co.mouse.move(0, 0);
    await shot(co, "08-queued-co-es");

    await pair.cluster.start("ve");
    await mine.getByText(/^Aceptado por ve con .+ de retraso$/).waitFor({ timeout: 30_000 });
    assert.equal(await mine.getByText(/^En cola/).count(), 0, "no longer queued");
    // ve's page stayed open: its stream resumes, the message arrives and is announced.
    const shown = await ve.waitForFunction(() =>
      (window as unknown as { __shown: { title: string; body: string }[] }).__shown.find((n) => n.title.startsWith("INMEDIATO")),
    );
    const note = (await shown.jsonValue()) as { title: string; body: string };
    assert.equal(note.title, "INMEDIATO de comandante@co");
    assert.equal(note.body, `${QUEUED}\nRequiere acuse de recibo.`);
    await ve.getByRole("table", { name: "Conversaciones" }).getByRole("link", { name: TITLE }).click();
    const theirs = article(ve, "Relevo de la patrulla");
    await theirs.getByText(/^Recibido con .+ de retraso$/).waitFor({ timeout: 30_000 });
    await shot(co, "09-delivered-late-co-es");
    await shot(ve, "10-received-late-ve-es");
  });

  it("ve replies to the FLASH message; co edits its report (history kept) and withdraws it; ve sees each change live", async () => {
    await article(ve, "Contacto con un grupo armado").getByRole("button", { name: "Responder" }).click();
    const compose = ve.getByRole("form", { name: "Redactar mensaje" });
    await compose.getByText("Respondiendo a comandante@co").waitFor();
    await compose.getByRole("textbox", { name: "Mensaje" }).fill(REPLY);
    await compose.getByRole("button", { name: "Enviar RUTINA" }).click();
    const reply = article(co, "Paso cerrado del lado venezolano");
    await reply.getByRole("button", { name: "Ir al mensaje de comandante@co al que responde" }).waitFor({ timeout: 15_000 });
    await reply.getByText(/Contacto con un grupo armado/).waitFor();

    // Held by its id: while it is edited, its text changes.
    const report = co.locator(`[id="${await article(co, "Informe diario de novedades").getAttribute("id")}"]`);
    await report.getByRole("button", { name: "Editar" }).click();
    const edit = report.getByRole("form", { name: "Editar el mensaje" });
    await edit.getByRole("textbox", { name: "Nuevo texto" }).fill(EDITED);
    await edit.getByRole("button", { name: "Guardar versión" }).click();
    const edited = report;
    await edited.getByText(/editado a las/).waitFor();
    await article(ve, "Informe diario corregido").waitFor({ timeout: 15_000 });
    await edited.getByRole("button", { name: "Historial (2 versiones)" }).click();
    const history = co.getByRole("dialog", { name: "Versiones del mensaje" });
    await history.getByText(EDITED).waitFor();
    await history.getByText(ROUTINE).waitFor();
    await shot(co, "11-history-co-es");
    await co.keyboard.press("Escape");
    await history.waitFor({ state: "detached" });

    await edited.getByRole("button", { name: "Retirar" }).click();
    const withdraw = co.getByRole("dialog", { name: "Retirar el mensaje" });
    await withdraw.getByRole("textbox", { name: "Motivo (opcional)" }).fill("Duplicado del parte de la mañana.");
    await withdraw.getByRole("button", { name: "Retirar mensaje" }).click();
    await co.getByText(/^Mensaje retirado por su autor a las .+ Motivo: Duplicado del parte de la mañana\.$/).waitFor();
    await ve.getByText(/^Mensaje retirado por su autor a las .+ Motivo: Duplicado del parte de la mañana\.$/).waitFor({ timeout: 15_000 });
    assert.equal(await ve.getByText("Informe diario corregido").count(), 0, "a withdrawn body is no longer shown");
    await shot(ve, "12-reply-withdrawn-ve-es");
  });

  it("shows the main views in English", async () => {
    for (const page of [co, ve]) await page.getByRole("button", { name: "English" }).click();
    await co.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const mine = article(co, "Contacto con un grupo armado");
    await mine
      .getByRole("list", { name: "Acknowledgements" })
      .getByText(/^Acknowledged by comandante@ve at/)
      .waitFor();
    await co.getByRole("form", { name: "Write a message" }).getByRole("button", { name: "Send ROUTINE" }).waitFor();
    await shot(co, "13-conversation-co-en");
    await shot(ve, "14-conversation-ve-en");
    await nav(co, /^Conversations/);
    await co.getByRole("heading", { level: 1, name: "Command channel" }).waitFor();
    await co.getByRole("button", { name: "New conversation" }).click();
    await shot(co, "15-channel-co-en");
    await co.getByRole("button", { name: "Cancel" }).click();
    await nav(co, /^Conversations/);
    for (const page of [co, ve]) await page.getByRole("button", { name: "Español" }).click();
    await co.getByRole("heading", { level: 1, name: "Canal de mando" }).waitFor();
    await shot(co, "16-channel-co-es");
  });

  it("logged no errors in either browser", () => {
    assert.deepEqual(coErrors, []);
    assert.deepEqual(veErrors, []);
  });
});
