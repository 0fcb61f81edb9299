import { distanceToPathM, type LonLat } from "./geo";
import type { ImportedLocation } from "./import";
import { placeId } from "./objects";

/**
 * Which sector an imported location stands for, if any. In order: a location Enlace itself
 * exported for that sector (same STIX id); one that names the sector's code or name; one
 * whose point lies within `maxM` of the sector's line (the nearest such sector). A crossing or
 * an incident point Enlace exported is no sector and matches none. A location that matches
 * nothing is reported as unmatched and links nothing.
 */
export interface SectorCandidate {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly path: readonly LonLat[];
}

/** How far from a sector's line a point may be and still count as in it. */
export const SECTOR_MATCH_M = 5_000;

const norm = (s: string) => s.trim().toLocaleLowerCase("es");

export function matchSector(loc: ImportedLocation, sectors: readonly SectorCandidate[], maxM = SECTOR_MATCH_M): string | undefined {
  if (loc.kind !== null && loc.kind !== "sector") return undefined;
  const own = sectors.find((s) => placeId(s.id) === loc.stixId);
  if (own) return own.id;
  const name = norm(loc.name);
  const byName = sectors.find(
    (s) =>
      (loc.code !== null && norm(loc.code) === norm(s.code)) ||
      (name !== "" && (name === norm(s.code) || name === norm(s.name) || name.startsWith(`${norm(s.code)} `))),
  );
  if (byName) return byName.id;
  if (loc.lat === null || loc.lon === null) return undefined;
  let best: { id: string; d: number } | undefined;
  for (const s of sectors) {
    const d = distanceToPathM(loc.lat, loc.lon, s.path);
    if (d <= maxM && (!best || d < best.d)) best = { id: s.id, d };
  }
  return best?.id;
}
