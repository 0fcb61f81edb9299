import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createCluster } from "../../test/helpers/cluster";
import { disposeCluster } from "../../test/helpers/federation";
import { distanceM } from "../core/border/geo";
import type { IncidentType } from "../core/border/schema";
import { NATIONAL_SPACE } from "../core/log/envelope";
import { borderGeo } from "../server/border/atlas";
import { coverage } from "../server/border/coverage";
import type { Sql } from "../server/db/database";
import type { RunningNode } from "../server/main";
import { createBorderShape, seedBorder } from "./demo-border";
import { ILLUSTRATIVE, OFFICIAL_CROSSINGS } from "./demo-border-data";
import { pathLengthKm } from "./demo-border-geometry";
import { type BorderPlan, planBorderDemo } from "./demo-border-plan";
import { SECTORS } from "./demo-border-sectors";

const NOW = Date.parse("2026-11-27T12:00:00Z");
const DAY = 86_400_000;

describe("border demo plan", () => {
  const shape = createBorderShape();
  const geo = borderGeo();
  let plan: BorderPlan;
  before(() => {
    plan = planBorderDemo(shape, { now: NOW });
  });

  it("is the same on every start and changes with the seed", () => {
    assert.deepEqual(planBorderDemo(shape, { now: NOW }), plan);
    const other = planBorderDemo(shape, { now: NOW, seed: 1, incidents: 50 });
    assert.notDeepEqual(
      other.incidents.map((i) => i.position),
      plan.incidents.slice(0, 50).map((i) => i.position),
    );
  });

  it("splits the whole border line into named sectors, end to end", () => {
    assert.deepEqual(
      plan.sectors.map((s) => s.spec.code),
      SECTORS.map((s) => s.code),
    );
    const total = plan.sectors.reduce((sum, s) => sum + pathLengthKm(s.path), 0);
    assert.ok(Math.abs(total - pathLengthKm(shape.line)) < 1, `sectors cover ${total} km of ${pathLengthKm(shape.line)}`);
    for (const [i, s] of plan.sectors.entries()) {
      const next = plan.sectors[i + 1];
      if (next) assert.deepEqual(s.path.at(-1), next.path[0], `${s.spec.code} ends where ${next.spec.code} starts`);
    }
    assert.equal(plan.sectors.filter((s) => s.spec.level.outcome === "pending").length, 1);
    assert.equal(plan.sectors.filter((s) => s.spec.level.outcome === "revised").length, 1);
  });

  it("puts every crossing, deployment, patrol point and incident on its recorder's own territory", () => {
    const onSide = (side: string, p: { lat: number; lon: number }, what: string) => {
      assert.equal(geo.territoryOf(p), side, `${what} at ${p.lat},${p.lon} is on ${side}'s territory`);
      assert.ok(geo.check(side as "co" | "ve", p).ok);
    };
    for (const c of plan.crossings) onSide(c.side, c.position, c.name);
    for (const d of plan.deployments) onSide(d.side, d.position, d.unit);
    for (const p of plan.patrols) for (const [lon, lat] of p.route) onSide(p.side, { lat, lon }, p.unit);
    for (const i of plan.incidents) onSide(i.side, i.position, i.summary);
  });

  it("has the official crossings by name, approximate, and about sixty illustrative informal ones near the line", () => {
    const formal = plan.crossings.filter((c) => c.category === "formal");
    assert.deepEqual(
      formal.map((c) => c.name),
      OFFICIAL_CROSSINGS.map((c) => c.name),
    );
    assert.ok(formal.every((c) => c.approximate && /aproximada/.test(c.note)));
    assert.ok(formal.some((c) => c.name.includes("Simón Bolívar")) && formal.some((c) => c.name.includes("Paraguachón")));
    for (const c of formal) assert.ok(geo.borderDistanceM(c.position) < 5000, `${c.name} is near the border`);
    const informal = plan.crossings.filter((c) => c.category === "informal");
    assert.ok(informal.length >= 55 && informal.length <= 65, `${informal.length} informal crossings`);
    for (const c of informal) {
      const m = geo.borderDistanceM(c.position);
      assert.ok(m > 150 && m < 3500, `${c.name} is ${m} m from the line`);
      assert.ok(c.note.includes(ILLUSTRATIVE) && c.name.includes("ilustrativa"));
    }
    const busiest = ["CUC", "GUA", "ARA"].map((code) => informal.filter((c) => c.sector === code).length);
    const south = ["ORI", "ATA", "MET"].map((code) => informal.filter((c) => c.sector === code).length);
    assert.ok(Math.min(...busiest) > Math.max(...south), "more informal crossings near Cúcuta, La Guajira and Arauca");
  });

  it("has 5,000 incidents over the last year, typed by region, graded, a few reported late", () => {
    assert.equal(plan.incidents.length, 5000);
    assert.ok(plan.incidents.every((i) => i.occurredAt <= NOW && i.occurredAt > NOW - 366 * DAY));
    assert.ok(plan.incidents.every((i) => i.reportedAt >= i.occurredAt && i.reportedAt <= NOW));
    assert.ok(plan.incidents.every((i) => i.summary.includes(ILLUSTRATIVE)));
    assert.ok(plan.incidents.every((i) => geo.borderDistanceM(i.position) < 15_000));
    const late = plan.incidents.filter((i) => i.reportedAt - i.occurredAt > DAY).length;
    assert.ok(late > 50 && late < 250, `${late} late first reports`);
    const top = (code: string): IncidentType[] => {
      const counts = new Map<IncidentType, number>();
      for (const i of plan.incidents.filter((x) => x.sector === code)) counts.set(i.type, (counts.get(i.type) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    };
    for (const code of ["CUC", "GUA"]) assert.deepEqual(top(code).slice(0, 2).sort(), ["smuggling_food", "smuggling_fuel"]);
    assert.equal(top("ARA")[0], "smuggling_livestock");
    assert.equal(top("CAT")[0], "smuggling_drugs");
    assert.equal(top("ATA")[0], "smuggling_minerals");
    const fuel = plan.incidents.flatMap((i) => i.goods.filter((g) => g.category === "fuel").map((g) => [i.side, g.unit]));
    assert.ok(
      fuel.every(([side, unit]) => (side === "co" ? unit === "gal" : unit === "l")),
      "co counts fuel in gallons, ve in litres",
    );
    const closed = plan.incidents.filter((i) => i.close);
    assert.ok(closed.length > 1000 && closed.every((i) => i.close && i.close.reason.length > 0));
    assert.ok(plan.incidents.filter((i) => i.national).length > 100);
    assert.ok(plan.incidents.filter((i) => i.followup).every((i) => !i.national && !i.close));
    assert.ok(plan.incidents.some((i) => i.release) && plan.incidents.filter((i) => i.release).every((i) => i.national));
  });

  it("leaves coverage partial: presence concentrated where the traffic is, gaps in the south", () => {
    const informal = plan.crossings.filter((c) => c.category === "informal");
    const covered = (windowMs: number) => {
      const keys = new Set<string>();
      for (const d of plan.deployments) {
        const end = d.to ?? d.endedAt ?? Number.POSITIVE_INFINITY;
        if (d.crossing && d.from <= NOW && end >= NOW - windowMs) keys.add(d.crossing);
      }
      for (const p of plan.patrols) if (p.endedAt >= NOW - windowMs) for (const c of p.crossings) keys.add(c);
      return informal.filter((c) => keys.has(c.key)).length / informal.length;
    };
    const day = covered(DAY);
    const week = covered(7 * DAY);
    assert.ok(day > 0.15 && day < week && week < 0.95, `coverage 24 h ${day}, 7 d ${week}`);
    assert.ok(plan.patrols.every((p) => p.crossings.length > 0 && p.route.length >= p.crossings.length && p.startedAt < p.endedAt));
    assert.ok(plan.deployments.some((d) => d.to === null && d.endedAt === null) && plan.deployments.some((d) => d.to !== null));
  });

  it("places official crossings a little inside their recorder's side, close to the real place", () => {
    for (const [i, c] of plan.crossings.filter((x) => x.category === "formal").entries()) {
      const [lon, lat] = OFFICIAL_CROSSINGS[i]?.near ?? [0, 0];
      assert.equal(geo.territoryOf(c.position), c.side);
      assert.ok(geo.borderDistanceM(c.position) >= 250, `${c.name} is clearly on ${c.side}'s side`);
      assert.ok(distanceM(c.position, { lat, lon }) <= 2500, `${c.name} moved at most 2.5 km from where it is`);
    }
  });
});

describe("border demo seed on two federated nodes", () => {
  let cluster: Awaited<ReturnType<typeof createCluster>>;
  let co: RunningNode;
  let ve: RunningNode;
  let space: string;
  let plan: BorderPlan;
  const count = (n: RunningNode, sql: string, params: unknown[] = []) =>
    n.node.db.connection(async (c: Sql) => Number((await c.all<{ n: number }>(sql, params))[0]?.n ?? 0));

  before(async () => {
    cluster = await createCluster(["co", "ve"], { replication: { refreshMs: 200, receiptMs: 500, waitMs: 5000 } });
    co = await cluster.start("co");
    ve = await cluster.start("ve");
    space = await cluster.link("Espacio binacional Colombia–Venezuela");
    const result = await seedBorder(co.node, ve.node, { now: NOW, incidents: 400 });
    assert.ok(result);
    plan = result.plan;
  });
  after(() => disposeCluster(cluster));

  it("writes sectors, crossings, presence and incidents on both nodes through the commands", async () => {
    const shared = plan.incidents.filter((i) => !i.national || i.release).length;
    for (const n of [co, ve]) {
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_sectors WHERE space = ?", [space]), SECTORS.length);
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_crossings WHERE space = ?", [space]), plan.crossings.length);
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_deployments"), plan.deployments.length);
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_patrols"), plan.patrols.length);
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_incidents WHERE space = ?", [space]), shared);
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_followups"), plan.incidents.filter((i) => i.followup).length);
    }
    for (const [id, n] of [
      ["co", co],
      ["ve", ve],
    ] as const) {
      const national = plan.incidents.filter((i) => i.national && i.side === id).length;
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_incidents WHERE space = ?", [NATIONAL_SPACE]), national);
      const mine = plan.crossings.filter((c) => c.side === id).length;
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_crossings WHERE owner = ?", [id]), mine);
    }
    // Late first reports are the plan's late ones, not every back-dated incident.
    const late = plan.incidents.filter((i) => (!i.national || i.release) && i.reportedAt - i.occurredAt > 24 * 3600_000).length;
    const lateOnVe = "SELECT COUNT(*) AS n FROM border_incidents WHERE late_report = 1 AND space = ?";
    assert.equal(await count(ve, lateOnVe, [space]), late);
    const closed = plan.incidents.filter((i) => i.close && (!i.national || i.release)).length;
    assert.ok(closed > 0);
    assert.equal(
      await count(ve, "SELECT COUNT(*) AS n FROM border_incidents WHERE status = 'closed' AND closed_reason <> '' AND space = ?", [space]),
      closed,
    );
  });

  it("agrees sector levels across the two sides, with one revised and one still pending", async () => {
    for (const n of [co, ve]) {
      const rows = await n.node.db.connection((sql) =>
        sql.all<{ code: string; level: string | null }>("SELECT code, level FROM border_sectors ORDER BY code"),
      );
      const levels = Object.fromEntries(rows.map((r) => [r.code, r.level]));
      assert.equal(levels.CUC, "critical");
      assert.equal(levels.ATA, null);
      assert.equal(levels.GUA, "high");
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_level_proposals WHERE state = 'pending'"), 1);
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_level_proposals WHERE state = 'rejected'"), 1);
      // Every accepted proposal was answered by the side that did not make it.
      assert.equal(
        await count(n, "SELECT COUNT(*) AS n FROM border_level_proposals WHERE state = 'accepted' AND answered_by = proposed_by"),
        0,
      );
    }
  });

  it("links follow-ups from the other side and released copies to their national source", async () => {
    assert.equal(
      await count(
        co,
        "SELECT COUNT(*) AS n FROM border_followups f JOIN border_incidents i ON i.id = f.incident_id WHERE f.author_node = i.owner",
      ),
      0,
    );
    const released = plan.incidents.filter((i) => i.release).length;
    assert.ok(released > 0);
    for (const n of [co, ve])
      assert.equal(await count(n, "SELECT COUNT(*) AS n FROM border_incidents WHERE derived_id IS NOT NULL"), released);
  });

  it("shows partial coverage with gaps", async () => {
    for (const n of [co, ve]) {
      const view = await n.node.db.connection((sql) => coverage(sql, NOW));
      const { crossings, share24h, share7d } = view.combined;
      assert.equal(crossings, plan.crossings.filter((c) => c.category === "informal").length);
      assert.ok(
        share24h !== null && share7d !== null && share24h > 0.15 && share24h < share7d && share7d < 1,
        `24 h ${share24h}, 7 d ${share7d}`,
      );
      assert.ok(view.gaps.length > 0);
      const south = view.sectors.filter((s) => s.code === "ATA" || s.code === "ORI");
      assert.ok(
        south.every((s) => (s.share24h ?? 0) < 1),
        "the south has gaps",
      );
    }
  });

  it("seeds only once", async () => {
    assert.equal(await seedBorder(co.node, ve.node, { now: NOW, incidents: 400 }), undefined);
  });
});
