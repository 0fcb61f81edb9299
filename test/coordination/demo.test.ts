import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { seedBorder } from "../../src/cli/demo-border";
import { seedCoordination } from "../../src/cli/demo-coordination";
import type { MeetingDetailView, UnitView } from "../../src/core/coordination/views";
import { todayUtc } from "../../src/server/commitments/commands";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { apiOf, expectJson } from "../helpers/commitments";
import { type Cluster, disposeCluster } from "../helpers/federation";
import { addUser } from "../helpers/node";

/**
 * The coordination demo on two real nodes, after the border demo whose sectors it uses: a
 * unit of each side per sector, a year of meetings with outcomes whose actions are
 * activities on both nodes, groups and reports, all marked illustrative; seeded once.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let seeded = false;

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  await cluster.link();
  await seedBorder(co.node, ve.node, { incidents: 40 });
  seeded = await seedCoordination(co.node, ve.node);
});

after(async () => {
  await disposeCluster(cluster);
});

const count = async (r: RunningNode, query: string, params: unknown[] = []) =>
  Number((await r.node.db.connection((sql) => sql.all<{ n: number }>(query, params)))[0]?.n ?? 0);

describe("the coordination demo", () => {
  it("gives every border sector a unit of each side, counterparts of each other", async () => {
    assert.ok(seeded);
    const sectors = await count(co, "SELECT COUNT(*) AS n FROM border_sectors");
    assert.ok(sectors > 0);
    const token = await addUser(ve.node, "vera", "viewer");
    const units = expectJson<{ items: UnitView[] }>(await apiOf(ve.app)(token, "GET", "/units?limit=500")).items;
    assert.equal(units.filter((u) => u.ownerNode === "co").length, sectors);
    assert.equal(units.filter((u) => u.ownerNode === "ve").length, sectors);
    assert.ok(units.every((u) => u.jurisdiction.length === 1 && u.jurisdiction[0]?.code !== null));
    assert.ok(units.every((u) => u.counterparts.length === 1 && u.counterparts[0]?.mutual));
  });

  it("holds a year of meetings hosted by both sides, with minutes, outcomes and tracked actions", async () => {
    const today = todayUtc();
    const past = await count(co, "SELECT COUNT(*) AS n FROM coord_meetings WHERE start_utc < ?", [`${today}T00:00:00Z`]);
    assert.ok(past >= 40, `${past} past meetings`);
    assert.ok((await count(co, "SELECT COUNT(*) AS n FROM coord_meetings WHERE start_utc > ?", [`${today}T23:59:59Z`])) >= 4);
    for (const host of ["co", "ve"]) assert.ok((await count(ve, "SELECT COUNT(*) AS n FROM coord_meetings WHERE owner = ?", [host])) > 0);
    const token = await addUser(co.node, "vero", "viewer");
    const api = apiOf(co.app);
    const page = expectJson<{ items: MeetingDetailView[] }>(await api(token, "GET", `/meetings?to=${today}T00:00:00Z&limit=500`));
    const one = page.items.find((m) => m.outcomeCount >= 2 && m.ownerNode === "ve");
    assert.ok(one);
    const detail = expectJson<MeetingDetailView>(await api(token, "GET", `/meetings/${one.id}`));
    assert.match(detail.title, /ilustrativa/);
    assert.match(detail.minutes?.text ?? "", /ILUSTRATIVOS/);
    assert.ok(detail.attendance.every((a) => a.status !== "none"));
    const actions = await count(co, "SELECT COUNT(*) AS n FROM coord_outcomes WHERE kind = 'action'");
    assert.ok(actions >= 20, `${actions} actions`);
    const tracked = await count(ve, "SELECT COUNT(*) AS n FROM activities WHERE id IN (SELECT activity_id FROM coord_outcomes)");
    assert.equal(tracked, actions);
  });

  it("records illustrative groups, assessments, risk factors, reports (some shared) and an answered RFI", async () => {
    assert.equal(await count(ve, "SELECT COUNT(*) AS n FROM coord_threat_actors WHERE name LIKE '%ilustrativo%'"), 4);
    assert.ok((await count(co, "SELECT COUNT(*) AS n FROM coord_assessment_history")) >= 5);
    assert.ok((await count(co, "SELECT COUNT(*) AS n FROM coord_risk_factors")) > 0);
    assert.equal(await count(co, "SELECT COUNT(*) AS n FROM coord_intel_reports WHERE space <> 'national'"), 2);
    assert.equal(await count(co, "SELECT COUNT(*) AS n FROM coord_intel_reports WHERE space = 'national'"), 2);
    assert.equal(await count(co, "SELECT COUNT(*) AS n FROM coord_rfi_replies"), 1);
  });

  it("seeds once", async () => {
    assert.equal(await seedCoordination(co.node, ve.node), false);
  });
});
