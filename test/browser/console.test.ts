import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, logIn, newContext, screenshot, skipReason, startPair, watchErrors } from "../helpers/browser";

/**
 * The console shell in a real browser against two real nodes: Spanish login, the node's
 * identity and the peer's state in the header, the language switch, the Federation page.
 */
const skip = skipReason();
// A skipped suite is not counted; this skipped test is, so the run's tally shows the skip.
if (skip) it("runs in Chromium", { skip }, () => {});

describe("web console: login, header, language, federation", { skip }, () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  before(async () => {
    [pair, browser] = await Promise.all([startPair(), launchBrowser()]);
    context = await newContext(browser);
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    errors = watchErrors(page);
  });

  after(async () => {
    await browser?.close();
    await pair?.dispose();
  });

  it("logs in in Spanish and shows the node and the connected peer in the header", async () => {
    await page.goto(pair.co);
    await page.getByRole("heading", { name: "Enlace" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
    await screenshot(page, "01-login-es");

    await page.getByRole("textbox", { name: "Usuario", exact: true }).fill("admin");
    await page.getByLabel(/^Contraseña/).fill("equivocada");
    await page.getByRole("button", { name: "Ingresar" }).click();
    await page.getByRole("alert").filter({ hasText: "Usuario o contraseña incorrectos." }).waitFor();
    await screenshot(page, "02-login-error-es");

    await logIn(page, pair.co, "admin");
    const banner = page.getByRole("banner");
    await banner.getByRole("group", { name: "Este nodo: co, Fuerzas Militares de Colombia" }).waitFor();
    const peer = banner.getByRole("list", { name: "Nodos pares" }).getByRole("listitem", { name: /^Nodo par VE: conectado/ });
    await peer.waitFor({ timeout: 20_000 });
    assert.match((await peer.textContent()) ?? "", /VE · conectado/);
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Declaraciones conjuntas" }).waitFor();
    await page.getByRole("main").getByRole("heading", { level: 1, name: "Declaraciones conjuntas" }).waitFor();
    await page.getByRole("status").filter({ hasText: "En vivo" }).waitFor();
    await screenshot(page, "03-statements-empty-es");
  });

  it("switches to English and back, and remembers the choice", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Joint statements" }).waitFor();
    await page
      .getByRole("banner")
      .getByRole("listitem", { name: /^Peer node VE: connected/ })
      .waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await screenshot(page, "04-statements-empty-en");

    await page.reload();
    await page.getByRole("navigation", { name: "Main navigation" }).waitFor();

    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Federación" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "es");
  });

  it("the Federation page lists the peer and the shared space", async () => {
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Federación" }).click();
    await page.getByRole("heading", { level: 1, name: "Federación" }).waitFor();
    const peers = page.getByRole("table", { name: "Nodos pares" });
    const row = peers.getByRole("row", { name: /VE — Fuerza Armada Nacional Bolivariana/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /conectado/);
    const spaces = page.getByRole("table", { name: "Espacios compartidos" });
    await spaces.getByRole("rowheader", { name: /Espacio binacional/ }).waitFor();
    assert.match((await spaces.textContent()) ?? "", /CO · unido/);
    assert.match((await spaces.textContent()) ?? "", /VE · unido/);
    await screenshot(page, "05-federation-es");
  });

  it("an admin sees Administration and can create a user", async () => {
    await page.getByRole("link", { name: "Administración" }).click();
    await page.getByRole("heading", { level: 1, name: "Administración" }).waitFor();
    const form = page.getByRole("form", { name: "Crear usuario" });
    await form.getByRole("textbox", { name: "Usuario", exact: true }).fill("analista");
    await form.getByLabel(/^Contraseña/).fill("corto");
    await form.getByRole("button", { name: "Crear" }).click();
    await form.getByText("Escriba al menos 10 caracteres.").waitFor();
    await form.getByLabel(/^Contraseña/).fill("una contraseña larga");
    await form.getByRole("button", { name: "Crear" }).click();
    await page.getByRole("table", { name: "Usuarios" }).getByRole("rowheader", { name: "analista" }).waitFor();
    await screenshot(page, "06-admin-es");
  });

  it("works on a tablet: the navigation is a drawer behind a button", async () => {
    const tablet = await newContext(browser, { width: 768, height: 1024 });
    tablet.setDefaultTimeout(15_000);
    const p = await tablet.newPage();
    await logIn(p, pair.ve, "oficial");
    await p
      .getByRole("banner")
      .getByRole("group", { name: /^Este nodo: ve/ })
      .waitFor();
    await p
      .getByRole("banner")
      .getByRole("listitem", { name: /^Nodo par CO/ })
      .waitFor({ timeout: 20_000 });
    assert.equal(await p.getByRole("link", { name: "Administración" }).count(), 0, "an officer has no Administration");
    await screenshot(p, "07-tablet-ve-es");
    await p.getByRole("button", { name: "Abrir la navegación" }).click();
    await p.getByRole("link", { name: "Federación" }).click();
    await p.getByRole("heading", { level: 1, name: "Federación" }).waitFor();
    await p.waitForTimeout(400); // the drawer's closing transition
    await screenshot(p, "08-tablet-federation-es");
    await tablet.close();
  });

  it("logs out", async () => {
    await page.getByRole("button", { name: /^Cuenta: admin/ }).click();
    await page.getByRole("menuitem", { name: "Cerrar sesión" }).click();
    await page.getByRole("button", { name: "Ingresar" }).waitFor();
    assert.deepEqual(errors, []);
  });
});
