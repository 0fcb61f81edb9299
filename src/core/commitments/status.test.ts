import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ActivityStatus } from "./schema";
import { deriveStatus, projectedCompletion, type StatusInput } from "./status";

/**
 * The derived status of an activity and its projected completion, on fixed dates: an
 * activity that started on 1 January 2026 and is due on 31 January (30 days).
 */
const base: StatusInput = { level: 0, dueDate: "2026-01-31", startDate: "2026-01-01", completedOn: null, flaggedAtRisk: false };
const at = (over: Partial<StatusInput>): StatusInput => ({ ...base, ...over });

describe("projectedCompletion", () => {
  it("extrapolates the pace so far to level 3", () => {
    // 10 days for level 1 → 30 days for level 3; 10 days for level 2 → 15 days.
    assert.equal(projectedCompletion(at({ level: 1 }), "2026-01-11"), "2026-01-31");
    assert.equal(projectedCompletion(at({ level: 2 }), "2026-01-11"), "2026-01-16");
    // 7 days for level 2 → ceil(10.5) = 11 days.
    assert.equal(projectedCompletion(at({ level: 2 }), "2026-01-08"), "2026-01-12");
  });

  it("is null when nothing has moved, and the completion day once complete", () => {
    assert.equal(projectedCompletion(at({ level: 0 }), "2026-01-20"), null);
    assert.equal(projectedCompletion(at({ level: 3, completedOn: "2026-01-25" }), "2026-02-10"), "2026-01-25");
    assert.equal(projectedCompletion(at({ level: 3, completedOn: null }), "2026-02-10"), null);
  });

  it("counts at least one day, even on (or before) the start day", () => {
    assert.equal(projectedCompletion(at({ level: 1 }), "2026-01-01"), "2026-01-04");
    assert.equal(projectedCompletion(at({ level: 1 }), "2025-12-20"), "2026-01-04");
  });

  it("crosses month and leap-year boundaries in UTC", () => {
    assert.equal(projectedCompletion(at({ level: 1, startDate: "2028-02-20" }), "2028-02-25"), "2028-03-06");
    assert.equal(projectedCompletion(at({ level: 1, startDate: "2025-12-31" }), "2026-01-01"), "2026-01-03");
  });
});

describe("deriveStatus", () => {
  const table: ReadonlyArray<readonly [string, Partial<StatusInput>, string, ActivityStatus]> = [
    ["complete on time", { level: 3, completedOn: "2026-01-20" }, "2026-02-15", "complete"],
    ["complete on the due day", { level: 3, completedOn: "2026-01-31" }, "2026-02-15", "complete"],
    ["complete one day late", { level: 3, completedOn: "2026-02-01" }, "2026-02-15", "complete_late"],
    ["complete with no completion day recorded", { level: 3, completedOn: null }, "2026-02-15", "complete"],
    ["complete beats a flag", { level: 3, completedOn: "2026-01-20", flaggedAtRisk: true }, "2026-01-21", "complete"],
    ["past the due date and not complete", { level: 2 }, "2026-02-01", "late"],
    ["late beats a flag", { level: 1, flaggedAtRisk: true }, "2026-02-01", "late"],
    ["on the due day is not yet late", { level: 2 }, "2026-01-31", "at_risk"],
    ["flagged by its owner", { level: 2, flaggedAtRisk: true }, "2026-01-05", "at_risk"],
    ["pace finishes before the due date", { level: 2 }, "2026-01-11", "on_track"],
    ["pace finishes exactly on the due date", { level: 1 }, "2026-01-11", "on_track"],
    ["pace finishes one day after the due date", { level: 1 }, "2026-01-12", "at_risk"],
    ["not started, half of its time gone", { level: 0 }, "2026-01-16", "on_track"],
    ["not started, more than half gone", { level: 0 }, "2026-01-17", "at_risk"],
    ["not started, before it starts", { level: 0 }, "2025-12-01", "on_track"],
  ];
  for (const [name, over, today, expected] of table) {
    it(`${name} → ${expected}`, () => {
      assert.equal(deriveStatus(at(over), today), expected);
    });
  }

  it("reads only the date part of its inputs' days", () => {
    assert.equal(deriveStatus(at({ level: 0, startDate: "2026-01-01T23:59:59.000Z" }), "2026-01-16"), "on_track");
    assert.equal(deriveStatus(at({ level: 0, startDate: "2026-01-01T23:59:59.000Z" }), "2026-01-17"), "at_risk");
  });

  it("gives a one-day activity a span of at least one day", () => {
    const sameDay = at({ level: 0, startDate: "2026-01-31", dueDate: "2026-01-31" });
    assert.equal(deriveStatus(sameDay, "2026-01-31"), "on_track");
    assert.equal(deriveStatus(sameDay, "2026-02-01"), "late");
  });
});
