import { consoleActor } from "../../src/server/admin/commands";
import { borderContext, recordCrossing, reportIncident } from "../../src/server/border/commands";
import { releaseReport, writeReport } from "../../src/server/coordination/intel-commands";
import { recordThreatActor } from "../../src/server/coordination/threat-commands";
import type { NodeRuntime } from "../../src/server/node";
import { addSectors } from "../coordination/fixture";
import { POINTS } from "../helpers/border-read";

/**
 * Intelligence written through the capabilities' own commands, for the STIX and TAXII suites:
 * sectors, crossings and incidents of the border picture, groups of the threat register, and
 * a report linking them (national, or released into a shared space).
 */
export interface IntelIds {
  sectors: string[];
  crossings: string[];
  incidents: string[];
  groups: string[];
  report: string;
}

const co = (node: NodeRuntime) => consoleActor(node.config.node);

/** Places on this node's side of the border (co: Colombian points, ve: Venezuelan ones). */
const pointOf = (node: NodeRuntime, i: number) => {
  const base = node.config.country === "VE" ? POINTS.v1 : POINTS.c1;
  return { lat: base.lat + (i % 10) * 0.001, lon: base.lon - Math.floor(i / 10) * 0.001 * (node.config.country === "VE" ? -1 : 1) };
};

export async function writeIntel(
  node: NodeRuntime,
  opts: {
    space?: string;
    prefix?: string;
    counts?: { sectors?: number; crossings?: number; incidents?: number; groups?: number; areas?: number };
    tlp?: "clear" | "green" | "amber" | "amber+strict" | "red";
    groupTlp?: "clear" | "green" | "amber" | "amber+strict" | "red";
  } = {},
): Promise<IntelIds> {
  const n = { sectors: 2, crossings: 1, incidents: 2, groups: 2, areas: 1, ...opts.counts };
  const prefix = opts.prefix ?? "S";
  const where = opts.space ? { space: opts.space } : {};
  // A report is written nationally and released into a shared space, if one is named.
  const shared = opts.space !== undefined && opts.space !== "national" ? opts.space : undefined;
  const ctx = { store: node.store, actor: co(node) };
  const border = borderContext(node, co(node));
  const sectors = await addSectors(
    node,
    Array.from({ length: n.sectors }, (_, i) => `${prefix}-${String(i + 1).padStart(3, "0")}`),
    opts.space,
  );
  const crossings: string[] = [];
  for (let i = 0; i < n.crossings; i++) {
    crossings.push(
      await recordCrossing(border, {
        name: `Trocha ilustrativa ${prefix}${i + 1}`,
        category: "informal",
        modes: ["foot"],
        position: pointOf(node, i),
        sectorId: sectors[i % sectors.length] ?? null,
        ...where,
      }),
    );
  }
  const incidents: string[] = [];
  for (let i = 0; i < n.incidents; i++) {
    incidents.push(
      await reportIncident(border, {
        type: i % 2 ? "irregular_crossing" : "smuggling_fuel",
        occurredAt: `2025-03-${String(1 + (i % 28)).padStart(2, "0")}T06:${String(i % 60).padStart(2, "0")}:00Z`,
        position: pointOf(node, i),
        crossingId: crossings[i % Math.max(1, crossings.length)] ?? null,
        sectorId: sectors[i % sectors.length] ?? null,
        impact: "high",
        confidence: { reliability: "B", credibility: 2 },
        summary: `Decomiso ilustrativo ${i + 1}\nDatos de demostración.`,
        originator: "Puesto ilustrativo 7",
        ...where,
      }),
    );
  }
  const groups: string[] = [];
  for (let i = 0; i < n.groups; i++) {
    const areas = Array.from({ length: Math.min(n.areas, sectors.length) }, (_, k) => sectors[(i + k) % sectors.length] as string);
    groups.push(
      await recordThreatActor(ctx, {
        name: `Grupo ilustrativo ${prefix}${i + 1}`,
        aliases: [`GI-${prefix}${i + 1}`],
        activities: ["smuggling_fuel", "extortion"],
        description: "Grupo de demostración.",
        areas,
        firstSeen: "2024-01-15",
        lastSeen: "2025-03-01",
        tlp: opts.groupTlp ?? "amber",
        ...where,
      }),
    );
  }
  const links = { threatActorIds: groups, sectorIds: sectors, crossingIds: crossings, incidentIds: incidents };
  const summary = `Informe ilustrativo ${prefix}`;
  const national = await writeReport(ctx, {
    summary,
    body: "Análisis de demostración.",
    tlp: opts.tlp ?? "amber",
    confidence: { reliability: "C", credibility: 3 },
    links: shared ? { threatActorIds: [], sectorIds: [], crossingIds: [], incidentIds: [] } : links,
    originator: "Brigada ilustrativa 30",
  });
  const report = shared
    ? await releaseReport(ctx, national, { space: shared, summary, body: "Copia depurada.", tlp: opts.tlp ?? "amber", links })
    : national;
  return { sectors, crossings, incidents, groups, report };
}
