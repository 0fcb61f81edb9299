import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FeatureCollection, Point } from "geojson";
import { useMemo } from "react";
import { api } from "../api/client";
import type { MapView } from "./BorderMap";
import { type BorderFilters, incidentParams } from "./filters";
import { boundsOf } from "./map-features";

/** The map layer of incidents as the server answers it: single reports, or grid cells when too many match. */
export type MapIncidents = FeatureCollection<Point> & { mode: "points" | "clusters" | "heat"; total: number };

/** The offline base map (countries, Colombia and Venezuela, their border): fixed data, fetched once. */
export function useBaseMap() {
  return useQuery({
    queryKey: ["border-base"],
    queryFn: () => api<FeatureCollection>("/map/base"),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** The border line's extent, for the map to open on. */
export function useBorderBounds(base: FeatureCollection | undefined) {
  return useMemo(() => {
    const border = base?.features.find((f) => f.properties?.kind === "border");
    if (border?.geometry.type !== "MultiLineString") return null;
    return boundsOf(border.geometry.coordinates);
  }, [base]);
}

/**
 * The query for the visible part of the map: the box widened by half its size each way (a
 * small pan needs no new answer) and rounded, the zoom to a whole level.
 */
function viewParams(filters: BorderFilters, view: MapView): URLSearchParams {
  const [w, s, e, n] = view.bbox;
  const dx = (e - w) / 2;
  const dy = (n - s) / 2;
  const r = (v: number, lim: number) => Math.max(-lim, Math.min(lim, Math.round(v * 100) / 100));
  const p = incidentParams(filters, new Date(), "side");
  p.set("bbox", [r(w - dx, 180), r(s - dy, 90), r(e + dx, 180), r(n + dy, 90)].join(","));
  p.set("zoom", String(Math.round(view.zoom)));
  return p;
}

/** Incidents in the filters' window and the visible box, as the map's incidents source. */
export function useMapIncidents(filters: BorderFilters, view: MapView | null) {
  const params = view ? viewParams(filters, view) : null;
  return useQuery({
    queryKey: ["border", "map", "incidents", params?.toString() ?? null],
    queryFn: () => api<MapIncidents>(`/map/incidents?${params}`),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

/** Incident density in the same window and box, weighted 0–1, for the heat-map layer. */
export function useMapHeat(filters: BorderFilters, view: MapView | null, enabled: boolean) {
  const params = view ? viewParams(filters, view) : null;
  return useQuery({
    queryKey: ["border", "map", "heat", params?.toString() ?? null],
    queryFn: () => api<MapIncidents>(`/map/heat?${params}`),
    enabled: enabled && params !== null,
    placeholderData: keepPreviousData,
  });
}
