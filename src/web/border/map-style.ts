// maplibre-gl re-exports the style types from its own dependency without naming them.
import type { ExpressionSpecification } from "@maplibre/maplibre-gl-style-spec";
import type * as maplibregl from "maplibre-gl";
import { MAP_COLORS as C, SECTOR_LEVEL_COLORS as L } from "./map-colors";

type Style = ReturnType<maplibregl.Map["getStyle"]>;
type Layer = Style["layers"][number];

/** The map's data sources; each is a GeoJSON source the page fills with setData. */
export const SOURCES = ["base", "sectors", "patrols", "deployments", "crossings", "incidents", "heat"] as const;
export type SourceId = (typeof SOURCES)[number];

/** Layer groups a person can switch on and off (the base map always shows). */
export const LAYER_GROUPS = ["sectors", "crossings", "presence", "incidents", "heat"] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

/** A fresh empty collection (MapLibre keeps a reference to what it is given). */
const empty = (): GeoJSON.FeatureCollection => ({ type: "FeatureCollection", features: [] });

/** Incidents cluster below this zoom; above it every report is its own dot. */
export const CLUSTER_MAX_ZOOM = 10;

const countries: Layer[] = [
  { id: "background", type: "background", paint: { "background-color": C.sea } },
  {
    id: "land",
    type: "fill",
    source: "base",
    filter: ["==", ["get", "kind"], "country"],
    paint: {
      "fill-color": ["match", ["coalesce", ["get", "side"], ""], "co", C.co, "ve", C.ve, C.land],
    },
  },
  {
    id: "land-outline",
    type: "line",
    source: "base",
    filter: ["==", ["get", "kind"], "country"],
    paint: { "line-color": C.landOutline, "line-width": 0.8 },
  },
];

const sectors: Layer[] = [
  {
    id: "sectors",
    type: "line",
    source: "sectors",
    layout: { "line-cap": "butt", "line-join": "round" },
    paint: {
      "line-color": ["match", ["get", "level"], "low", L.low, "medium", L.medium, "high", L.high, "critical", L.critical, C.unassessed],
      "line-width": ["interpolate", ["linear"], ["zoom"], 4, 12, 8, 18],
      "line-opacity": ["case", ["boolean", ["get", "dimmed"], false], 0.25, 1],
    },
  },
];

const border: Layer[] = [
  {
    id: "border-casing",
    type: "line",
    source: "base",
    filter: ["==", ["get", "kind"], "border"],
    layout: { "line-join": "round", "line-cap": "round" },
    paint: { "line-color": C.borderCasing, "line-width": ["interpolate", ["linear"], ["zoom"], 4, 5.5, 8, 8] },
  },
  {
    id: "border-line",
    type: "line",
    source: "base",
    filter: ["==", ["get", "kind"], "border"],
    layout: { "line-join": "round", "line-cap": "round" },
    paint: { "line-color": C.border, "line-width": ["interpolate", ["linear"], ["zoom"], 4, 3, 8, 4] },
  },
];

const presence: Layer[] = [
  {
    id: "patrols",
    type: "line",
    source: "patrols",
    paint: { "line-color": C.patrol, "line-width": 1.5, "line-dasharray": [2, 2], "line-opacity": 0.8 },
  },
  {
    id: "deployments",
    type: "circle",
    source: "deployments",
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["get", "strength"], 1, 9, 200, 16],
      "circle-opacity": 0,
      "circle-stroke-width": 3,
      "circle-stroke-color": ["match", ["get", "side"], "ve", C.presenceVe, C.presenceCo],
    },
  },
];

const crossings: Layer[] = [
  {
    id: "crossings",
    type: "circle",
    source: "crossings",
    paint: {
      "circle-radius": ["case", ["==", ["get", "category"], "formal"], 7, 5.5],
      "circle-color": ["match", ["get", "category"], "formal", C.formal, C.informal],
      "circle-opacity": ["match", ["get", "status"], "closed", 0.45, 1],
      "circle-stroke-width": ["match", ["get", "status"], "monitored", 3, 1.5],
      "circle-stroke-color": ["match", ["get", "status"], "monitored", C.monitored, "closed", C.closed, C.active],
    },
  },
];

/**
 * The incidents source holds either single reports (clustered here by MapLibre) or, when
 * too many match, the server's grid cells carrying a `count`. A drawn cluster is either
 * kind; its size is MapLibre's summed `total` or the cell's `count`.
 */
export const IS_CLUSTER: ExpressionSpecification = ["any", ["has", "point_count"], ["has", "count"]];
export const CLUSTER_COUNT: ExpressionSpecification = ["coalesce", ["get", "total"], ["get", "count"], 1];

/** Density of incidents, drawn over the land but under the lines and points it explains. */
const heat: Layer[] = [
  {
    id: "heat",
    type: "heatmap",
    source: "heat",
    layout: { visibility: "none" },
    paint: {
      // Square root: cells with a few incidents still show beside the busiest one.
      "heatmap-weight": ["sqrt", ["coalesce", ["get", "weight"], 1]],
      "heatmap-intensity": ["interpolate", ["linear"], ["zoom"], 4, 1.6, 10, 3],
      "heatmap-radius": ["interpolate", ["linear"], ["zoom"], 4, 28, 10, 48],
      "heatmap-opacity": 0.8,
      "heatmap-color": [
        "interpolate",
        ["linear"],
        ["heatmap-density"],
        0,
        "rgba(255,255,178,0)",
        0.2,
        "#fecc5c",
        0.45,
        "#fd8d3c",
        0.7,
        "#f03b20",
        1,
        "#bd0026",
      ],
    },
  },
];

const incidents: Layer[] = [
  {
    id: "incident-clusters",
    type: "circle",
    source: "incidents",
    filter: IS_CLUSTER,
    paint: {
      "circle-color": ["step", CLUSTER_COUNT, C.clusterSmall, 10, C.clusterMedium, 100, C.clusterLarge],
      "circle-radius": ["step", CLUSTER_COUNT, 13, 10, 17, 100, 22, 1000, 27],
      "circle-stroke-width": 2,
      "circle-stroke-color": "#ffffff",
    },
  },
  {
    id: "incident-points",
    type: "circle",
    source: "incidents",
    filter: ["!", IS_CLUSTER],
    paint: {
      "circle-color": C.incident,
      "circle-radius": 6,
      "circle-stroke-width": 1.5,
      "circle-stroke-color": "#ffffff",
    },
  },
];

/** Which layers each switchable group shows or hides. */
export const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  sectors: ["sectors"],
  crossings: ["crossings"],
  presence: ["patrols", "deployments"],
  incidents: ["incident-clusters", "incident-points"],
  heat: ["heat"],
};

/** Layers a click opens details for, topmost first. */
export const CLICKABLE = ["incident-clusters", "incident-points", "crossings", "deployments", "sectors"] as const;

/**
 * The whole style: nothing in it is fetched (no tiles, glyphs or sprites), every source is
 * inline GeoJSON filled later, so the map works on a unit's network with no internet.
 */
export function offlineStyle(): Style {
  const sources: Style["sources"] = {};
  for (const id of SOURCES) {
    sources[id] =
      id === "incidents"
        ? {
            type: "geojson",
            data: empty(),
            cluster: true,
            clusterRadius: 45,
            clusterMaxZoom: CLUSTER_MAX_ZOOM,
            clusterProperties: { total: ["+", ["coalesce", ["get", "count"], 1]] },
          }
        : { type: "geojson", data: empty() };
  }
  return {
    version: 8,
    sources,
    layers: [...countries, ...heat, ...sectors, ...border, ...presence, ...crossings, ...incidents],
  };
}
