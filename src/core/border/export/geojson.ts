import type { Feature, LineString, Point } from "geojson";
import type { CrossingView, IncidentView, SectorView } from "../views";

/**
 * GeoJSON exports as RFC 7946 FeatureCollections: WGS 84 [lon, lat] positions, no `crs`
 * member, the object id as the Feature `id`. Sectors are LineStrings along the border (no
 * polygons, so the right-hand winding rule has nothing to apply to); crossings and
 * incidents are Points with every other field of their view in `properties`.
 */
export function sectorFeature(s: SectorView): Feature<LineString> {
  const { path, ...properties } = s;
  return { type: "Feature", id: s.id, geometry: { type: "LineString", coordinates: path.map(([lon, lat]) => [lon, lat]) }, properties };
}

export function crossingFeature(c: CrossingView): Feature<Point> {
  const { location, ...rest } = c;
  return {
    type: "Feature",
    id: c.id,
    geometry: { type: "Point", coordinates: [location.lon, location.lat] },
    properties: { ...rest, mgrs: location.mgrs },
  };
}

export function incidentFeature(i: IncidentView): Feature<Point> {
  const { location, ...rest } = i;
  return {
    type: "Feature",
    id: i.id,
    geometry: { type: "Point", coordinates: [location.lon, location.lat] },
    properties: { ...rest, mgrs: location.mgrs },
  };
}

/** A FeatureCollection written feature by feature, so a large export is never one string. */
export async function* featureCollection<T>(rows: AsyncIterable<T> | Iterable<T>, toFeature: (row: T) => Feature): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const row of rows) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(toFeature(row))}`;
    first = false;
  }
  yield "\n]}\n";
}
