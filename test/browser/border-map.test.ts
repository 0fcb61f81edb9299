import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { seedBorder } from "../../src/cli/demo-border";
import { MAP_COLORS, rgb, SECTOR_LEVEL_COLORS } from "../../src/web/border/map-colors";
import { launchBrowser, logIn, newContext, SCREENSHOTS, skipReason, startPair, watchErrors } from "../helpers/browser";

/**
 * The border map in a real Chromium against two real nodes seeded with the demo's border
 * (sectors along the real line, crossings, presence, a few hundred incidents): the canvas
 * is read back pixel by pixel to check that the border and every layer are drawn, that the
 * filters and layer switches change what is drawn, and an incident is reported by clicking
 * the map (refused across the border, accepted on co's side, then in the list).
 */
const skip = skipReason();
// A skipped suite is not counted; this skipped test is, so the run's tally shows the skip.
if (skip) it("runs in Chromium", { skip }, () => {});

const DIR = join(SCREENSHOTS, "border");
type Counts = Record<string, number>;

/**
 * Counts the pixels of each colour (±tol per channel) in a PNG, decoded by the page itself
 * (the browser is the one PNG decoder at hand), and finds "interior" points: centres of
 * 31×31 squares that are wholly one colour, where a click lands on nothing but that fill.
 */
async function analyse(page: Page, png: Buffer, colors: Record<string, string>, interior: Record<string, string> = {}, tol = 10) {
  const args = {
    b64: png.toString("base64"),
    colors: Object.fromEntries(Object.entries(colors).map(([k, v]) => [k, rgb(v)])),
    interior: Object.fromEntries(Object.entries(interior).map(([k, v]) => [k, rgb(v)])),
    tol,
  };
  // Plain JavaScript: the test runner's transform would add helpers the page does not have.
  return page.evaluate(`(${ANALYSE})(${JSON.stringify(args)})`) as Promise<{
    counts: Counts;
    inside: Record<string, [number, number][]>;
    width: number;
    height: number;
  }>;
}

const ANALYSE = `async ({ b64, colors, interior, tol }) => {
  const img = new Image();
  img.src = "data:image/png;base64," + b64;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  ctx.drawImage(img, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
  const near = (i, c) => Math.abs(data[i] - c[0]) <= tol && Math.abs(data[i + 1] - c[1]) <= tol && Math.abs(data[i + 2] - c[2]) <= tol;
  const counts = {};
  for (const name of Object.keys(colors)) counts[name] = 0;
  for (let i = 0; i < data.length; i += 4) for (const [name, c] of Object.entries(colors)) if (near(i, c)) counts[name]++;
  const inside = {};
  for (const [name, c] of Object.entries(interior)) {
    inside[name] = [];
    for (let y = 20; y < height - 20; y += 12) {
      for (let x = 20; x < width - 20; x += 12) {
        let all = true;
        for (let dy = -15; dy <= 15 && all; dy += 3) for (let dx = -15; dx <= 15 && all; dx += 3) all = near(((y + dy) * width + x + dx) * 4, c);
        if (all) inside[name].push([x, y]);
      }
    }
  }
  return { counts, inside, width, height };
}`;

const LAYER_COLORS = {
  border: MAP_COLORS.border,
  co: MAP_COLORS.co,
  ve: MAP_COLORS.ve,
  sea: MAP_COLORS.sea,
  formal: MAP_COLORS.formal,
  informal: MAP_COLORS.informal,
  incident: MAP_COLORS.incident,
  clusterSmall: MAP_COLORS.clusterSmall,
  clusterMedium: MAP_COLORS.clusterMedium,
  clusterLarge: MAP_COLORS.clusterLarge,
  presenceCo: MAP_COLORS.presenceCo,
  presenceVe: MAP_COLORS.presenceVe,
  medium: SECTOR_LEVEL_COLORS.medium,
  high: SECTOR_LEVEL_COLORS.high,
  critical: SECTOR_LEVEL_COLORS.critical,
};

const incidentPixels = (c: Counts) => (c.incident ?? 0) + (c.clusterSmall ?? 0) + (c.clusterMedium ?? 0) + (c.clusterLarge ?? 0);

describe("the border map in the browser", { skip }, () => {
  let pair: Awaited<ReturnType<typeof startPair>>;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const requested: string[] = [];

  before(async () => {
    mkdirSync(DIR, { recursive: true });
    [pair, browser] = await Promise.all([startPair(), launchBrowser()]);
    const co = pair.cluster.member("co").running?.node;
    const ve = pair.cluster.member("ve").running?.node;
    if (!co || !ve) throw new Error("the pair is not running");
    await seedBorder(co, ve, { incidents: 500, seed: 7 });
    const context = await newContext(browser);
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on("request", (r) => requested.push(r.url()));
    await logIn(page, pair.co, "admin");
  });

  after(async () => {
    await browser?.close();
    await pair?.dispose();
  });

  const map = () => page.getByRole("region", { name: "Mapa de la frontera colombo-venezolana" });
  /** Waits until MapLibre has drawn what it was given (the region says aria-busy until then). */
  const drawn = async () => {
    await page.waitForFunction(() => document.querySelector("section[aria-roledescription]")?.getAttribute("aria-busy") === "false");
    // A frame for HTML overlays (cluster counts) to follow the canvas.
    await page.waitForTimeout(250);
  };
  const shoot = async (where: Locator, name: string) => {
    const path = join(DIR, `${name}.png`);
    const png = await where.screenshot({ path });
    return { png, path };
  };
  const inView = async () => {
    const text =
      (await page
        .getByRole("status")
        .filter({ hasText: /incidentes? en la vista/ })
        .textContent()) ?? "";
    return Number(text.replace(/\D/g, ""));
  };

  it("draws the offline base map, the border line and every layer, fetching nothing from outside", async () => {
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Mapa de la frontera" }).click();
    await page.getByRole("heading", { level: 1, name: "Mapa de la frontera" }).waitFor();
    await map().waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /en la vista/ })
      .waitFor();
    await drawn();
    const { png, path } = await shoot(map(), "map-es");
    const { counts } = await analyse(page, png, LAYER_COLORS);
    console.log(`map pixels (${path}):`, JSON.stringify(counts));
    assert.ok((counts.border ?? 0) > 800, `the border line is drawn: ${counts.border} px`);
    assert.ok((counts.co ?? 0) > 20_000 && (counts.ve ?? 0) > 20_000, "Colombia and Venezuela are filled");
    assert.ok((counts.sea ?? 0) > 1_000, "the Caribbean shows");
    assert.ok((counts.formal ?? 0) > 10 && (counts.informal ?? 0) > 50, "formal and informal crossings");
    assert.ok(incidentPixels(counts) > 100, "incidents (points or clusters)");
    assert.ok((counts.presenceCo ?? 0) + (counts.presenceVe ?? 0) > 50, "current presence");
    assert.ok((counts.medium ?? 0) + (counts.high ?? 0) + (counts.critical ?? 0) > 300, "sectors coloured by level");
    // Cluster counts are HTML over the canvas (the style has no glyphs to fetch).
    assert.ok((await map().locator(".border-map-cluster-count").count()) > 0, "cluster counts");
    const origin = new URL(pair.co).origin;
    assert.deepEqual(
      requested.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
      [],
      "every request stays on the node",
    );
  });

  it("the layer switches and the filters change what is drawn", async () => {
    const all = await inView();
    assert.ok(all > 0, "incidents in the last 30 days");

    await page.getByRole("checkbox", { name: "Incidentes" }).uncheck();
    await page.getByRole("checkbox", { name: "Pasos fronterizos" }).uncheck();
    await drawn();
    let { counts } = await analyse(page, (await shoot(map(), "map-no-incidents-no-crossings-es")).png, LAYER_COLORS);
    assert.equal(incidentPixels(counts), 0, "incidents hidden");
    assert.equal((counts.formal ?? 0) + (counts.informal ?? 0), 0, "crossings hidden");
    const bare = (counts.co ?? 0) + (counts.ve ?? 0);
    await page.getByRole("checkbox", { name: "Mapa de calor" }).check();
    await drawn();
    ({ counts } = await analyse(page, (await shoot(map(), "map-heat-es")).png, LAYER_COLORS));
    // The heat map is a gradient (no one colour to count): it shows as land no longer bare.
    const land = (counts.co ?? 0) + (counts.ve ?? 0);
    assert.ok(land < bare - 2_000, `the heat map covers land: ${land} px bare, ${bare} before`);
    await page.getByRole("checkbox", { name: "Mapa de calor" }).uncheck();
    await page.getByRole("checkbox", { name: "Pasos fronterizos" }).check();
    await page.getByRole("checkbox", { name: "Incidentes" }).check();

    // One side only: fewer incidents, and only that side's crossings' presence rings.
    const sides = page.getByRole("search", { name: "Filtros de incidentes" });
    await sides.getByText("VE", { exact: true }).click();
    await page.waitForFunction((n) => {
      const s = Array.from(document.querySelectorAll('[role="status"]')).find((e) => /en la vista/.test(e.textContent ?? ""));
      return s && Number((s.textContent ?? "").replace(/\D/g, "")) !== n;
    }, all);
    const ve = await inView();
    assert.ok(ve < all, `VE's incidents (${ve}) are fewer than both sides' (${all})`);
    await drawn();
    ({ counts } = await analyse(page, (await shoot(map(), "map-ve-only-es")).png, LAYER_COLORS));
    assert.equal(counts.presenceCo, 0, "no CO presence rings when only VE is shown");
    assert.ok((counts.presenceVe ?? 0) > 0, "VE presence rings");
    await sides.getByText("Ambos", { exact: true }).click();

    // A narrower window: 24 hours hold fewer incidents than 30 days.
    await sides.getByText("24 h", { exact: true }).click();
    await page.waitForFunction((n) => {
      const s = Array.from(document.querySelectorAll('[role="status"]')).find((e) => /en la vista/.test(e.textContent ?? ""));
      return s && Number((s.textContent ?? "").replace(/\D/g, "")) < n;
    }, all);
    // A type: only arms trafficking in the last 30 days.
    await sides.getByText("30 días", { exact: true }).click();
    await page.getByRole("combobox", { name: "Tipo de incidente" }).click();
    await page.getByRole("option", { name: "Tráfico de armas", exact: true }).click();
    await page.waitForFunction((n) => {
      const s = Array.from(document.querySelectorAll('[role="status"]')).find((e) => /en la vista/.test(e.textContent ?? ""));
      return s && Number((s.textContent ?? "").replace(/\D/g, "")) < n;
    }, all);
    await drawn();
    await shoot(map(), "map-type-filter-es");
    await page.getByRole("combobox", { name: "Tipo de incidente" }).click();
    await page.keyboard.press("Escape");
  });

  it("reports an incident by clicking the map: refused across the border, accepted on co's side, then listed", async () => {
    // Back to every type, and find open land on each side to click on.
    await page.goto(`${pair.co}/border/map`);
    await page
      .getByRole("status")
      .filter({ hasText: /en la vista/ })
      .waitFor();
    await drawn();
    const { png } = await shoot(map(), "map-before-report-es");
    const { inside, width } = await analyse(page, png, {}, { co: MAP_COLORS.co, ve: MAP_COLORS.ve }, 3);
    // Deep inside each country: the candidate farthest from the map's middle column on its side.
    const pick = (points: [number, number][], left: boolean) =>
      [...points].sort((a, b) => (left ? a[0] - b[0] : b[0] - a[0]))[Math.floor(points.length / 10)];
    const coPoint = pick(inside.co ?? [], true);
    const vePoint = pick(inside.ve ?? [], false);
    assert.ok(coPoint && vePoint, `open land on both sides (map ${width} px wide)`);

    await map().click({ position: { x: vePoint[0], y: vePoint[1] } });
    const panel = page.getByRole("complementary", { name: "Detalles del mapa" });
    await panel.getByRole("heading", { name: "Posición seleccionada" }).waitFor();
    await panel.getByText(/^MGRS \d{1,2}[A-Z] [A-Z]{2} \d{5} \d{5}$/).waitFor();
    await panel.getByRole("button", { name: "Reportar un incidente aquí" }).click();
    const form = page.getByRole("form", { name: "Reportar un incidente" });
    const lat = Number((await form.getByRole("textbox", { name: "Latitud" }).inputValue()).replace(",", "."));
    const lon = Number((await form.getByRole("textbox", { name: "Longitud" }).inputValue()).replace(",", "."));
    assert.ok(lat > 0 && lat < 13 && lon > -74 && lon < -59, `a position in Venezuela's box: ${lat}, ${lon}`);
    assert.match(await form.getByRole("textbox", { name: "MGRS" }).inputValue(), /^\d{2}[NP] [A-Z]{2} \d{5} \d{5}$/);

    await form.getByRole("combobox", { name: "Tipo" }).click();
    await page.getByRole("option", { name: "Tráfico de armas", exact: true }).click();
    await form.getByRole("button", { name: "Agregar bien incautado" }).click();
    await form.getByRole("combobox", { name: "Categoría 1" }).click();
    await page.getByRole("option", { name: "Armas", exact: true }).click();
    await form.getByRole("textbox", { name: "Cantidad 1" }).fill("3");
    await form.getByRole("combobox", { name: "Impacto" }).click();
    await page.getByRole("option", { name: "Alto", exact: true }).click();
    await form.getByRole("textbox", { name: "Resumen" }).fill("Fusiles incautados en prueba de navegador (ilustrativo).");
    await form.getByRole("button", { name: "Enviar reporte" }).click();
    await form.getByText("Este campo es obligatorio.").first().waitFor();
    await form.getByRole("textbox", { name: /^Originador/ }).fill("Puesto de prueba (ilustrativo)");
    await form.getByRole("button", { name: "Enviar reporte" }).click();
    // co may not report on Venezuela's territory: the position field says so.
    await form.getByText("La posición está al otro lado de la frontera: cada lado registra solo en su propio territorio.").waitFor();
    await page.getByRole("alert").filter({ hasText: "border.outside_own_territory" }).waitFor();
    await page.screenshot({ path: join(DIR, "map-report-refused-es.png") });

    // A click on co's side while the form is open moves the report there.
    await map().click({ position: { x: coPoint[0], y: coPoint[1] } });
    await form.getByRole("textbox", { name: "Latitud" }).waitFor();
    const coLat = Number((await form.getByRole("textbox", { name: "Latitud" }).inputValue()).replace(",", "."));
    assert.notEqual(coLat, lat, "the position follows the click");
    await page.screenshot({ path: join(DIR, "map-report-form-es.png") });
    await form.getByRole("button", { name: "Enviar reporte" }).click();
    await page.getByRole("status").filter({ hasText: "Incidente reportado" }).waitFor();
    await page.getByRole("heading", { level: 1, name: "Tráfico de armas" }).waitFor();
    await page.getByText("Fusiles incautados en prueba de navegador (ilustrativo).").waitFor();
    await page.screenshot({ path: join(DIR, "incident-created-es.png") });

    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Incidentes e incautaciones" }).click();
    await page.getByRole("search", { name: "Filtros de incidentes" }).getByText("24 h", { exact: true }).click();
    const table = page.getByRole("table", { name: "Incidentes e incautaciones" });
    const row = table.getByRole("row").filter({ hasText: "Tráfico de armas" }).filter({ hasText: "3 u. Armas" });
    await row.first().waitFor();
    assert.equal(await row.getByRole("cell", { name: "CO", exact: true }).count(), 1, "reported by co");
    await page.screenshot({ path: join(DIR, "incidents-list-created-es.png") });
    assert.deepEqual(errors, []);
  });
});
