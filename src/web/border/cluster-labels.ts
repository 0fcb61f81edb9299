import * as maplibregl from "maplibre-gl";

/**
 * Counts on the incident clusters as HTML markers. The offline style has no glyphs (they
 * would be fetched from a font server), so text cannot be drawn in the canvas; a few dozen
 * small elements over it cost nothing and are read by screen readers as well.
 */
export class ClusterLabels {
  private readonly markers = new Map<string, maplibregl.Marker>();
  private readonly update = () => this.refresh();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly source: string,
  ) {
    map.on("render", this.update);
  }

  /** Zooms to where a cluster breaks apart: MapLibre's own, or the server's grid cell. */
  async zoomInto(feature: maplibregl.MapGeoJSONFeature): Promise<void> {
    if (feature.geometry.type !== "Point") return;
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    const source = this.map.getSource<maplibregl.GeoJSONSource>(this.source);
    if (feature.properties.cluster_id !== undefined && source) {
      const zoom = await source.getClusterExpansionZoom(Number(feature.properties.cluster_id));
      this.map.easeTo({ center: [lon, lat], zoom });
      return;
    }
    this.map.easeTo({ center: [lon, lat], zoom: Math.min(14, this.map.getZoom() + 2) });
  }

  private refresh(): void {
    if (!this.map.isSourceLoaded(this.source)) return;
    const shown = this.map.getLayer("incident-clusters") && this.map.getLayoutProperty("incident-clusters", "visibility") !== "none";
    const seen = new Set<string>();
    if (shown) {
      for (const f of this.map.querySourceFeatures(this.source)) {
        if (!f.properties.cluster || f.geometry.type !== "Point") continue;
        const [lon = 0, lat = 0] = f.geometry.coordinates;
        // MapLibre's clusters have ids; the server's cells are known by where they stand.
        const id = String(f.properties.cluster_id ?? f.properties.cell ?? `${lon},${lat}`);
        if (seen.has(id)) continue;
        seen.add(id);
        const count = Number(f.properties.total ?? f.properties.count ?? f.properties.point_count);
        let marker = this.markers.get(id);
        if (!marker) {
          const el = document.createElement("div");
          el.className = "border-map-cluster-count";
          marker = new maplibregl.Marker({ element: el }).setLngLat([lon, lat]).addTo(this.map);
          this.markers.set(id, marker);
        }
        marker.setLngLat([lon, lat]);
        const el = marker.getElement();
        const text = count >= 1000 ? `${Math.round(count / 100) / 10}k` : String(count);
        if (el.textContent !== text) el.textContent = text;
      }
    }
    for (const [id, marker] of this.markers) {
      if (seen.has(id)) continue;
      marker.remove();
      this.markers.delete(id);
    }
  }

  remove(): void {
    this.map.off("render", this.update);
    for (const marker of this.markers.values()) marker.remove();
    this.markers.clear();
  }
}
