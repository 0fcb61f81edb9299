import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { monthLabel, monthOfDay, monthStartDay, splitSpan } from "./dashboard-span";
import { bandForZoom, cellDegrees, cellOf, DAY_MS, HOUR_MS } from "./map-grid";

/** The cutting of windows into months, days and partial days, and the map grid. */
const pieces = (fromMs: number, toMs: number, useMonths: boolean) => {
  const s = splitSpan(fromMs, toMs, useMonths);
  const out: [number, number][] = [...s.partial.map(([a, b]): [number, number] => [a, b])];
  for (const [a, b] of s.days) out.push([a * DAY_MS, b * DAY_MS]);
  for (const [a, b] of s.hours) out.push([a * HOUR_MS, b * HOUR_MS]);
  if (s.months) out.push([monthStartDay(s.months[0]) * DAY_MS, monthStartDay(s.months[1]) * DAY_MS]);
  return out.sort((x, y) => x[0] - y[0]);
};

describe("splitSpan", () => {
  it("covers [from, to) exactly, without overlap, for any window", () => {
    const instant = fc.integer({ min: Date.parse("2020-01-01"), max: Date.parse("2030-01-01") });
    fc.assert(
      fc.property(instant, instant, fc.boolean(), (a, b, useMonths) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const p = pieces(from, to, useMonths);
        if (from === to) return assert.deepEqual(p, []);
        assert.equal(p[0]?.[0], from);
        assert.equal(p[p.length - 1]?.[1], to);
        for (let i = 1; i < p.length; i++) assert.equal(p[i]?.[0], p[i - 1]?.[1]);
        for (const [x, y] of p) assert.ok(x < y);
      }),
      { numRuns: 2000 },
    );
  });

  it("uses whole months, days and hours where it can", () => {
    const s = splitSpan(Date.parse("2025-01-10T06:20:00Z"), Date.parse("2025-04-03T00:00:00Z"));
    assert.deepEqual(s.months?.map(monthLabel), ["2025-02", "2025-04"]);
    assert.deepEqual(
      s.days.map(([a, b]) => [new Date(a * DAY_MS).toISOString().slice(0, 10), new Date(b * DAY_MS).toISOString().slice(0, 10)]),
      [
        ["2025-01-11", "2025-02-01"],
        ["2025-04-01", "2025-04-03"],
      ],
    );
    assert.deepEqual(
      s.hours.map(([a, b]) => [new Date(a * HOUR_MS).toISOString(), new Date(b * HOUR_MS).toISOString()]),
      [["2025-01-10T07:00:00.000Z", "2025-01-11T00:00:00.000Z"]],
    );
    assert.deepEqual(s.partial, [[Date.parse("2025-01-10T06:20:00Z"), Date.parse("2025-01-10T07:00:00Z")]]);
    const short = splitSpan(Date.parse("2025-01-10T06:20:00Z"), Date.parse("2025-01-10T08:10:00Z"));
    assert.deepEqual([short.months, short.days, short.hours.length, short.partial.length], [null, [], 1, 2]);
    assert.equal(monthOfDay(Date.parse("2024-12-31T00:00:00Z") / DAY_MS), 2024 * 12 + 11);
  });
});

describe("map grid", () => {
  it("has 64-px cells at the band's zoom and picks the band for a zoom", () => {
    assert.equal(cellDegrees(3), 11.25);
    assert.equal((256 * 2 ** 9 * cellDegrees(9)) / 360, 64);
    assert.deepEqual([0, 3, 4, 5, 8, 13, 20].map(bandForZoom), [3, 3, 3, 5, 7, 13, 13]);
    assert.deepEqual(cellOf(5, -72.47, 7.87), { cx: 38, cy: 34 });
    assert.deepEqual(cellOf(5, -180, -90), { cx: 0, cy: 0 });
  });
});
