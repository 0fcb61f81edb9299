import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AT, type BorderReadIds, borderReadIds, writeCoSide, writeFollowup, writeVeSide } from "../../../test/helpers/border-read";
import { createCluster } from "../../../test/helpers/cluster";
import { apiOf, expectJson, expectProblem } from "../../../test/helpers/commitments";
import { type Cluster, disposeCluster, waitFor } from "../../../test/helpers/federation";
import { addUser } from "../../../test/helpers/node";
import type { BusiestView, CoverageView, DailyReportView, SeizuresView, TrendsView } from "../../core/border/read-views";
import type { RunningNode } from "../main";

/**
 * The read side of the border picture on two real federated nodes (co, ve), on the engine
 * under test: coverage, seizures, trends, busiest crossings and the daily report, each
 * checked against figures worked out by hand from test/helpers/border-read.ts.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let ids: BorderReadIds;
let token: string;
let veToken: string;
const get = async <T>(url: string, who = () => token, node = () => co) => expectJson<T>(await apiOf(node().app)(who(), "GET", url));

const countOn = async (r: RunningNode, text: string) =>
  Number((await r.node.db.connection((sql) => sql.all<{ n: number }>(text)))[0]?.n ?? 0);

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  const space = await cluster.link();
  token = await addUser(co.node, "vera", "viewer");
  veToken = await addUser(ve.node, "victor", "viewer");
  ids = borderReadIds();
  await writeCoSide(co.node, space, ids);
  await writeVeSide(ve.node, space, ids);
  await waitFor(
    "ve's incidents on co",
    async () => (await countOn(co, "SELECT COUNT(*) AS n FROM border_stats_incidents WHERE side = 've'")) === 2,
  );
  await writeFollowup(co.node, space, ids);
  await waitFor("co's follow-up on ve", async () => (await countOn(ve, "SELECT COUNT(*) AS n FROM border_stats_followups")) === 1);
  await waitFor(
    "co's incidents on ve",
    async () => (await countOn(ve, "SELECT COUNT(*) AS n FROM border_stats_incidents WHERE side = 'co'")) === 4,
  );
  await waitFor(
    "ve's closure on co",
    async () => (await countOn(co, "SELECT COUNT(*) AS n FROM border_stats_incidents WHERE status = 'closed'")) === 1,
  );
});

after(async () => {
  await disposeCluster(cluster);
});

describe("coverage", () => {
  it("counts informal crossings with presence in 24 h and 7 days, combined, per side and per sector, and lists the gaps", async () => {
    const c = await get<CoverageView>(`/coverage?at=${AT}`);
    assert.deepEqual(c.combined, { crossings: 4, covered24h: 2, covered7d: 3, share24h: 0.5, share7d: 0.75 });
    assert.deepEqual(
      c.sides.map((s) => [s.side, s.crossings, s.covered24h, s.covered7d, s.present24h, s.present7d]),
      [
        ["co", 2, 1, 2, 1, 2],
        ["ve", 2, 1, 1, 1, 1],
      ],
    );
    const s1 = c.sectors.find((s) => s.sectorId === ids.s1);
    const s2 = c.sectors.find((s) => s.sectorId === ids.s2);
    assert.deepEqual([s1?.code, s1?.crossings, s1?.covered24h, s1?.covered7d, s1?.share24h], ["S1", 3, 2, 2, 0.6667]);
    assert.deepEqual([s2?.code, s2?.crossings, s2?.covered24h, s2?.covered7d], ["S2", 1, 0, 1]);
    assert.deepEqual(
      c.gaps.map((g) => [g.crossingId, g.lastPresenceAt, g.presence7d]),
      [
        [ids.v2, "2025-02-20T00:00:00.000Z", false],
        [ids.c2, "2025-03-10T10:00:00.000Z", true],
      ],
    );
  });

  it("moves with `at`: a month earlier only V2's deployment was there", async () => {
    const c = await get<CoverageView>("/coverage?at=2025-02-10T00:00:00Z");
    assert.deepEqual(c.combined, { crossings: 4, covered24h: 1, covered7d: 1, share24h: 0.25, share7d: 0.25 });
    assert.equal(c.gaps.find((g) => g.crossingId === ids.c1)?.lastPresenceAt, null);
  });
});

describe("seizures", () => {
  const window = "from=2025-01-01&to=2025-03-31";

  it("by category: incidents with each category and quantities per unit, follow-ups and the released copy counted once", async () => {
    const s = await get<SeizuresView>(`/dashboard/seizures?${window}&groupBy=category`);
    assert.deepEqual(
      s.groups.map((g) => [g.key, g.incidents, g.quantities.map((q) => [q.unit, q.quantity, q.incidents])]),
      [
        [
          "fuel",
          2,
          [
            ["gal", 200, 1],
            ["l", 1500, 2],
          ],
        ],
        [
          "food",
          1,
          [
            ["kg", 500, 1],
            ["t", 2, 1],
          ],
        ],
        ["drugs", 2, [["kg", 51, 2]]],
      ],
    );
    assert.equal(s.totals.incidents, 6);
    assert.equal(s.totals.withSeizures, 4);
  });

  it("by side, sector and month", async () => {
    const bySide = await get<SeizuresView>(`/dashboard/seizures?${window}&groupBy=side`);
    assert.deepEqual(
      bySide.groups.map((g) => [g.key, g.incidents, g.withSeizures]),
      [
        ["co", 4, 3],
        ["ve", 2, 1],
      ],
    );
    const bySector = await get<SeizuresView>(`/dashboard/seizures?${window}&groupBy=sector`);
    assert.deepEqual(
      bySector.groups.map((g) => [g.key, g.label, g.incidents]),
      [
        [ids.s1, "S1 · Cúcuta", 4],
        [null, "—", 1],
        [ids.s2, "S2 · Arauca", 1],
      ],
    );
    const byMonth = await get<SeizuresView>(`/dashboard/seizures?${window}&groupBy=month`);
    assert.deepEqual(
      byMonth.groups.map((g) => [g.key, g.incidents]),
      [
        ["2025-01", 1],
        ["2025-02", 1],
        ["2025-03", 4],
      ],
    );
  });

  it("adds up partial days exactly: [14 March 12:00, 15 March 12:00) holds I2, I4 and J1", async () => {
    const s = await get<SeizuresView>("/dashboard/seizures?from=2025-03-14T12:00:00Z&to=2025-03-15T12:00:00Z&groupBy=side");
    assert.equal(s.totals.incidents, 3);
    const wide = await get<SeizuresView>("/dashboard/seizures?from=2025-01-20T00:00:01Z&to=2025-03-14T10:00:00Z&groupBy=side");
    // J2 (20 Jan 00:00) is just outside, I1 (14 Mar 10:00) excluded by the open end: only I3.
    assert.equal(wide.totals.incidents, 1);
  });

  it("filters by side and sector", async () => {
    const s = await get<SeizuresView>(`/dashboard/seizures?${window}&groupBy=category&side=ve`);
    assert.deepEqual(
      s.groups.map((g) => g.key),
      ["food", "drugs"],
    );
    const t = await get<SeizuresView>(`/dashboard/seizures?${window}&groupBy=side&sector=${ids.s2}`);
    assert.deepEqual(
      t.groups.map((g) => [g.key, g.incidents]),
      [["co", 1]],
    );
  });

  it("gives the same shared totals on ve, which holds the released copy instead of the national source", async () => {
    const s = await get<SeizuresView>(
      `/dashboard/seizures?${window}&groupBy=category`,
      () => veToken,
      () => ve,
    );
    assert.equal(s.totals.incidents, 6);
    assert.deepEqual(s.groups.find((g) => g.key === "fuel")?.quantities.find((q) => q.unit === "l")?.quantity, 1500);
  });
});

describe("trends and busiest crossings", () => {
  it("counts per type per month for 12 months, beside the year before", async () => {
    const t = await get<TrendsView>(`/dashboard/trends?at=${AT}`);
    assert.equal(t.months[0], "2024-04");
    assert.equal(t.months[11], "2025-03");
    assert.deepEqual(t.totals.counts.slice(9), [1, 1, 4]);
    assert.equal(t.totals.previousTotal, 0);
    assert.equal(t.totals.changeRatio, null);
    assert.deepEqual(t.types.find((x) => x.type === "smuggling_fuel")?.counts.slice(11), [2]);
    const earlier = await get<TrendsView>("/dashboard/trends?at=2025-03-14T12:00:00Z");
    // Up to 14 March 12:00: I1 in March, not I2, I4 nor J1.
    assert.deepEqual(earlier.totals.counts.slice(11), [1]);
  });

  it("ranks crossings by incidents", async () => {
    const b = await get<BusiestView>("/dashboard/crossings/busiest?from=2025-03-01&to=2025-03-31");
    assert.deepEqual(b.crossings[0], {
      crossingId: ids.c1,
      name: "Trocha La Parada",
      category: "informal",
      side: "co",
      sectorId: ids.s1,
      lat: 7.86,
      lon: -72.46,
      incidents: 2,
    });
    assert.equal(b.crossings.length, 3);
    const one = await get<BusiestView>("/dashboard/crossings/busiest?from=2025-01-01&to=2025-03-31&limit=1&side=ve");
    assert.deepEqual(
      one.crossings.map((c) => c.crossingId),
      [[ids.v1, ids.v2].sort()[0]],
    );
  });
});

describe("daily report", () => {
  it("covers 00:00–24:00 at the offset asked for", async () => {
    const utc = await get<DailyReportView>("/reports/daily?date=2025-03-14");
    assert.equal(utc.incidents, 3);
    assert.equal(utc.from, "2025-03-14T00:00:00.000Z");
    const bogota = await get<DailyReportView>("/reports/daily?date=2025-03-14&tz=-05:00");
    assert.equal(bogota.from, "2025-03-14T05:00:00.000Z");
    // I1 10:00, J1 15:00, I2 23:30 and I4 02:00 next day (UTC) all fall in Colombia's 14 March.
    assert.equal(bogota.incidents, 4);
    assert.equal(bogota.withSeizures, 4);
    assert.equal(bogota.lateReports, 4);
    assert.deepEqual(
      bogota.list.map((i) => i.id),
      [ids.i1, ids.j1, ids.i2, ids.i4],
    );
    assert.deepEqual(
      bogota.seizures.map((s) => [s.category, s.unit, s.quantity]),
      [
        ["drugs", "kg", 51],
        ["food", "kg", 500],
        ["food", "t", 2],
        ["fuel", "gal", 200],
        ["fuel", "l", 1500],
      ],
    );
    assert.equal(bogota.coverage.at, "2025-03-15T05:00:00.000Z");
  });

  it("counts today's closures and follow-ups", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const r = await get<DailyReportView>(`/reports/daily?date=${today}`);
    assert.equal(r.closed, 1);
    assert.equal(r.followups, 1);
    assert.equal(r.incidents, 0);
  });

  it("prints as HTML with every value escaped, and as CSV", async () => {
    const html = await apiOf(co.app)(token, "GET", "/reports/daily.html?date=2025-03-14&lang=en");
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers["content-type"]), /^text\/html/);
    assert.match(html.body, /<h1>Daily border report · 2025-03-14 \(UTC\+00:00\)<\/h1>/);
    assert.ok(html.body.includes("&lt;b&gt;&amp;amp;&lt;/b&gt;"));
    assert.ok(!html.body.includes("<b>&amp;</b>"));
    const local = await apiOf(co.app)(token, "GET", "/reports/daily.html?date=2025-03-14&tz=-05:00");
    // Spanish by default; times at the report's offset: I1 happened at 10:00 UTC, 05:00 in Bogotá.
    assert.match(local.body, /<th>Hora \(UTC-05:00\)<\/th>/);
    assert.match(local.body, /<tr><td>05:00<\/td><td>Contrabando de combustible<\/td>/);
    const csv = await apiOf(co.app)(token, "GET", "/reports/daily.csv?date=2025-03-14&delimiter=semicolon");
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith("\uFEFFid;occurred_at;"));
    assert.equal(csv.body.split("\r\n").filter((l) => /^[0-9a-f]{8}-/.test(l)).length, 3);
  });
});

describe("bad input", () => {
  const api = () => apiOf(co.app);
  it("names the field at fault and answers problem+json", async () => {
    const cases: [string, number, string, string][] = [
      ["/coverage?at=yesterday", 400, "validation.failed", "query.at"],
      ["/dashboard/seizures?groupBy=colour", 400, "validation.failed", "query.groupBy"],
      ["/dashboard/seizures?from=2025-03-01&to=2025-02-01", 400, "validation.failed", "query.from"],
      ["/dashboard/crossings/busiest?limit=0", 400, "validation.failed", "query.limit"],
      ["/reports/daily?date=2025-13-01", 400, "validation.failed", "query.date"],
      ["/reports/daily?date=2025-03-01&tz=-25:00", 400, "validation.failed", "query.tz"],
      ["/map/incidents?bbox=-73,6,-71", 400, "border.bad_coordinates", "query.bbox"],
      ["/map/incidents?bbox=-73,6,-71,95", 400, "border.bad_coordinates", "query.bbox"],
      ["/map/heat?type=smuggling_fuel,tourism", 400, "validation.failed", "query.type"],
      ["/map/incidents?zoom=30", 400, "validation.failed", "query.zoom"],
      ["/export/cot?hours=0", 400, "validation.failed", "query.hours"],
      ["/export/incidents.csv?delimiter=tab", 400, "validation.failed", "query.delimiter"],
      ["/export/incidents.geojson?bbox=a,b,c,d", 400, "border.bad_coordinates", "query.bbox"],
    ];
    for (const [url, status, code, field] of cases) {
      const p = expectProblem(await api()(token, "GET", url), status, code);
      assert.ok(
        p.errors?.some((e) => e.field === field),
        `${url}: ${JSON.stringify(p.errors)}`,
      );
    }
  });

  it("answers nothing without credentials", async () => {
    for (const url of ["/coverage", "/dashboard/trends", "/map/incidents", "/reports/daily?date=2025-03-01", "/export/cot"]) {
      expectProblem(await api()(undefined, "GET", url), 401, "auth.required");
    }
  });
});
