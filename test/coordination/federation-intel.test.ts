import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { ConsentRequestView, IntelReportDetailView, RfiDetailView } from "../../src/core/coordination/views";
import type { RunningNode } from "../../src/server/main";
import { expectJson, expectProblem } from "../helpers/commitments";
import { waitFor } from "../helpers/federation";
import { type Api, type CoordinationCluster, coordinationCluster, json, refusedOn } from "./cluster-fixture";

/**
 * Intelligence across three real nodes on loopback: co and ve share a binational space, and
 * all three a trilateral one. A report stays in ve's national space until ve releases a
 * sanitised copy; co passes ve's material on into the trilateral space only with ve's
 * consent, which only ve can give, once per grant and never under a weaker TLP.
 */
let c: CoordinationCluster;
let co: RunningNode;
let ve: RunningNode;
let api: Record<"co" | "ve" | "br", Api>;
let tok: Record<string, string>;
let bi = "";
let tri = "";
let sector = "";

before(async () => {
  c = await coordinationCluster(true);
  ({ api, tok, bi, sector } = c);
  tri = c.tri ?? "";
  ({ co, ve } = c.running);
});

after(async () => {
  await c.dispose();
});

describe("intelligence", () => {
  let national = "";
  let shared = "";
  let request = "";

  it("stays home until ve releases it: the shared copy names its national source", async () => {
    const group = expectJson<{ id: string }>(
      await api.ve(tok.vilma, "POST", "/threat-actors", { name: "Grupo nacional", space: "national" }),
      201,
    ).id;
    national = expectJson<IntelReportDetailView>(
      await api.ve(tok.vilma, "POST", "/intel-reports", {
        summary: "Fuente humana: ruta de contrabando por el río",
        body: "Detalle con la fuente, que no sale del nodo.",
        tlp: "red",
        confidence: { reliability: "B", credibility: 2 },
        originator: "Sección de inteligencia, ZODI Táchira",
        links: { threatActorIds: [group] },
      }),
      201,
    ).id;
    expectProblem(await api.co(tok.olga, "GET", `/intel-reports/${national}`), 404, "intel.not_found");
    const bad = await refusedOn(
      ve,
      () =>
        api.ve(tok.victor, "POST", `/intel-reports/${national}/release`, {
          space: bi,
          summary: "Ruta por el río",
          tlp: "amber",
          links: { threatActorIds: [group] },
        }),
      422,
      "coordination.reference_not_found",
    );
    assert.equal(bad.errors?.[0]?.field, "links.threatActorIds.0");
    const copy = expectJson<IntelReportDetailView>(
      await api.ve(tok.victor, "POST", `/intel-reports/${national}/release`, {
        space: bi,
        summary: "Ruta de contrabando por el río",
        tlp: "amber",
        links: { sectorIds: [sector] },
      }),
      201,
    );
    shared = copy.id;
    assert.deepEqual([copy.space, copy.ownerNode, copy.originatorNode, copy.body, copy.tlp], [bi, "ve", "ve", "", "amber"]);
    assert.deepEqual(copy.derivedFrom, { space: "national", id: national });
    const source = expectJson<IntelReportDetailView>(await api.ve(tok.vilma, "GET", `/intel-reports/${national}`));
    assert.deepEqual(
      source.releasedAs.map((r) => [r.space, r.id, r.kind]),
      [[bi, shared, "release"]],
    );
    const onCo = await waitFor("the copy on co", () => json<IntelReportDetailView>(api.co(tok.olga, "GET", `/intel-reports/${shared}`)));
    assert.equal(onCo.summary, "Ruta de contrabando por el río");
    assert.ok(!JSON.stringify(onCo).includes("fuente"));
  });

  it("co may not pass ve's report on without asking; asking and waiting are not enough", async () => {
    const p = await refusedOn(
      co,
      () => api.co(tok.olga, "POST", `/intel-reports/${shared}/release`, { space: tri, summary: "x", tlp: "amber" }),
      403,
      "intel.consent_required",
    );
    assert.match(p.detail ?? "", /ask ve/);
    const asked = expectJson<ConsentRequestView>(
      await api.co(tok.olga, "POST", `/intel-reports/${shared}/consent-requests`, {
        targetSpace: tri,
        purpose: "Compartir con la mesa trilateral",
      }),
      201,
    );
    assert.equal(asked.state, "pending");
    request = asked.id;
    await refusedOn(
      co,
      () => api.co(tok.olga, "POST", `/intel-reports/${shared}/release`, { space: tri, summary: "x", tlp: "amber" }),
      409,
      "intel.consent_pending",
    );
    await refusedOn(
      co,
      () => api.co(tok.carlos, "POST", `/intel-reports/${shared}/consent-requests/${request}/answer`, { granted: true }),
      403,
      "consent.not_originator",
    );
  });

  it("an answer co forges for ve counts for nothing", async () => {
    await co.node.store.append([
      {
        space: bi,
        type: "intel_report.consent_answered",
        subject: shared,
        actor: "olga@co",
        data: { requestId: request, granted: true, note: "" },
      },
    ]);
    const r = expectJson<IntelReportDetailView>(await api.co(tok.olga, "GET", `/intel-reports/${shared}`));
    assert.equal(r.consentRequests.find((c) => c.id === request)?.state, "pending");
    await refusedOn(
      co,
      () => api.co(tok.olga, "POST", `/intel-reports/${shared}/release`, { space: tri, summary: "x", tlp: "amber" }),
      409,
      "intel.consent_pending",
    );
  });

  it("ve refuses, then grants; the grant allows one copy, no weaker than TLP:AMBER", async () => {
    await waitFor(
      "the request on ve",
      async () => (await json<IntelReportDetailView>(api.ve(tok.victor, "GET", `/intel-reports/${shared}`)))?.consentRequests.length === 1,
    );
    await refusedOn(
      ve,
      () => api.ve(tok.luis, "POST", `/intel-reports/${shared}/consent-requests/${request}/answer`, { granted: true }),
      403,
      "auth.forbidden",
    );
    expectJson(
      await api.ve(tok.victor, "POST", `/intel-reports/${shared}/consent-requests/${request}/answer`, {
        granted: false,
        note: "Fuente sensible",
      }),
    );
    await waitFor(
      "the refusal on co",
      async () =>
        (await json<IntelReportDetailView>(api.co(tok.olga, "GET", `/intel-reports/${shared}`)))?.consentRequests[0]?.state === "refused",
    );
    await refusedOn(
      co,
      () => api.co(tok.olga, "POST", `/intel-reports/${shared}/release`, { space: tri, summary: "x", tlp: "amber" }),
      403,
      "intel.consent_refused",
    );

    const again = expectJson<ConsentRequestView>(
      await api.co(tok.olga, "POST", `/intel-reports/${shared}/consent-requests`, { targetSpace: tri, purpose: "Segunda solicitud" }),
      201,
    );
    await waitFor(
      "the second request on ve",
      async () => (await json<IntelReportDetailView>(api.ve(tok.victor, "GET", `/intel-reports/${shared}`)))?.consentRequests.length === 2,
    );
    const granted = expectJson<ConsentRequestView>(
      await api.ve(tok.victor, "POST", `/intel-reports/${shared}/consent-requests/${again.id}/answer`, { granted: true }),
    );
    assert.deepEqual([granted.state, granted.answeredBy], ["granted", "victor@ve"]);
    await waitFor("the grant on co", async () =>
      (await json<IntelReportDetailView>(api.co(tok.olga, "GET", `/intel-reports/${shared}`)))?.consentRequests.some(
        (c) => c.state === "granted",
      ),
    );

    const weaker = await refusedOn(
      co,
      () => api.co(tok.olga, "POST", `/intel-reports/${shared}/release`, { space: tri, summary: "x", tlp: "green" }),
      422,
      "intel.tlp_weaker",
    );
    assert.equal(weaker.errors?.[0]?.field, "tlp");
    const copy = expectJson<IntelReportDetailView>(
      await api.co(tok.olga, "POST", `/intel-reports/${shared}/release`, {
        space: tri,
        summary: "Ruta fluvial de contrabando (material de ve)",
        tlp: "amber",
      }),
      201,
    );
    assert.deepEqual([copy.space, copy.ownerNode, copy.originatorNode], [tri, "co", "ve"]);
    assert.deepEqual(copy.derivedFrom, { space: bi, id: shared });
    await refusedOn(
      co,
      () => api.co(tok.olga, "POST", `/intel-reports/${shared}/release`, { space: tri, summary: "y", tlp: "amber" }),
      403,
      "intel.consent_required",
    );

    const onBr = await waitFor("the copy on br", () => json<IntelReportDetailView>(api.br(tok.bea, "GET", `/intel-reports/${copy.id}`)));
    assert.equal(onBr.originatorNode, "ve");
    expectProblem(await api.br(tok.bea, "GET", `/intel-reports/${shared}`), 404, "intel.not_found");
    const onVe = await waitFor("the re-release on ve", async () => {
      const r = await json<IntelReportDetailView>(api.ve(tok.victor, "GET", `/intel-reports/${shared}`));
      return r?.releasedAs.length ? r : undefined;
    });
    assert.deepEqual(
      onVe.releasedAs.map((x) => [x.space, x.id, x.kind, x.node]),
      [[tri, copy.id, "rerelease", "co"]],
    );
    assert.deepEqual(
      onVe.consentRequests.map((c) => [c.state, c.copyId]),
      [
        ["refused", null],
        ["used", copy.id],
      ],
    );
  });

  it("an RFI co asks gets ve's reply, linking ve's shared report", async () => {
    const q = expectJson<RfiDetailView>(
      await api.co(tok.olga, "POST", "/rfis", {
        question: "¿Qué pasos usa el grupo?",
        space: bi,
        addressedTo: ["ve"],
        sectorIds: [sector],
      }),
      201,
    );
    await waitFor("the RFI on ve", () => json(api.ve(tok.vilma, "GET", `/rfis/${q.id}`)));
    expectJson(await api.ve(tok.vilma, "POST", `/rfis/${q.id}/replies`, { text: "Ver el informe compartido.", reportIds: [shared] }), 201);
    const seen = await waitFor("the reply on co", async () => {
      const r = await json<RfiDetailView>(api.co(tok.olga, "GET", `/rfis/${q.id}`));
      return r?.replies.length ? r : undefined;
    });
    assert.deepEqual(seen.replies[0]?.reports, [{ id: shared, summary: "Ruta de contrabando por el río" }]);
    assert.equal(seen.replies[0]?.node, "ve");
    await refusedOn(ve, () => api.ve(tok.vilma, "POST", `/rfis/${q.id}/close`, {}), 403, "rfi.not_owner");
  });
});
