import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import type { CrossingView, DeploymentView, PatrolView, SectorView } from "../../core/border/views";

/**
 * The border views as GeoJSON for the map's sources. Properties carry only what the layers
 * style by and what a click needs to find the object again (its id); the details panel reads
 * the full view from the query cache.
 */
const collection = <G extends Point | LineString>(features: Feature<G>[]): FeatureCollection<G> => ({
  type: "FeatureCollection",
  features,
});

/** Sectors as lines along the border, coloured by their agreed level ("none" until one is). */
export function sectorFeatures(sectors: readonly SectorView[], focus: string | null): FeatureCollection<LineString> {
  return collection(
    sectors
      .filter((s) => s.path.length >= 2)
      .map((s) => ({
        type: "Feature",
        id: s.id,
        properties: { kind: "sector", id: s.id, level: s.level ?? "none", dimmed: focus !== null && focus !== s.id },
        geometry: { type: "LineString", coordinates: s.path.map(([lon, lat]) => [lon, lat]) },
      })),
  );
}

/** Crossings as points styled by category and status. */
export function crossingFeatures(crossings: readonly CrossingView[]): FeatureCollection<Point> {
  return collection(
    crossings.map((c) => ({
      type: "Feature",
      properties: { kind: "crossing", id: c.id, category: c.category, status: c.status, side: c.ownerNode },
      geometry: { type: "Point", coordinates: [c.location.lon, c.location.lat] },
    })),
  );
}

/** Deployments as rings around where the unit stands, sized by strength, coloured by side. */
export function deploymentFeatures(deployments: readonly DeploymentView[]): FeatureCollection<Point> {
  return collection(
    deployments.map((d) => ({
      type: "Feature",
      properties: { kind: "deployment", id: d.id, side: d.ownerNode, strength: d.strength },
      geometry: { type: "Point", coordinates: [d.location.lon, d.location.lat] },
    })),
  );
}

/** Patrol routes as dashed lines (a route of one point is a stop, drawn by nothing). */
export function patrolFeatures(patrols: readonly PatrolView[]): FeatureCollection<LineString> {
  return collection(
    patrols
      .filter((p) => p.route.length >= 2)
      .map((p) => ({
        type: "Feature",
        properties: { kind: "patrol", id: p.id, side: p.ownerNode },
        geometry: { type: "LineString", coordinates: p.route.map(([lon, lat]) => [lon, lat]) },
      })),
  );
}

/** The bounding box [west, south, east, north] of every coordinate in some lines, or null. */
export function boundsOf(lines: readonly (readonly (readonly number[])[])[]): [number, number, number, number] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const line of lines) {
    for (const [lon = Number.NaN, lat = Number.NaN] of line) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
