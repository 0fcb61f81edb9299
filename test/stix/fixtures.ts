import type { GroupSource, IncidentSource, PlaceSource, ReportGraph, ReportSource, SideSource } from "../../src/core/stix/sources";

/**
 * Source records for the pure STIX tests: two sides, groups, a sector, a crossing and
 * incidents, linked from one report. Ids are fixed so expected STIX ids can be computed.
 */
export const SIDES: SideSource[] = [
  { node: "co", name: "Fuerzas Militares de Colombia", country: "CO", created: "2026-01-02T10:00:00.000Z" },
  { node: "ve", name: "Fuerza Armada Nacional Bolivariana", country: "VE", created: "2026-01-03T10:00:00.000Z" },
];

const stamp = (ownerNode: string, created: string, modified = created) => ({ ownerNode, created, modified });

export const SECTOR: PlaceSource = {
  id: "0190a000-0000-7000-8000-000000000001",
  ...stamp("co", "2026-02-01T08:00:00.000Z", "2026-02-03T08:00:00.123Z"),
  kind: "sector",
  name: "Catatumbo (datos de demostración)",
  code: "SEC-01",
  description: "Tramo ilustrativo",
  lat: 8.6,
  lon: -72.4,
  precision: 42_000,
  country: null,
  region: "south-america",
};

export const CROSSING: PlaceSource = {
  id: "0190a000-0000-7000-8000-000000000002",
  ...stamp("ve", "2026-02-02T08:00:00.000Z"),
  kind: "crossing",
  name: "Trocha ilustrativa 7",
  code: null,
  description: "",
  lat: 8.35,
  lon: -72.45,
  precision: null,
  country: "VE",
  region: "south-america",
};

export const GROUPS: GroupSource[] = [
  {
    id: "0190a000-0000-7000-8000-000000000010",
    ...stamp("co", "2026-02-05T12:00:00.000Z", "2026-03-01T12:00:00.500Z"),
    name: "Grupo ilustrativo A",
    aliases: ["GIA", "Los del río"],
    description: "Grupo de demostración dedicado al contrabando de combustible.",
    activities: ["smuggling_fuel", "extortion"],
    firstSeen: "2024-05-01",
    lastSeen: "2026-02-28T00:00:00Z",
    sectorIds: [SECTOR.id],
    tlp: "amber+strict",
    confidence: { reliability: "B", credibility: 2 },
  },
  {
    id: "0190a000-0000-7000-8000-000000000011",
    ...stamp("ve", "2026-02-06T12:00:00.000Z"),
    name: "Grupo ilustrativo B",
    aliases: [],
    description: "",
    activities: [],
    firstSeen: null,
    lastSeen: null,
    sectorIds: [],
    tlp: null,
    confidence: null,
  },
];

export const INCIDENTS: IncidentSource[] = [
  {
    id: "0190a000-0000-7000-8000-000000000020",
    ...stamp("co", "2026-03-02T09:15:00.000Z", "2026-03-04T10:00:00.000Z"),
    type: "smuggling_fuel",
    summary: "Decomiso de combustible en la trocha\nDetalle adicional.",
    occurredAt: "2026-03-02T06:40:00.000Z",
    lat: 8.5,
    lon: -72.5,
    country: "CO",
    impact: "high",
    confidence: { reliability: "A", credibility: 1 },
  },
  {
    id: "0190a000-0000-7000-8000-000000000021",
    ...stamp("ve", "2026-03-05T09:15:00.000Z"),
    type: "irregular_crossing",
    summary: "",
    occurredAt: "2026-03-05T01:00:00.000Z",
    lat: 8.3,
    lon: -72.2,
    country: "VE",
    impact: "low",
    confidence: { reliability: "F", credibility: 6 },
  },
];

export const REPORT: ReportSource = {
  id: "0190a000-0000-7000-8000-000000000030",
  ...stamp("co", "2026-03-06T15:00:00.000Z", "2026-03-06T15:30:00.000Z"),
  summary: "Informe ilustrativo de contrabando en SEC-01",
  originator: "Brigada ilustrativa 30",
  body: "Cuerpo del informe con el análisis.\n\nSegundo párrafo.",
  tlp: "amber",
  confidence: { reliability: "C", credibility: 3 },
  published: "2026-03-06T16:00:00.000Z",
  groupIds: GROUPS.map((g) => g.id),
  sectorIds: [SECTOR.id],
  crossingIds: [CROSSING.id],
  incidentIds: INCIDENTS.map((i) => i.id),
};

export const GRAPH: ReportGraph = {
  report: REPORT,
  sides: SIDES,
  groups: GROUPS,
  places: [SECTOR, CROSSING],
  incidents: INCIDENTS,
};
