/**
 * Which sector an incident or crossing counts under when its report names none: the sector
 * whose border path passes nearest, within SECTOR_REACH_KM; ties go to the smaller sector
 * id. The choice depends only on the position and the set of sectors, never on the order
 * they arrived in, so every node and every rebuild agrees (a sector that arrives later
 * takes over what is nearer to it: see `claimForSector` in stats-sector-claim.ts).
 */
export const SECTOR_REACH_KM = 50;

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

/** Distance in km from a point to a polyline of [lon, lat], on a local flat approximation. */
export function distanceToPathKm(lon: number, lat: number, path: readonly (readonly [number, number])[]): number {
  const kx = KM_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < path.length; i++) {
    const a = path[i] as readonly [number, number];
    const b = (path[i + 1] ?? a) as readonly [number, number];
    const ax = (a[0] - lon) * kx;
    const ay = (a[1] - lat) * KM_PER_DEG_LAT;
    const dx = (b[0] - a[0]) * kx;
    const dy = (b[1] - a[1]) * KM_PER_DEG_LAT;
    const len2 = dx * dx + dy * dy;
    // The segment's closest point to the origin (the incident), clamped to its ends.
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const px = ax + t * dx;
    const py = ay + t * dy;
    best = Math.min(best, Math.sqrt(px * px + py * py));
  }
  return best;
}

/** A path's bounding box grown by the reach, so a point outside it is beyond reach. */
export function reachBox(path: readonly (readonly [number, number])[]): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  let [minLon, minLat, maxLon, maxLat] = [180, 90, -180, -90];
  for (const [lon, lat] of path) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const dLat = SECTOR_REACH_KM / KM_PER_DEG_LAT;
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat)) + dLat;
  const dLon = widest >= 89 ? 180 : SECTOR_REACH_KM / (KM_PER_DEG_LON_EQUATOR * Math.cos((widest * Math.PI) / 180));
  return { minLon: minLon - dLon, minLat: minLat - dLat, maxLon: maxLon + dLon, maxLat: maxLat + dLat };
}

/** Whether (distance, id) beats the current choice: nearer, or as near with a smaller id. */
export function nearer(d: number, id: string, current: { dist: number; id: string } | null): boolean {
  if (d > SECTOR_REACH_KM) return false;
  if (!current) return true;
  return d < current.dist || (d === current.dist && id < current.id);
}
