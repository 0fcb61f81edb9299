import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyCounts, type RollupItem, rollup } from "./rollup";
import { ACTIVITY_STATUSES } from "./schema";

/** The roll-up: weighted mean of level / 3 as a percentage with one decimal, and status counts. */
const item = (level: number, weight = 1, status: RollupItem["status"] = "on_track"): RollupItem => ({ level, weight, status });

describe("rollup", () => {
  it("is 0 % with every count at 0 when there is nothing to roll up", () => {
    const r = rollup([]);
    assert.equal(r.percent, 0);
    assert.equal(r.total, 0);
    assert.deepEqual(r.counts, { on_track: 0, at_risk: 0, late: 0, complete: 0, complete_late: 0 });
  });

  it("maps each level to thirds: 0, 33.3, 66.7, 100 %", () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((l) => rollup([item(l)]).percent),
      [0, 33.3, 66.7, 100],
    );
  });

  it("averages level / 3 with equal weights", () => {
    // (0 + 1/3 + 2/3 + 1) / 4 = 0.5
    assert.equal(rollup([item(0), item(1), item(2), item(3)]).percent, 50);
    // (1/3 + 1/3 + 1) / 3 = 5/9 = 55.56 %
    assert.equal(rollup([item(1), item(1), item(3)]).percent, 55.6);
  });

  it("weighs each activity by its weight", () => {
    // (3 × 1 + 1 × 0) / 4 = 75 %
    assert.equal(rollup([item(3, 3), item(0, 1)]).percent, 75);
    // (1 × 1 + 2 × 1/3 + 1 × 2/3) / 4 = 2.3333 / 4 = 58.3 %
    assert.equal(rollup([item(3, 1), item(1, 2), item(2, 1)]).percent, 58.3);
    // Fractional weights: (0.5 × 1 + 1.5 × 1/3) / 2 = 1 / 2
    assert.equal(rollup([item(3, 0.5), item(1, 1.5)]).percent, 50);
  });

  it("does not depend on the order of the items", () => {
    const items = [item(3, 2), item(0, 1), item(2, 5), item(1, 0.5)];
    assert.equal(rollup(items).percent, rollup([...items].reverse()).percent);
  });

  it("clamps a level outside 0–3 instead of going past 100 % or below 0 %", () => {
    assert.equal(rollup([item(7)]).percent, 100);
    assert.equal(rollup([item(-2)]).percent, 0);
    assert.equal(rollup([item(7), item(-2)]).percent, 50);
  });

  it("counts each status once per item, and the total", () => {
    const r = rollup([
      item(0, 1, "late"),
      item(1, 1, "at_risk"),
      item(1, 1, "at_risk"),
      item(2, 1, "on_track"),
      item(3, 1, "complete"),
      item(3, 1, "complete_late"),
    ]);
    assert.deepEqual(r.counts, { on_track: 1, at_risk: 2, late: 1, complete: 1, complete_late: 1 });
    assert.equal(r.total, 6);
    assert.equal(
      Object.values(r.counts).reduce((s, n) => s + n, 0),
      r.total,
    );
  });

  it("is 0 % when every weight is zero, not NaN", () => {
    assert.equal(rollup([item(3, 0)]).percent, 0);
  });
});

describe("emptyCounts", () => {
  it("has every status and a fresh object each call", () => {
    const a = emptyCounts();
    assert.deepEqual(Object.keys(a), [...ACTIVITY_STATUSES]);
    a.late = 5;
    assert.equal(emptyCounts().late, 0);
  });
});
