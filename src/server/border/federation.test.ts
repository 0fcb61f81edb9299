import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createCluster } from "../../../test/helpers/cluster";
import { apiOf, expectJson, expectProblem } from "../../../test/helpers/commitments";
import { type Cluster, disposeCluster, waitFor } from "../../../test/helpers/federation";
import { addUser } from "../../../test/helpers/node";
import type { IncidentDetailView, IncidentPageView, SectorDetailView } from "../../core/border/views";
import { createHlc } from "../../core/log/hlc";
import { createEventRegistry } from "../../core/log/registry";
import { createEventStore } from "../db/event-store";
import { isSpaceMember, listQuarantine } from "../federation/queries";
import type { RunningNode } from "../main";

/**
 * The border picture across two real nodes (co and ve) in one binational space, on the
 * engine under test: an incident reported on ve is listed on co within a second; co's
 * follow-up is linked on ve; only ve closes it; a sector level proposed by one side is
 * accepted by the other; a released national incident arrives as a linked copy; and an
 * event placed on the other side's territory, correctly signed, is quarantined.
 */
let cluster: Cluster;
let space: string;
let co: RunningNode;
let ve: RunningNode;
const api = {} as Record<"co" | "ve", ReturnType<typeof apiOf>>;
let ana: string; // admin on co
let carlos: string; // commander on co
let luis: string; // admin on ve
let vilma: string; // commander on ve
const IN_CO = { lat: 7.8939, lon: -72.5078 };
const IN_VE = { lat: 7.7669, lon: -72.225 };

const incidentBody = (position: { lat: number; lon: number }) => ({
  type: "smuggling_fuel",
  occurredAt: new Date(Date.now() - 3600_000).toISOString(),
  position,
  impact: "medium",
  confidence: { reliability: "B", credibility: 2 },
  goods: [{ category: "fuel", quantity: 800, unit: "l" }],
  summary: "Combustible en pimpinas",
  originator: "REDI Los Andes",
});

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  space = await cluster.link();
  api.co = apiOf(co.app);
  api.ve = apiOf(ve.app);
  ana = await addUser(co.node, "ana", "admin");
  carlos = await addUser(co.node, "carlos", "commander");
  luis = await addUser(ve.node, "luis", "admin");
  vilma = await addUser(ve.node, "vilma", "commander");
});

after(async () => {
  await disposeCluster(cluster);
});

const incidentOn = async (node: "co" | "ve", token: string, id: string) => {
  const res = await api[node](token, "GET", `/incidents/${id}`);
  return res.statusCode === 200 ? res.json<IncidentDetailView>() : undefined;
};
const sectorOn = async (node: "co" | "ve", token: string, id: string) => {
  const res = await api[node](token, "GET", `/sectors/${id}`);
  return res.statusCode === 200 ? res.json<SectorDetailView>() : undefined;
};

describe("border picture between co and ve", () => {
  let sectorId: string;

  it("a sector level proposed by co is accepted by ve; both record it with its history", async () => {
    const s = expectJson<SectorDetailView>(
      await api.co(carlos, "POST", "/sectors", {
        code: "S-TA",
        name: "Táchira – Norte de Santander",
        path: [
          [-72.47, 7.8],
          [-72.45, 7.95],
        ],
        units: [
          { node: "co", name: "Brigada 30" },
          { node: "ve", name: "ZODI Táchira" },
        ],
      }),
      201,
    );
    sectorId = s.id;
    assert.equal(s.space, space);
    const proposed = expectJson<SectorDetailView>(
      await api.co(carlos, "POST", `/sectors/${sectorId}/level-proposals`, {
        level: "high",
        reason: "Aumento del contrabando de combustible",
      }),
      201,
    );
    const pid = proposed.pendingProposal?.id ?? "";
    assert.equal(proposed.pendingProposal?.proposedBy, "co");
    expectProblem(
      await api.co(carlos, "POST", `/sectors/${sectorId}/level-proposals/${pid}/answer`, { accepted: true }),
      403,
      "sector.own_proposal",
    );
    expectProblem(
      await api.co(carlos, "POST", `/sectors/${sectorId}/level-proposals`, { level: "critical", reason: "otra" }),
      409,
      "sector.proposal_pending",
    );
    const onVe = await waitFor("the proposal on ve", async () => (await sectorOn("ve", vilma, sectorId))?.pendingProposal ?? undefined);
    assert.equal(onVe.id, pid);
    expectProblem(
      await api.ve(vilma, "POST", `/sectors/${sectorId}/level-proposals/${sectorId}/answer`, { accepted: true }),
      409,
      "sector.proposal_not_pending",
    );
    const accepted = expectJson<SectorDetailView>(
      await api.ve(vilma, "POST", `/sectors/${sectorId}/level-proposals/${pid}/answer`, { accepted: true, comment: "De acuerdo" }),
    );
    assert.deepEqual([accepted.level, accepted.pendingProposal], ["high", null]);
    const onCo = await waitFor("the accepted level on co", async () => {
      const x = await sectorOn("co", ana, sectorId);
      return x?.level === "high" ? x : undefined;
    });
    assert.deepEqual(
      onCo.proposals.map((p) => [p.id, p.level, p.proposedBy, p.state, p.answeredBy, p.comment]),
      [[pid, "high", "co", "accepted", "ve", "De acuerdo"]],
    );
    // ve cannot change co's sector; it proposes instead.
    expectProblem(await api.ve(vilma, "PATCH", `/sectors/${sectorId}`, { name: "x" }), 403, "sector.not_owner");
  });

  it("an incident reported on ve is listed on co within a second; co's follow-up is linked on ve; only ve closes it", async () => {
    const listedOnCo = async (id: string) => {
      const page = expectJson<IncidentPageView>(await api.co(ana, "GET", "/incidents?owner=ve&limit=50"));
      return page.items.find((i) => i.id === id);
    };
    // The sector's answer reached co above, so ve's stream into co is live.
    const reported = expectJson<IncidentDetailView>(await api.ve(luis, "POST", "/incidents", { ...incidentBody(IN_VE), sectorId }), 201);
    const seen = await waitFor("ve's incident listed on co", () => listedOnCo(reported.id), 1000, 5);
    assert.deepEqual([seen.ownerNode, seen.space, seen.sectorId, seen.location.mgrs], ["ve", space, sectorId, reported.location.mgrs]);

    // co may not report on ve's side, nor close ve's incident.
    expectProblem(await api.co(ana, "POST", "/incidents", incidentBody(IN_VE)), 422, "border.outside_own_territory");
    expectProblem(await api.co(ana, "POST", `/incidents/${reported.id}/close`, { reason: "Cerrado por co" }), 403, "incident.not_owner");

    const withFollowup = expectJson<IncidentDetailView>(
      await api.co(ana, "POST", `/incidents/${reported.id}/followups`, {
        text: "Vehículo visto del lado colombiano",
        impact: "high",
        goods: [{ category: "fuel", quantity: 200, unit: "gal" }],
      }),
      201,
    );
    assert.equal(withFollowup.followupCount, 1);
    const linked = await waitFor("co's follow-up on ve", async () => {
      const i = await incidentOn("ve", luis, reported.id);
      return i?.followups.length === 1 ? i : undefined;
    });
    assert.deepEqual(
      [linked.followups[0]?.authorNode, linked.followups[0]?.actor, linked.impact, linked.goods.length],
      ["co", "ana@co", "high", 2],
    );

    const closed = expectJson<IncidentDetailView>(
      await api.ve(luis, "POST", `/incidents/${reported.id}/close`, { reason: "Mercancía incautada" }),
    );
    assert.equal(closed.status, "closed");
    const onCo = await waitFor("the close on co", async () => {
      const i = await incidentOn("co", ana, reported.id);
      return i?.status === "closed" ? i : undefined;
    });
    assert.equal(onCo.closedReason, "Mercancía incautada");
  });

  it("a national incident of co is released into the space as a sanitised copy linked to it", async () => {
    const national = expectJson<IncidentDetailView>(
      await api.co(ana, "POST", "/incidents", { ...incidentBody(IN_CO), space: "national", originator: "Informante del GAULA" }),
      201,
    );
    assert.equal(national.space, "national");
    // National data never leaves co.
    expectProblem(await api.ve(luis, "GET", `/incidents/${national.id}`), 404, "incident.not_found");
    const copy = expectJson<IncidentDetailView>(
      await api.co(carlos, "POST", `/incidents/${national.id}/release`, {
        space,
        summary: "Incautación de combustible cerca de Cúcuta",
        includeGoods: false,
      }),
      201,
    );
    assert.deepEqual(
      [copy.space, copy.derivedFrom, copy.goods, copy.originator],
      [space, { space: "national", id: national.id }, [], "Unidad fronteriza (CO)"],
    );
    const source = await incidentOn("co", ana, national.id);
    assert.deepEqual(source?.releasedAs, [{ space, id: copy.id }]);
    const onVe = await waitFor("the copy on ve", () => incidentOn("ve", luis, copy.id));
    assert.equal(onVe.summary, "Incautación de combustible cerca de Cúcuta");
    assert.equal(onVe.originator, "Unidad fronteriza (CO)");
    expectProblem(
      await api.co(carlos, "POST", `/incidents/${national.id}/release`, { space, summary: "otra" }),
      409,
      "incident.already_released",
    );
  });

  it("a correctly signed ve incident placed in Colombia is quarantined on co, not shown", async () => {
    // A tampered ve without the own-territory rule signs with ve's real key and chain.
    const definitions = ve.node.model.registry.all().map(({ rule: _rule, ...d }) => d);
    const tampered = createEventStore({
      db: ve.node.db,
      registry: createEventRegistry(definitions),
      projections: ve.node.model.projections,
      node: { id: "ve", keys: ve.node.keys },
      clock: createHlc(),
      keyOf: (origin, sql) => ve.node.keyOf(origin, sql),
      isMember: isSpaceMember,
    });
    const forgedId = "01900000-0000-7000-8000-0000000000f1";
    const [forged] = await tampered.append([
      {
        space,
        type: "incident.reported",
        subject: forgedId,
        actor: "luis@ve",
        data: { ...incidentBody(IN_CO), goods: [], crossingId: null, sectorId: null, derivedFrom: null, position: IN_CO },
      },
    ]);
    assert.ok(forged);
    const open = () => co.node.db.connection((sql) => listQuarantine(sql));
    const [q] = await waitFor("the quarantine on co", async () => ((await open()).length > 0 ? open() : undefined));
    assert.deepEqual([q?.origin, q?.code, Number(q?.seq)], ["ve", "rule_broken", forged.seq]);
    assert.match(q?.reason ?? "", /in Colombia/);
    assert.equal(await incidentOn("co", ana, forgedId), undefined);
  });
});
