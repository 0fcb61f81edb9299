import { borderGeo } from "../server/border/atlas";
import type { NodeRuntime } from "../server/node";
import type { LonLat } from "./demo-border-geometry";
import type { BorderShape } from "./demo-border-places";
import { type BorderPlan, planBorderDemo } from "./demo-border-plan";
import { sideWriter } from "./demo-border-sides";
import { writeIncidents, writePlaces, writePresence } from "./demo-border-write";

/**
 * The border demo (issue 5, agreement 2): nine sectors along the real Colombia–Venezuela
 * border line, the official crossings by their real names, about sixty invented informal
 * crossings, a year of illustrative incidents, deployments and patrols — written on both
 * demo nodes through the border commands, many commands per transaction (not one request
 * each). Everything is decided first by `planBorderDemo` (seeded, so identical each time).
 */
export function createBorderShape(): BorderShape {
  const geo = borderGeo();
  // The 1:10m border is one line; were it ever split, the longest part carries the sectors.
  const longest = [...geo.border.coordinates].sort((a, b) => b.length - a.length)[0] ?? [];
  const line = longest.map(([lon = 0, lat = 0]): LonLat => [lon, lat]);
  return { line, territoryOf: geo.territoryOf };
}

export interface BorderSeedOptions {
  /** The instant the year of history ends (default: now, to the minute). */
  readonly now?: number;
  readonly incidents?: number;
  readonly seed?: number;
}

export interface BorderSeedResult {
  readonly plan: BorderPlan;
  readonly seconds: number;
}

/** Seeds the border picture on both demo nodes once (undefined when sectors already exist). */
export async function seedBorder(co: NodeRuntime, ve: NodeRuntime, options: BorderSeedOptions = {}): Promise<BorderSeedResult | undefined> {
  const started = performance.now();
  const [held] = await co.db.connection((sql) => sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM border_sectors"));
  if (Number(held?.n ?? 0) > 0) return undefined;
  const now = options.now ?? Math.floor(Date.now() / 60_000) * 60_000;
  const plan = planBorderDemo(createBorderShape(), {
    now,
    ...(options.incidents !== undefined ? { incidents: options.incidents } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const writers = { co: sideWriter("co", co, now), ve: sideWriter("ve", ve, now) };
  const ids = await writePlaces(writers, plan);
  await writePresence(writers, plan, ids);
  // It returns once both nodes hold everything shared, follow-ups included.
  await writeIncidents(writers, plan, ids);
  return { plan, seconds: (performance.now() - started) / 1000 };
}
