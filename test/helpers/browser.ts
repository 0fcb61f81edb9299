import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { ensureWebBuild } from "../../src/server/http/web";
import { createCluster } from "./cluster";
import { disposeCluster } from "./federation";
import { addUser } from "./node";

/** Debian's Chromium; the browser tests never download one. */
export const CHROMIUM = process.env.ENLACE_CHROMIUM ?? "/usr/bin/chromium";
/** Whether the browser suites can run on this machine. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Where screenshots and downloads land (gitignored), for a person to look at. */
export const SCREENSHOTS = new URL("../../test-artifacts/screenshots/", import.meta.url).pathname;
export const DOWNLOADS = new URL("../../test-artifacts/downloads/", import.meta.url).pathname;

/** Why the browser suites skip, said loudly (as the PostgreSQL suites do). */
export function skipReason(): string | false {
  if (HAS_CHROMIUM) return false;
  const msg = `Chromium is not installed at ${CHROMIUM}: the browser tests are SKIPPED (apt-get install chromium)`;
  console.error(`\n${"!".repeat(78)}\n!! ${msg}\n${"!".repeat(78)}`);
  return msg;
}

/** Builds the web console once per run (a no-op when dist/web is fresh), then starts Chromium. */
export async function launchBrowser(): Promise<Browser> {
  const build = await ensureWebBuild();
  if (build.error) throw new Error(`the web console did not build: ${build.error}`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** The demo's users on a node, one password for all (as in `enlace demo`). */
export const PASSWORD = "contraseña-de-prueba";
const USERS = [
  ["admin", "admin"],
  ["oficial", "officer"],
] as const;

/**
 * Two real nodes, co and ve, in this process, peered in one binational space, each with an
 * admin and an officer. Their HTTP servers serve the built console at `/`. `dispose` closes
 * open connections (long-polls, streams) instead of waiting for them.
 */
export async function startPair() {
  const cluster = await createCluster(["co", "ve"]);
  await cluster.start("co");
  await cluster.start("ve");
  const space = await cluster.link();
  for (const id of ["co", "ve"]) {
    const node = cluster.member(id).running?.node;
    if (!node) throw new Error(`${id} is not running`);
    for (const [user, role] of USERS) await addUser(node, user, role, PASSWORD);
  }
  return { cluster, space, co: cluster.member("co").url, ve: cluster.member("ve").url, dispose: () => disposeCluster(cluster) };
}

/** A fresh browser context (own cookies) with a laptop-sized window and Spanish locale. */
export async function newContext(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 860 },
    locale: "es-CO",
    acceptDownloads: true,
  });
}

/** Logs in through the form, by its Spanish labels. */
export async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("textbox", { name: "Usuario", exact: true }).fill(username);
  await page.getByLabel(/^Contraseña/).fill(PASSWORD);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await page.getByRole("banner").waitFor();
}

/**
 * Saves the whole page under test-artifacts/screenshots/ for a person to look at. The
 * window is stretched to the page's height first (a full-page capture would paint the fixed
 * header in the middle), then restored.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (size && height > size.height) {
    await page.setViewportSize({ width: size.width, height: Math.min(height, 6000) });
    await page.waitForTimeout(150);
  }
  await page.screenshot({ path });
  if (size && height > size.height) await page.setViewportSize(size);
  return path;
}

/** Collects console errors and failed requests of a page, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    // A 401 before login or a 404 an assertion provoked is the API speaking, not a fault.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}
