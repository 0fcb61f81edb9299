import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import type { Topology } from "topojson-specification";
import { DomainError } from "../errors";
import type { EventDefinition } from "../log/registry";
import { createEventRegistry } from "../log/registry";
import { decideCrossing, decideDeployment, decideLevelAnswer, decideLevelProposal, decidePatrol, type PlacedTarget } from "./decide";
import { decideClose, decideFollowup, decideIncident, decideRelease, type IncidentState } from "./decide-incidents";
import { BORDER_EVENTS } from "./events";
import { createBorderGeo } from "./geo";
import { crossingInput, deploymentInput, followupInput, incidentInput, patrolInput, releaseInput } from "./inputs";
import { ownTerritoryRule, POSITIONED_TYPES } from "./territory";

/** The pure border decisions: own territory, sector levels, incident life cycle, release. */
const require = createRequire(import.meta.url);
const geo = createBorderGeo(JSON.parse(readFileSync(require.resolve("world-atlas/countries-10m.json"), "utf8")) as Topology);
const SHARED = "co-ve";
const CO: PlacedTarget = { space: SHARED, actor: "ana@co", side: "co", geo };
const VE: PlacedTarget = { ...CO, actor: "luis@ve", side: "ve" };
const IN_CO = { lat: 7.8939, lon: -72.5078 }; // Cúcuta
const IN_VE = { lat: 7.7669, lon: -72.225 }; // San Cristóbal
const NOW = Date.parse("2026-03-01T12:00:00Z");

const refused = (fn: () => unknown): [string, string | undefined] => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DomainError, String(err));
    return [err.code, err.field];
  }
  assert.fail("not refused");
};

const incident = (over: Partial<Parameters<typeof incidentInput.parse>[0]> = {}) =>
  incidentInput.parse({
    type: "smuggling_fuel",
    occurredAt: "2026-03-01T06:00:00Z",
    position: IN_CO,
    impact: "medium",
    confidence: { reliability: "B", credibility: 2 },
    goods: [{ category: "fuel", quantity: 1200, unit: "l" }],
    summary: "Pimpinas de gasolina en la trocha",
    originator: "Batallón de Ingenieros 30",
    ...over,
  });

describe("own territory", () => {
  it("a crossing, deployment, incident on the other side is refused naming the field", () => {
    const crossing = crossingInput.parse({ name: "Trocha 1", category: "informal", modes: ["foot"], position: IN_VE });
    assert.deepEqual(
      refused(() => decideCrossing(crossing, undefined, "c1", CO)),
      ["border.outside_own_territory", "position"],
    );
    assert.equal(decideCrossing(crossing, undefined, "c1", VE)[0]?.type, "crossing.recorded");
    assert.deepEqual(
      refused(() => decideIncident(incident({ position: IN_VE }), {}, "i1", NOW, CO)),
      ["border.outside_own_territory", "position"],
    );
    const dep = deploymentInput.parse({
      unit: "Pelotón 2",
      position: { mgrs: "18N YP 75649 74069" },
      from: "2026-03-01T00:00:00Z",
      strength: 30,
    });
    assert.equal(decideDeployment(dep, {}, "d1", CO)[0]?.type, "deployment.recorded");
    assert.deepEqual(
      refused(() => decideDeployment(dep, {}, "d1", VE)),
      ["border.outside_own_territory", "position"],
    );
  });

  it("a deployment at a crossing stands at the crossing's position, which must be on the side's land", () => {
    const crossing = {
      id: "c9",
      space: SHARED,
      ownerNode: "ve",
      name: "x",
      modes: ["foot"],
      status: "active",
      risk: "low",
      note: "",
      position: IN_VE,
    };
    const dep = deploymentInput.parse({
      unit: "Pelotón 2",
      crossingId: "01900000-0000-7000-8000-000000000009",
      from: "2026-03-01T00:00:00Z",
      strength: 30,
    });
    const [e] = decideDeployment(dep, { crossing }, "d1", VE);
    assert.deepEqual(e?.data.position, IN_VE);
    assert.deepEqual(
      refused(() => decideDeployment(dep, { crossing }, "d1", CO)),
      ["border.outside_own_territory", "crossingId"],
    );
  });

  it("every point of a patrol route counts, and names its index", () => {
    const route = [
      [IN_CO.lon, IN_CO.lat],
      [-72.51, 7.9],
      [IN_VE.lon, IN_VE.lat],
    ];
    const p = patrolInput.parse({ unit: "Patrulla 7", route, startedAt: "2026-03-01T01:00:00Z", endedAt: "2026-03-01T05:00:00Z" });
    assert.deepEqual(
      refused(() => decidePatrol(p, { crossings: new Map() }, "p1", CO)),
      ["border.outside_own_territory", "route.2"],
    );
  });

  it("the same rule guards received events: a ve event placed in Colombia is refused", () => {
    const positioned = new Set<string>(POSITIONED_TYPES);
    const defs: EventDefinition[] = BORDER_EVENTS.map((d) =>
      positioned.has(d.type) ? { ...d, rule: ownTerritoryRule(d.type, () => geo) } : d,
    );
    const registry = createEventRegistry(defs);
    const [e] = decideIncident(incident(), {}, "i1", NOW, CO);
    assert.ok(e);
    const event = { type: e.type, v: 1, space: SHARED, data: e.data };
    assert.equal(registry.checkRule({ ...event, origin: "co" }, { country: "CO" }), undefined);
    assert.equal(registry.checkRule({ ...event, origin: "ve" }, { country: "VE" })?.code, "rule_broken");
    assert.match(registry.checkRule({ ...event, origin: "br" }, { country: "BR" })?.message ?? "", /neither side/);
  });
});

describe("sector levels", () => {
  const sector = { id: "s1", space: SHARED, ownerNode: "co" };
  const proposal = { level: "high" as const, reason: "Aumento del contrabando", citations: [] };

  it("one pending proposal per sector; only in a shared space", () => {
    assert.equal(decideLevelProposal(sector, undefined, proposal, "ana@co")[0]?.type, "sector.level_proposed");
    assert.deepEqual(
      refused(() => decideLevelProposal(sector, { id: "p0", proposedBy: "ve" }, proposal, "ana@co")),
      ["sector.proposal_pending", "level"],
    );
    assert.deepEqual(
      refused(() => decideLevelProposal({ ...sector, space: "national" }, undefined, proposal, "ana@co")),
      ["sector.not_shared", "path.id"],
    );
  });

  it("the other side answers the pending proposal, named by id", () => {
    const pending = { id: "p1", proposedBy: "co" };
    const answer = { accepted: true, comment: "" };
    assert.equal(decideLevelAnswer(sector, pending, "p1", answer, "ve", "luis@ve")[0]?.data.proposalId, "p1");
    assert.deepEqual(
      refused(() => decideLevelAnswer(sector, pending, "p1", answer, "co", "ana@co")),
      ["sector.own_proposal", "path.pid"],
    );
    assert.deepEqual(
      refused(() => decideLevelAnswer(sector, pending, "p2", answer, "ve", "luis@ve")),
      ["sector.proposal_not_pending", "path.pid"],
    );
    assert.deepEqual(
      refused(() => decideLevelAnswer(sector, undefined, "p1", answer, "ve", "luis@ve")),
      ["sector.proposal_not_pending", "path.pid"],
    );
  });
});

describe("incidents", () => {
  const state = (over: Partial<IncidentState> = {}): IncidentState => ({
    id: "i1",
    space: SHARED,
    ownerNode: "ve",
    status: "open",
    type: "smuggling_fuel",
    occurredAt: "2026-03-01T06:00:00.000Z",
    reportedAt: "2026-03-01T09:00:00.000Z",
    position: IN_VE,
    crossingId: null,
    sectorId: null,
    impact: "medium",
    confidence: { reliability: "B", credibility: 2 },
    goods: [{ category: "fuel", quantity: 5, unit: "l", description: "" }],
    releasedTo: [],
    ...over,
  });

  it("is not reported in the future", () => {
    assert.deepEqual(
      refused(() => decideIncident(incident({ occurredAt: "2026-03-01T13:00:00Z" }), {}, "i1", NOW, CO)),
      ["validation.failed", "occurredAt"],
    );
  });

  it("takes follow-ups from any member while open", () => {
    const f = followupInput.parse({ text: "Se incautaron 200 l más", goods: [{ category: "fuel", quantity: 200, unit: "l" }] });
    const [e] = decideFollowup(state(), f, "ana@co");
    assert.deepEqual([e?.type, e?.subject, e?.space], ["incident.followup_posted", "i1", SHARED]);
    assert.deepEqual(
      refused(() => decideFollowup(state({ status: "closed" }), f, "ana@co")),
      ["incident.closed", "path.id"],
    );
    assert.deepEqual(
      refused(() => decideFollowup(undefined, f, "ana@co")),
      ["incident.not_found", "path.id"],
    );
  });

  it("is closed only by its owner, with a reason, once", () => {
    assert.equal(decideClose(state(), "Mercancía decomisada", "ve", "luis@ve")[0]?.type, "incident.closed");
    assert.deepEqual(
      refused(() => decideClose(state(), "x", "co", "ana@co")),
      ["incident.not_owner", undefined],
    );
    assert.deepEqual(
      refused(() => decideClose(state(), "   ", "ve", "luis@ve")),
      ["validation.failed", "reason"],
    );
    assert.deepEqual(
      refused(() => decideClose(state({ status: "closed" }), "otra vez", "ve", "luis@ve")),
      ["incident.closed", "path.id"],
    );
  });

  it("a national incident is released as a new, sanitised copy linked to it", () => {
    const national = state({ space: "national", ownerNode: "co", position: IN_CO, crossingId: "c-national" });
    const input = releaseInput.parse({ space: SHARED, summary: "Incautación de combustible en la zona de Cúcuta", includeGoods: false });
    const events = decideRelease(
      national,
      input,
      { crossing: { id: "c-national", space: "national", ownerNode: "co" } },
      "copy",
      "Unidad fronteriza (CO)",
      CO,
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.space, e.subject]),
      [
        ["incident.reported", SHARED, "copy"],
        ["incident.released", "national", "i1"],
      ],
    );
    const copy = events[0]?.data as Record<string, unknown>;
    assert.deepEqual(copy.derivedFrom, { space: "national", id: "i1" });
    assert.deepEqual(copy.goods, []);
    assert.equal(copy.crossingId, null, "a national crossing does not travel");
    assert.equal(copy.originator, "Unidad fronteriza (CO)");
    assert.equal(copy.summary, "Incautación de combustible en la zona de Cúcuta");
    assert.deepEqual(events[1]?.data, { space: SHARED, copyId: "copy" });
    assert.deepEqual(
      refused(() => decideRelease(state(), input, {}, "c", "g", CO)),
      ["incident.not_national", "path.id"],
    );
    assert.deepEqual(
      refused(() => decideRelease({ ...national, releasedTo: [SHARED] }, input, {}, "c", "g", CO)),
      ["incident.already_released", "space"],
    );
  });
});
