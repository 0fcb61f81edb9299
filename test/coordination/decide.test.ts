import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decideRelease, type ReportState } from "../../src/core/coordination/decide-intel";
import type { MeetingState } from "../../src/core/coordination/decide-meetings";
import { decideOutcome } from "../../src/core/coordination/decide-outcomes";
import { decideSeriesCancel } from "../../src/core/coordination/decide-series";
import { EMPTY_LINKS } from "../../src/core/coordination/schema";
import { DomainError } from "../../src/core/errors";

/** The pure decisions with the most rules: releases, action items, cancelling a series. */
const ID = (n: number) => `0190000${n}-0000-7000-8000-000000000000`;
const none = { missing: [] };
const lookups = { threatActorIds: none, sectorIds: none, crossingIds: none, incidentIds: none };
const t = { actor: "olga@co", node: "co" };

const refuses = (fn: () => unknown, code: string, field?: string) =>
  assert.throws(fn, (e: unknown) => e instanceof DomainError && e.code === code && (field === undefined || e.field === field));

describe("decideRelease", () => {
  const report = (over: Partial<ReportState> = {}): ReportState => ({
    id: ID(1),
    space: "national",
    ownerNode: "co",
    originatorNode: "co",
    originator: "S2",
    tlp: "amber",
    confidence: { reliability: "B", credibility: 2 },
    withdrawn: false,
    ...over,
  });
  const input = { space: "bi-space", summary: "Resumen", body: "", tlp: "amber" as const, links: EMPTY_LINKS };

  it("releases national material as a copy naming its source, recorded nationally", () => {
    const [copy, record] = decideRelease(report(), input, { copyId: ID(2), lookups, consent: undefined }, t);
    assert.deepEqual([copy?.space, copy?.type, copy?.subject], ["bi-space", "intel_report.written", ID(2)]);
    assert.deepEqual(copy?.data.derivedFrom, { space: "national", id: ID(1) });
    assert.deepEqual(copy?.data.confidence, { reliability: "B", credibility: 2 });
    assert.deepEqual(
      [record?.space, record?.type, record?.data],
      ["national", "intel_report.released", { space: "bi-space", copyId: ID(2) }],
    );
  });

  it("passes on another node's material only with a live grant and no weaker marking", () => {
    const theirs = report({ space: "bi-space", ownerNode: "ve", originatorNode: "ve" });
    const to = { ...input, space: "tri-space" };
    const facts = (state?: "pending" | "granted" | "refused" | "used") => ({
      copyId: ID(2),
      lookups,
      consent: state && { id: ID(3), state },
    });
    refuses(() => decideRelease(theirs, to, facts(), t), "intel.consent_required");
    refuses(() => decideRelease(theirs, to, facts("used"), t), "intel.consent_required");
    refuses(() => decideRelease(theirs, to, facts("pending"), t), "intel.consent_pending");
    refuses(() => decideRelease(theirs, to, facts("refused"), t), "intel.consent_refused");
    refuses(() => decideRelease(theirs, { ...to, tlp: "green" }, facts("granted"), t), "intel.tlp_weaker", "tlp");
    const [copy, record] = decideRelease(theirs, { ...to, tlp: "red" }, facts("granted"), t);
    assert.equal(copy?.data.originatorNode, "ve");
    assert.deepEqual([record?.space, record?.type, record?.data.consentRequestId], ["bi-space", "intel_report.rereleased", ID(3)]);
  });

  it("refuses the national space, the same space, a withdrawn report and a link that does not resolve", () => {
    refuses(
      () => decideRelease(report(), { ...input, space: "national" }, { copyId: ID(2), lookups, consent: undefined }, t),
      "validation.failed",
      "space",
    );
    refuses(
      () => decideRelease(report({ space: "bi-space" }), input, { copyId: ID(2), lookups, consent: undefined }, t),
      "intel.same_space",
      "space",
    );
    refuses(() => decideRelease(report({ withdrawn: true }), input, { copyId: ID(2), lookups, consent: undefined }, t), "intel.withdrawn");
    const bad = { ...lookups, incidentIds: { missing: [ID(9)] } };
    refuses(
      () =>
        decideRelease(
          report(),
          { ...input, links: { ...EMPTY_LINKS, incidentIds: [ID(8), ID(9)] } },
          { copyId: ID(2), lookups: bad, consent: undefined },
          t,
        ),
      "coordination.reference_not_found",
      "links.incidentIds.1",
    );
  });
});

describe("decideOutcome", () => {
  const meeting: MeetingState = {
    id: ID(1),
    space: "bi-space",
    ownerNode: "co",
    status: "scheduled",
    title: "Reunión",
    hostUnitId: ID(2),
    invitedUnitIds: [ID(3)],
    agenda: [],
    time: { startsAt: "2031-03-05T09:00:00", endsAt: "2031-03-05T12:00:00", timezone: "America/Bogota", startUtc: "", endUtc: "" },
    operationId: null,
    seriesId: null,
    description: "",
    place: "",
    sectorId: null,
    reminders: [],
  };
  const units = [
    { id: ID(2), ownerNode: "co", name: "Brigada 30", retired: false },
    { id: ID(3), ownerNode: "ve", name: "ZODI Táchira", retired: false },
  ];
  const action = { kind: "action" as const, text: "Patrullaje", action: { unitId: ID(3), dueDate: "2031-04-01" } };

  it("creates the host unit's operation on the first action, then the activity and the outcome", () => {
    const op = { id: ID(5), existing: false as const, name: "Acciones", description: "" };
    const events = decideOutcome(meeting, action, { outcomeId: ID(4), activityId: ID(6), operation: op, units }, t);
    assert.deepEqual(
      events.map((e) => [e.type, e.subject]),
      [
        ["operation.created", ID(5)],
        ["unit.action_operation_set", ID(2)],
        ["activity.created", ID(6)],
        ["meeting.outcome_recorded", ID(1)],
      ],
    );
    assert.equal(events[2]?.data.responsibleUnit, "ZODI Táchira (ve)");
    assert.equal(events[2]?.data.startDate, "2031-03-05");
    assert.deepEqual(events[3]?.data.action, {
      ownerNode: "ve",
      ownerUnitId: ID(3),
      dueDate: "2031-04-01",
      activityId: ID(6),
      operationId: ID(5),
    });
  });

  it("joins an existing operation, and refuses an action due before the meeting or on another node", () => {
    const op = { id: ID(5), existing: true as const };
    assert.deepEqual(
      decideOutcome(meeting, action, { outcomeId: ID(4), activityId: ID(6), operation: op, units }, t).map((e) => e.type),
      ["activity.created", "meeting.outcome_recorded"],
    );
    const early = { ...action, action: { unitId: ID(3), dueDate: "2031-03-01" } };
    refuses(
      () => decideOutcome(meeting, early, { outcomeId: ID(4), activityId: ID(6), operation: op, units }, t),
      "validation.failed",
      "action.dueDate",
    );
    refuses(
      () => decideOutcome(meeting, action, { outcomeId: ID(4), activityId: ID(6), operation: op, units }, { ...t, node: "ve" }),
      "meeting.not_host",
    );
  });
});

describe("decideSeriesCancel", () => {
  it("cancels the series and its meetings still scheduled from the instant on", () => {
    const meetings = [
      { id: ID(1), startUtc: "2031-01-01T14:00:00.000Z", status: "scheduled" as const },
      { id: ID(2), startUtc: "2031-02-01T14:00:00.000Z", status: "cancelled" as const },
      { id: ID(3), startUtc: "2031-03-01T14:00:00.000Z", status: "scheduled" as const },
    ];
    const events = decideSeriesCancel(
      { id: ID(9), space: "bi-space", ownerNode: "co", cancelled: false, meetings },
      "2031-01-15T00:00:00.000Z",
      "Fin",
      t,
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.subject]),
      [
        ["meeting_series.cancelled", ID(9)],
        ["meeting.cancelled", ID(3)],
      ],
    );
  });
});
