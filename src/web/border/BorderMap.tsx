import "maplibre-gl/dist/maplibre-gl.css";
import "./border-map.css";
import type { FeatureCollection } from "geojson";
import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ClusterLabels } from "./cluster-labels";
import { CLICKABLE, GROUP_LAYERS, LAYER_GROUPS, type LayerGroup, offlineStyle, type SourceId } from "./map-style";
import type { LatLon } from "./position";

// The worker is its own file next to the bundle (same origin, so the CSP's 'self' admits it).
maplibregl.setWorkerUrl(workerUrl);

/** What a click on the map found: a feature of one of the clickable layers, or a bare position. */
export type MapPick =
  | { kind: "feature"; layer: string; id: string; properties: Record<string, unknown>; position: LatLon }
  | { kind: "position"; position: LatLon };

/** The border region (Colombia and Venezuela), shown until the base map says better. */
const BORDER_REGION: [number, number, number, number] = [-74.5, 0.5, -66.5, 12.6];

export interface BorderMapProps {
  data: Partial<Record<SourceId, FeatureCollection>>;
  visible: Record<LayerGroup, boolean>;
  /** Where the map opens; the border's own extent once the base map is in. */
  bounds?: [number, number, number, number] | null;
  /** A position to mark (the one being reported). */
  marker?: LatLon | null;
  onPick: (pick: MapPick) => void;
  /** The visible box and zoom, after each move (the server aggregates incidents for them). */
  onView?: (view: MapView) => void;
  /** Data for the map is still on its way (the region stays busy until it is drawn). */
  loading?: boolean;
  label: string;
}

/** What the map shows: [west, south, east, north] and the zoom level. */
export interface MapView {
  bbox: [number, number, number, number];
  zoom: number;
}

/**
 * The MapLibre canvas and nothing else: an offline style, the page's GeoJSON pushed into
 * its sources, layer groups switched on and off, and clicks turned into picks. The region
 * says aria-busy until the map has drawn what it was given, which the browser tests wait on.
 */
export function BorderMap({ data, visible, bounds, marker, onPick, onView, loading = false, label }: BorderMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const [busy, setBusy] = useState(true);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const viewRef = useRef(onView);
  viewRef.current = onView;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const m = new maplibregl.Map({
      container: el,
      style: offlineStyle(),
      bounds: BORDER_REGION,
      fitBoundsOptions: { padding: 24 },
      attributionControl: { compact: true, customAttribution: "Natural Earth" },
      maplibreLogo: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    m.touchZoomRotate.disableRotation();
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-left");
    m.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
    const labels = new ClusterLabels(m, "incidents");
    const report = () => {
      const b = m.getBounds();
      const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
      const bbox: MapView["bbox"] = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)];
      viewRef.current?.({ bbox, zoom: m.getZoom() });
    };
    m.on("load", () => {
      setMap(m);
      report();
    });
    m.on("moveend", report);
    m.on("idle", () => setBusy(false));
    m.on("click", (e) => {
      const layers = CLICKABLE.filter((id) => m.getLayer(id) && m.getLayoutProperty(id, "visibility") !== "none");
      const hit = m.queryRenderedFeatures(e.point, { layers: [...layers] })[0];
      const position = { lat: e.lngLat.lat, lon: e.lngLat.lng };
      if (hit?.layer.id === "incident-clusters") {
        void labels.zoomInto(hit);
        return;
      }
      if (hit) {
        const id = String(hit.properties.id ?? hit.id ?? "");
        pickRef.current({ kind: "feature", layer: hit.layer.id, id, properties: { ...hit.properties }, position });
      } else pickRef.current({ kind: "position", position });
    });
    for (const id of CLICKABLE) {
      m.on("mouseenter", id, () => {
        m.getCanvas().style.cursor = "pointer";
      });
      m.on("mouseleave", id, () => {
        m.getCanvas().style.cursor = "";
      });
    }
    return () => {
      labels.remove();
      m.remove();
      setMap(null);
    };
  }, []);

  // Layout effects: the region turns busy before the browser paints the new props, so nobody
  // reads "drawn" between new data arriving and MapLibre starting to draw it.
  useLayoutEffect(() => {
    if (!map) return;
    let changed = false;
    for (const [id, fc] of Object.entries(data)) {
      const source = map.getSource<maplibregl.GeoJSONSource>(id);
      if (source && fc) {
        source.setData(fc);
        changed = true;
      }
    }
    if (changed) setBusy(true);
  }, [map, data]);

  useLayoutEffect(() => {
    if (!map) return;
    for (const group of LAYER_GROUPS) {
      for (const layer of GROUP_LAYERS[group]) map.setLayoutProperty(layer, "visibility", visible[group] ? "visible" : "none");
    }
    setBusy(true);
    map.triggerRepaint();
  }, [map, visible]);

  useEffect(() => {
    if (map && bounds) map.fitBounds(bounds, { padding: 40, animate: false });
  }, [map, bounds]);

  useEffect(() => {
    if (!map || !marker) return;
    const el = document.createElement("div");
    el.className = "border-map-pin";
    el.setAttribute("aria-hidden", "true");
    const pin = new maplibregl.Marker({ element: el }).setLngLat([marker.lon, marker.lat]).addTo(map);
    return () => {
      pin.remove();
    };
  }, [map, marker]);

  return (
    <section
      ref={container}
      aria-label={label}
      aria-busy={busy || loading}
      aria-roledescription={t("map.roleDescription")}
      style={{ position: "absolute", inset: 0 }}
    />
  );
}
