import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { AT_RISK_ALWAYS, AT_RISK_NEVER, atRiskFrom, deriveStatus, type StatusInput } from "./status";

/**
 * `atRiskFrom` must give, for every day, the status `deriveStatus` gives: SQL lists filter and
 * count statuses with it (late after the due date, at risk from that day, else on track).
 */
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * DAY).toISOString().slice(0, 10);
const fromRisk = (a: StatusInput, today: string) => (today > a.dueDate ? "late" : today >= atRiskFrom(a) ? "at_risk" : "on_track");

const input = fc.record({
  level: fc.integer({ min: 0, max: 2 }),
  dueDate: fc.integer({ min: -400, max: 400 }).map(day),
  startDate: fc.integer({ min: -400, max: 400 }).map(day),
  completedOn: fc.constant(null),
  flaggedAtRisk: fc.boolean(),
});

describe("atRiskFrom", () => {
  it("gives deriveStatus's status on every day, for any activity that is not complete", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: -900, max: 900 }), (a, t) => {
        assert.equal(fromRisk(a, day(t)), deriveStatus(a, day(t)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("is the first at-risk day: the day before is on track", () => {
    fc.assert(
      fc.property(input, (a) => {
        const from = atRiskFrom(a);
        if (from === AT_RISK_ALWAYS || from === AT_RISK_NEVER) return;
        assert.equal(deriveStatus(a, from), "at_risk");
        const before = new Date(Date.parse(`${from}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
        assert.equal(deriveStatus(a, before), "on_track");
      }),
    );
  });

  it("is always for a flag, never for a complete activity, and the pace's day otherwise", () => {
    const base: StatusInput = { level: 1, dueDate: "2026-01-31", startDate: "2026-01-01", completedOn: null, flaggedAtRisk: false };
    assert.equal(atRiskFrom({ ...base, flaggedAtRisk: true }), AT_RISK_ALWAYS);
    assert.equal(atRiskFrom({ ...base, level: 3, completedOn: "2026-01-20" }), AT_RISK_NEVER);
    // Level 1 after 10 days projects day 30 (on time); after 11 days, day 33 (late).
    assert.equal(atRiskFrom(base), "2026-01-12");
    // Not started: at risk once more than half of the 30 days is gone.
    assert.equal(atRiskFrom({ ...base, level: 0 }), "2026-01-17");
  });
});
