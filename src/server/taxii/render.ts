import { reportRefs } from "../../core/stix/bundle";
import {
  identityObject,
  incidentObjects,
  locatedAtObject,
  placeObject,
  reportObject,
  type StixObject,
  threatActorObject,
} from "../../core/stix/objects";
import { tlpMarking } from "../../core/stix/tlp";
import type { Sql } from "../db/database";
import { loadGroups, loadIncidents, loadPlaces, loadReports, stampReport } from "../stix/load";
import type { CollectionIndex, IndexEntry } from "./collection";

/**
 * Writes the STIX objects of one page of a collection. Only the page's own sources are
 * read; a report's `object_refs` come from the index, so they name exactly the linked
 * objects the collection holds. The same builders make the export bundles, so an object
 * reads the same through TAXII and in a bundle.
 */
export async function renderPage(sql: Sql, index: CollectionIndex, page: readonly IndexEntry[]): Promise<StixObject[]> {
  const ids = (kind: string) => page.filter((e) => e.origin.kind === kind).map((e) => e.origin.id);
  const reports = new Map((await loadReports(sql, ids("report"))).map((r) => [r.id, r]));
  const groups = new Map((await loadGroups(sql, ids("group"), index.stamps)).map((g) => [g.id, g]));
  const places = new Map(
    (await loadPlaces(sql, { sectors: ids("sector"), crossings: ids("crossing") }, index.sides, index.stamps)).map((p) => [p.id, p]),
  );
  const incidents = new Map((await loadIncidents(sql, ids("incident"), index.sides, index.stamps)).map((i) => [i.id, i]));
  const sides = new Map(index.sides.map((s) => [s.node, s]));
  const owner = (id: string) => index.owners.get(id) ?? "";
  const built = new Map<string, StixObject[]>();

  const render = (e: IndexEntry): StixObject | undefined => {
    const { origin } = e;
    switch (origin.kind) {
      case "report": {
        const r = reports.get(origin.id);
        const stamp = index.stamps.get(origin.id);
        if (!r || !stamp) return undefined;
        const links = index.reportLinks.get(origin.id) ?? { groups: [], sectors: [], crossings: [], incidents: [] };
        const areas = links.groups.flatMap((g) => index.groupAreas.get(g) ?? []);
        const refs = reportRefs({
          report: r,
          groups: links.groups.map((g) => ({ id: g, ownerNode: owner(g), sectorIds: index.groupAreas.get(g) ?? [] })),
          places: [
            ...[...new Set([...links.sectors, ...areas])].map((id) => ({ id, kind: "sector" as const, ownerNode: owner(id) })),
            ...links.crossings.map((id) => ({ id, kind: "crossing" as const, ownerNode: owner(id) })),
          ],
          incidents: links.incidents.map((id) => ({ id, ownerNode: owner(id) })),
        });
        return reportObject(stampReport(r, stamp), refs);
      }
      case "group": {
        const g = groups.get(origin.id);
        if (!g) return undefined;
        if (e.type === "threat-actor") return threatActorObject(g);
        return origin.sector ? locatedAtObject(g, origin.sector) : undefined;
      }
      case "sector":
      case "crossing": {
        const p = places.get(origin.id);
        return p && placeObject(p);
      }
      case "incident": {
        const i = incidents.get(origin.id);
        if (!i) return undefined;
        // An incident writes three objects; a page usually holds all three, so they are built once.
        const three = built.get(i.id) ?? incidentObjects(i);
        built.set(i.id, three);
        return three.find((o) => o.id === e.id);
      }
      case "identity": {
        const s = sides.get(origin.id);
        return s && identityObject(s);
      }
      case "marking":
        return tlpMarking(origin.id);
    }
  };
  return page.map(render).filter((o): o is StixObject => o !== undefined);
}
