import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type {
  CitationView,
  IntelReportDetailView,
  RfiDetailView,
  RiskFactorView,
  SectorRiskView,
  ThreatActorView,
} from "../../src/core/coordination/views";
import { countEvents, expectJson, expectProblem } from "../helpers/commitments";
import { type CoordinationFixture, coordinationFixture, UNKNOWN } from "./fixture";

/**
 * The threat and risk register, intelligence reports and requests for information on one
 * node: groups, risk factors, assessments with their history, citations resolved, the
 * register of a sector, reports written nationally, RFIs with linked replies.
 */
let f: CoordinationFixture;
let group: ThreatActorView;

before(async () => {
  f = await coordinationFixture();
  group = expectJson<ThreatActorView>(
    await f.api(f.as("andres"), "POST", "/threat-actors", {
      name: "Grupo ilustrativo del Catatumbo",
      aliases: ["GIC"],
      activities: ["smuggling_fuel", "extortion"],
      areas: [f.sectors[0]],
      firstSeen: "2024-02-01",
      lastSeen: "2026-01-15",
    }),
    201,
  );
});

after(async () => {
  await f.t.dispose();
});

type Assessment = {
  id: string;
  level: string;
  revision: number;
  status: string;
  history: { revision: number; level: string; note: string }[];
};

describe("threat register", () => {
  it("records a group with its areas of operation, marked TLP:AMBER by default", () => {
    assert.equal(group.tlp, "amber");
    assert.deepEqual(group.aliases, ["GIC"]);
    assert.deepEqual(
      group.areas.map((a) => a.code),
      ["S-01"],
    );
    assert.equal(group.assessedLevel, null);
  });

  it("keeps an assessment's revisions as its history, and withdraws it", async () => {
    const a = expectJson<Assessment>(
      await f.api(f.as("andres"), "POST", "/threat-assessments", {
        threatActorId: group.id,
        sectorId: f.sectors[0],
        level: "high",
        confidence: { reliability: "B", credibility: 2 },
        summary: "Control de rutas de combustible",
      }),
      201,
    );
    assert.equal(a.revision, 1);
    const r = expectJson<Assessment>(
      await f.api(f.as("andres"), "POST", `/threat-assessments/${a.id}/revisions`, { level: "critical", note: "Nuevos hechos" }),
      201,
    );
    assert.equal(r.level, "critical");
    assert.deepEqual(
      r.history.map((h) => [h.revision, h.level, h.note]),
      [
        [1, "high", ""],
        [2, "critical", "Nuevos hechos"],
      ],
    );
    const g = expectJson<ThreatActorView>(await f.api(f.as("vera"), "GET", `/threat-actors/${group.id}`));
    assert.equal(g.assessedLevel, "critical");
    const w = expectJson<Assessment>(await f.api(f.as("andres"), "POST", `/threat-assessments/${a.id}/withdraw`, { reason: "Duplicada" }));
    assert.equal(w.status, "withdrawn");
    expectProblem(
      await f.api(f.as("andres"), "POST", `/threat-assessments/${a.id}/revisions`, { level: "low" }),
      409,
      "assessment.withdrawn",
    );
  });

  it("resolves citations and shows a sector's register", async () => {
    const risk = expectJson<RiskFactorView>(
      await f.api(f.as("andres"), "POST", "/risk-factors", {
        sectorId: f.sectors[0],
        category: "informal_crossings",
        title: "Trochas sin control",
        level: "high",
      }),
      201,
    );
    const a = expectJson<Assessment>(
      await f.api(f.as("andres"), "POST", "/threat-assessments", {
        sectorId: f.sectors[0],
        level: "medium",
        confidence: { reliability: "C", credibility: 3 },
        summary: "Riesgo moderado en el sector",
      }),
      201,
    );
    const cites = expectJson<CitationView[]>(await f.api(f.as("vera"), "GET", `/citations?ids=${a.id},${risk.id},${UNKNOWN}`));
    assert.deepEqual(
      cites.map((c) => [c.id, c.found, c.kind, c.level]),
      [
        [a.id, true, "threat_assessment", "medium"],
        [risk.id, true, "risk_factor", "high"],
        [UNKNOWN, false, null, null],
      ],
    );
    assert.equal(cites[0]?.href, `/api/v1/threat-assessments/${a.id}`);
    assert.deepEqual(cites[0]?.confidence, { reliability: "C", credibility: 3 });
    const reg = expectJson<SectorRiskView>(await f.api(f.as("vera"), "GET", `/sector-risks/${f.sectors[0]}`));
    assert.equal(reg.sector.code, "S-01");
    assert.equal(reg.level, "high");
    assert.deepEqual(
      reg.riskFactors.map((r) => r.id),
      [risk.id],
    );
    assert.ok(reg.assessments.some((x) => x.id === a.id));
    assert.deepEqual(reg.threatActors, [{ id: group.id, name: group.name }]);
    const mitigated = expectJson<RiskFactorView>(
      await f.api(f.as("andres"), "PATCH", `/risk-factors/${risk.id}`, { status: "mitigated", note: "Puesto instalado" }),
    );
    assert.equal(mitigated.status, "mitigated");
    assert.equal(expectJson<SectorRiskView>(await f.api(f.as("vera"), "GET", `/sector-risks/${f.sectors[0]}`)).riskFactors.length, 0);
  });

  it("lists groups by sector and changes them", async () => {
    const s1 = expectJson<{ items: ThreatActorView[] }>(await f.api(f.as("vera"), "GET", `/threat-actors?sectorId=${f.sectors[0]}`));
    assert.deepEqual(
      s1.items.map((g) => g.id),
      [group.id],
    );
    assert.deepEqual(
      expectJson<{ items: ThreatActorView[] }>(await f.api(f.as("vera"), "GET", `/threat-actors?sectorId=${f.sectors[1]}`)).items,
      [],
    );
    const moved = expectJson<ThreatActorView>(
      await f.api(f.as("andres"), "PATCH", `/threat-actors/${group.id}`, { areas: [f.sectors[1]], lastSeen: "2026-02-01" }),
    );
    assert.deepEqual(
      moved.areas.map((a) => a.code),
      ["S-02"],
    );
    assert.equal(moved.firstSeen, "2024-02-01");
    const bad = expectProblem(
      await f.api(f.as("andres"), "PATCH", `/threat-actors/${group.id}`, { lastSeen: "2020-01-01" }),
      400,
      "validation.failed",
    );
    assert.equal(bad.errors?.[0]?.field, "lastSeen");
  });
});

describe("intelligence reports and RFIs", () => {
  it("writes a report in the national space, linked to groups and sectors, and withdraws it", async () => {
    const r = expectJson<IntelReportDetailView>(
      await f.api(f.as("andres"), "POST", "/intel-reports", {
        summary: "Movimiento de cisternas hacia el paso informal",
        body: "Detalle del informe.",
        tlp: "amber+strict",
        confidence: { reliability: "B", credibility: 2 },
        links: { threatActorIds: [group.id], sectorIds: [f.sectors[0]] },
        originator: "Sección de inteligencia, Brigada 30",
      }),
      201,
    );
    assert.equal(r.space, "national");
    assert.equal(r.originatorNode, "co");
    assert.equal(r.derivedFrom, null);
    assert.deepEqual(r.threatActors, [{ id: group.id, name: group.name }]);
    assert.equal(r.sectors[0]?.code, "S-01");
    const listed = expectJson<{ items: { id: string }[] }>(await f.api(f.as("vera"), "GET", `/intel-reports?threatActorId=${group.id}`));
    assert.deepEqual(
      listed.items.map((x) => x.id),
      [r.id],
    );
    const cite = expectJson<CitationView[]>(await f.api(f.as("vera"), "GET", `/citations?ids=${r.id}`));
    assert.equal(cite[0]?.kind, "intel_report");
    // Without a shared space there is nowhere to release to.
    const before = await countEvents(f.t.node);
    const p = expectProblem(
      await f.api(f.as("olga"), "POST", `/intel-reports/${r.id}/release`, { summary: "x", tlp: "amber" }),
      400,
      "validation.failed",
    );
    assert.equal(p.errors?.[0]?.field, "space");
    assert.equal(await countEvents(f.t.node), before);
    const w = expectJson<IntelReportDetailView>(
      await f.api(f.as("andres"), "POST", `/intel-reports/${r.id}/withdraw`, { reason: "Fuente no confirmada" }),
    );
    assert.equal(w.status, "withdrawn");
    assert.deepEqual(
      expectJson<{ items: unknown[] }>(await f.api(f.as("vera"), "GET", `/intel-reports?threatActorId=${group.id}`)).items,
      [],
    );
  });

  it("takes replies to an RFI that link reports, until its asker closes it", async () => {
    const report = expectJson<{ id: string }>(
      await f.api(f.as("andres"), "POST", "/intel-reports", {
        summary: "Respuesta",
        confidence: { reliability: "C", credibility: 3 },
        originator: "S2",
      }),
      201,
    );
    const q = expectJson<RfiDetailView>(
      await f.api(f.as("andres"), "POST", "/rfis", {
        question: "¿Qué rutas usa el grupo?",
        precedence: "priority",
        threatActorIds: [group.id],
      }),
      201,
    );
    assert.equal(q.status, "open");
    const replied = expectJson<RfiDetailView>(
      await f.api(f.as("olga"), "POST", `/rfis/${q.id}/replies`, { text: "Ver informe adjunto", reportIds: [report.id] }),
      201,
    );
    assert.deepEqual(replied.replies[0]?.reports, [{ id: report.id, summary: "Respuesta" }]);
    assert.equal(replied.replyCount, 1);
    const closed = expectJson<RfiDetailView>(await f.api(f.as("andres"), "POST", `/rfis/${q.id}/close`, { reason: "Respondida" }));
    assert.equal(closed.status, "closed");
    expectProblem(await f.api(f.as("olga"), "POST", `/rfis/${q.id}/replies`, { text: "tarde" }), 409, "rfi.closed");
    const open = expectJson<{ items: unknown[] }>(await f.api(f.as("vera"), "GET", "/rfis?status=open"));
    assert.equal(open.items.length, 0);
  });
});
