import type { CrossingView, IncidentView, SectorView } from "../views";

/**
 * Views holding hostile text (quotes, delimiters, line breaks, markup, CDATA ends,
 * non-Latin scripts, a formula), for the export tests: what goes in must come back out.
 */
export const HOSTILE = `Trocha "La 'Y'", km 3; <b>&amp;</b> ]]> \r\nlínea 2\tfin — 日本語 العربية 🚩`;
export const FORMULA = '=HYPERLINK("http://x")';

export const sampleSector = (over: Partial<SectorView> = {}): SectorView => ({
  id: "0192f000-0000-7000-8000-000000000001",
  code: "S-01",
  name: `Sector ${HOSTILE}`,
  description: HOSTILE,
  path: [
    [-72.47, 7.83],
    [-72.44, 7.9],
    [-72.4, 8.05],
  ],
  units: [
    { node: "co", name: "Brigada 30" },
    { node: "ve", name: "ZODI Táchira" },
  ],
  level: "high",
  pendingProposal: null,
  space: "co-ve",
  ownerNode: "co",
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-02T00:00:00.000Z",
  ...over,
});

export const sampleCrossing = (over: Partial<CrossingView> = {}): CrossingView => ({
  id: "0192f000-0000-7000-8000-000000000002",
  name: HOSTILE,
  category: "informal",
  modes: ["foot", "river"],
  location: { lat: 7.8912345, lon: -72.4567891, mgrs: "18NYM1234567890" },
  sectorId: "0192f000-0000-7000-8000-000000000001",
  status: "active",
  risk: "critical",
  approximate: false,
  note: FORMULA,
  space: "co-ve",
  ownerNode: "co",
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  ...over,
});

export const sampleIncident = (over: Partial<IncidentView> = {}): IncidentView => ({
  id: "0192f000-0000-7000-8000-000000000003",
  type: "smuggling_fuel",
  occurredAt: "2025-03-04T05:06:07.000Z",
  reportedAt: "2025-03-04T06:00:00.000Z",
  location: { lat: 7.9, lon: -72.5, mgrs: "18NYM0000000000" },
  crossingId: "0192f000-0000-7000-8000-000000000002",
  sectorId: null,
  impact: "very_high",
  confidence: { reliability: "B", credibility: 2 },
  goods: [
    { category: "fuel", quantity: 1200.5, unit: "l", description: HOSTILE },
    { category: "drugs", quantity: 3, unit: "kg", description: "" },
  ],
  summary: HOSTILE,
  originator: 'Puesto 7, Batallón "Maza"',
  space: "co-ve",
  ownerNode: "ve",
  status: "open",
  closedAt: null,
  closedReason: null,
  lateReport: false,
  followupCount: 2,
  derivedFrom: { space: "national", id: "0192f000-0000-7000-8000-000000000009" },
  releasedAs: [],
  ...over,
});
