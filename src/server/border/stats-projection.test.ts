import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestNode, type TestNode } from "../../../test/helpers/node";
import { NATIONAL_SPACE, type NewEvent } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import type { Sql } from "../db/database";
import { seizures } from "./dashboard-seizures";
import { borderStatsProjection } from "./stats-projection";
import { STATS_TABLES } from "./stats-tables";

/**
 * The read model is a function of the set of events, not of their order: a sector that
 * arrives after the incidents near it claims them (aggregates move with them), two nodes
 * that receive the same facts in different orders hold the same aggregates, and `rebuild`
 * reproduces every table exactly.
 */
const ids = { s1: uuidv7(), s2: uuidv7(), c1: uuidv7(), i1: uuidv7(), i2: uuidv7() };
const e = (type: string, subject: string, data: Record<string, unknown>): NewEvent => ({
  space: NATIONAL_SPACE,
  type,
  subject,
  data,
  actor: "ana@co",
});
const sector = (id: string, code: string, path: [number, number][]) =>
  e("sector.created", id, { code, name: code, description: "", path, units: [] });
const incident = (id: string, at: string, position: { lat: number; lon: number }, goods: unknown[]) =>
  e("incident.reported", id, {
    type: "smuggling_fuel",
    occurredAt: at,
    position,
    crossingId: ids.c1,
    sectorId: null,
    impact: "low",
    confidence: { reliability: "B", credibility: 2 },
    goods,
    summary: "",
    originator: "Puesto 1",
    derivedFrom: null,
  });
const facts = {
  // S1 runs near Cúcuta, S2 a little closer to I2 only.
  s1: sector(ids.s1, "S1", [
    [-72.5, 7.7],
    [-72.45, 7.95],
  ]),
  s2: sector(ids.s2, "S2", [
    [-72.55, 8.0],
    [-72.52, 8.06],
  ]),
  crossing: e("crossing.recorded", ids.c1, {
    name: "Trocha",
    category: "informal",
    modes: ["foot"],
    position: { lat: 7.86, lon: -72.46 },
    sectorId: null,
    status: "active",
    risk: "high",
    approximate: false,
    note: "",
  }),
  i1: incident(ids.i1, "2025-03-14T10:00:00Z", { lat: 7.87, lon: -72.47 }, [
    { category: "fuel", quantity: 100, unit: "l", description: "" },
  ]),
  i2: incident(ids.i2, "2025-03-15T10:00:00Z", { lat: 8.02, lon: -72.53 }, []),
};

let a: TestNode;
let b: TestNode;

before(async () => {
  a = await createTestNode();
  b = await createTestNode();
});

after(async () => {
  await a.dispose();
  await b.dispose();
});

/** The aggregate rows that are not zero, rounded, as sorted text: comparable across nodes. */
async function aggregates(sql: Sql): Promise<string[]> {
  const out: string[] = [];
  for (const table of ["border_stats_counts", "border_stats_seizures", "border_stats_crossing_counts", "border_map_cells"]) {
    const rows = await sql.all<Record<string, unknown>>(`SELECT * FROM ${table} WHERE n <> 0`);
    for (const r of rows) {
      const fields = Object.entries(r).map(([k, v]) => `${k}=${typeof v === "number" ? Math.round(v * 1e6) / 1e6 : String(v)}`);
      out.push(`${table}:${fields.sort().join(",")}`);
    }
  }
  const placed = await sql.all<{ id: string; sector_id: string }>(
    "SELECT id, sector_id FROM border_stats_incidents UNION ALL SELECT id, sector_id FROM border_stats_crossings",
  );
  out.push(...placed.map((p) => `placed:${p.id}=${p.sector_id}`));
  return out.sort();
}

/** Every row of every table of the projection, for an exact comparison after rebuild. */
async function everything(sql: Sql): Promise<string> {
  const parts: string[] = [];
  for (const table of STATS_TABLES) {
    const rows = await sql.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
    parts.push(
      `${table}\n${rows
        .map((r) => JSON.stringify(r))
        .sort()
        .join("\n")}`,
    );
  }
  return parts.join("\n");
}

describe("border_stats projection", () => {
  it("lets a sector that arrives later claim the incidents and crossings nearest it", async () => {
    await a.node.store.append([facts.crossing, facts.i1, facts.i2]);
    const before = await a.node.db.connection((sql) => seizures(sql, { fromMs: 0, toMs: Date.parse("2026-01-01"), groupBy: "sector" }));
    assert.deepEqual(
      before.groups.map((g) => [g.key, g.incidents]),
      [[null, 2]],
    );
    await a.node.store.append([facts.s1]);
    await a.node.store.append([facts.s2]);
    const after = await a.node.db.connection((sql) => seizures(sql, { fromMs: 0, toMs: Date.parse("2026-01-01"), groupBy: "sector" }));
    assert.deepEqual(
      after.groups.map((g) => [g.key, g.incidents, g.withSeizures]),
      [
        [ids.s1, 1, 1],
        [ids.s2, 1, 0],
      ],
    );
    const crossing = await a.node.db.connection((sql) => sql.all<{ sector_id: string }>("SELECT sector_id FROM border_stats_crossings"));
    assert.deepEqual(crossing, [{ sector_id: ids.s1 }]);
  });

  it("holds the same aggregates on a node that saw the sectors first", async () => {
    await b.node.store.append([facts.s2, facts.s1]);
    await b.node.store.append([facts.i2, facts.crossing, facts.i1]);
    const x = await a.node.db.connection(aggregates);
    const y = await b.node.db.connection(aggregates);
    assert.deepEqual(x, y);
    assert.ok(x.length > 10);
  });

  it("rebuilds every table to exactly what it was", async () => {
    const held = await a.node.db.connection(everything);
    const replayed = await a.node.store.rebuild([borderStatsProjection]);
    assert.ok(replayed > 0);
    assert.equal(await a.node.db.connection(everything), held);
  });
});
