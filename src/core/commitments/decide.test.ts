import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../errors";
import { sha256Hex } from "../log/crypto";
import type { NewEvent } from "../log/envelope";
import { createEventRegistry } from "../log/registry";
import {
  type ActivityState,
  decideActivity,
  decideActivityPatch,
  decideMinisterialMeeting,
  decideOperation,
  decideReport,
  decideStatement,
} from "./decide";
import { COMMITMENT_EVENTS } from "./events";
import { activityInput, activityPatch, ministerialMeetingInput, operationInput, statementInput } from "./schema";

/**
 * The pure decisions of commitments: which events each command gives, and which it refuses.
 * Every event a decision gives must also pass the event registry (schema and space), so a
 * decision can never produce an event the store would refuse.
 */
const registry = createEventRegistry(COMMITMENT_EVENTS);
const T = { space: "espacio-binacional", actor: "ana@co" } as const;
const OP = "01900000-0000-7000-8000-000000000001";
const ACT = "01900000-0000-7000-8000-000000000002";

function valid(events: readonly NewEvent[]): void {
  for (const e of events) assert.equal(registry.check({ ...e, v: e.v ?? 1 }), undefined, `${e.type} is refused by the registry`);
}

function refusedWith(code: string, field?: string) {
  return (err: unknown) => {
    assert.ok(err instanceof DomainError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.field, field);
    return true;
  };
}

const state = (over: Partial<ActivityState> = {}): ActivityState => ({
  id: ACT,
  space: T.space,
  ownerNode: "co",
  level: 1,
  dueDate: "2026-06-30",
  flaggedAtRisk: false,
  ...over,
});

describe("decideMinisterialMeeting and decideStatement", () => {
  it("records a meeting with an empty summary when none is given", () => {
    const input = ministerialMeetingInput.parse({
      date: "2023-05-11",
      place: "Caracas",
      hostNode: "ve",
      participants: ["Ministro de Defensa"],
    });
    const events = decideMinisterialMeeting(input, "m1", T);
    assert.deepEqual(events, [
      {
        space: T.space,
        type: "ministerial.recorded",
        subject: "m1",
        actor: "ana@co",
        data: { date: "2023-05-11", place: "Caracas", hostNode: "ve", participants: ["Ministro de Defensa"], summary: "" },
      },
    ]);
    valid(events);
  });

  it("writes the statement, then each agreement in order with its own id", () => {
    const input = statementInput.parse({
      date: "2023-05-11",
      title: "Declaración conjunta",
      agreements: [
        { number: 1, text: "Reconocer el avance" },
        { number: 2, text: "Aumentar la presencia" },
      ],
    });
    const events = decideStatement(input, { statement: "s1", agreements: ["a1", "a2"] }, false, T);
    assert.deepEqual(
      events.map((e) => [e.type, e.subject]),
      [
        ["statement.recorded", "s1"],
        ["agreement.recorded", "a1"],
        ["agreement.recorded", "a2"],
      ],
    );
    assert.deepEqual(events[0]?.data, { date: "2023-05-11", title: "Declaración conjunta", text: "", language: "es", meetingId: null });
    assert.deepEqual(events[2]?.data, { statementId: "s1", number: 2, text: "Aumentar la presencia" });
    assert.ok(events.every((e) => e.space === T.space && e.actor === T.actor));
    valid(events);
  });

  it("refuses a meeting that does not exist, naming the field", () => {
    const input = statementInput.parse({ date: "2023-05-11", title: "X", meetingId: OP, agreements: [{ number: 1, text: "a" }] });
    assert.throws(
      () => decideStatement(input, { statement: "s", agreements: ["a"] }, false, T),
      refusedWith("ministerial.not_found", "meetingId"),
    );
    assert.equal(decideStatement(input, { statement: "s", agreements: ["a"] }, true, T)[0]?.data.meetingId, OP);
  });
});

describe("decideOperation and decideActivity", () => {
  it("keeps each agreement once", () => {
    const input = operationInput.parse({ name: "Escudo Bolivariano", agreementIds: [OP, OP, ACT] });
    const [e] = decideOperation(input, "o1", 2, T);
    assert.deepEqual(e?.data, { name: "Escudo Bolivariano", description: "", agreementIds: [OP, ACT] });
    valid(e ? [e] : []);
  });

  it("refuses when an agreement is not found in the space", () => {
    const input = operationInput.parse({ name: "Escudo", agreementIds: [OP, ACT] });
    assert.throws(() => decideOperation(input, "o1", 1, T), refusedWith("agreement.not_found", "agreementIds"));
  });

  it("creates an activity with nulls for what was not given, and defaults", () => {
    const input = activityInput.parse({ operationId: OP, title: "Patrullaje", responsibleUnit: "Brigada 30", dueDate: "2026-06-30" });
    const events = decideActivity(input, ACT, T);
    assert.deepEqual(events, [
      {
        space: T.space,
        type: "activity.created",
        subject: ACT,
        actor: "ana@co",
        data: {
          operationId: OP,
          number: null,
          title: "Patrullaje",
          description: "",
          responsibleUnit: "Brigada 30",
          dueDate: "2026-06-30",
          startDate: null,
          milestones: [],
          weight: 1,
        },
      },
    ]);
    valid(events);
  });
});

describe("decideActivityPatch", () => {
  const patch = (p: unknown) => activityPatch.parse(p);

  it("refuses an unknown activity", () => {
    assert.throws(
      () => decideActivityPatch(undefined, patch({ level: 2 }), "co", "2026-03-01", "ana@co"),
      refusedWith("activity.not_found"),
    );
  });

  it("refuses a node that does not own the activity, naming the owner", () => {
    assert.throws(
      () => decideActivityPatch(state(), patch({ level: 2 }), "ve", "2026-03-01", "luis@ve"),
      (err: unknown) => err instanceof DomainError && err.code === "activity.not_owner" && /only co/.test(err.message),
    );
  });

  it("sets the level with the day and the note", () => {
    const events = decideActivityPatch(state(), patch({ level: 3, note: "verificado" }), "co", "2026-03-01", "ana@co");
    assert.deepEqual(events, [
      {
        space: T.space,
        subject: ACT,
        actor: "ana@co",
        type: "activity.level_set",
        data: { level: 3, on: "2026-03-01", note: "verificado" },
      },
    ]);
    valid(events);
  });

  it("writes nothing for values that do not change", () => {
    assert.deepEqual(
      decideActivityPatch(state(), patch({ level: 1, dueDate: "2026-06-30", status: "on_track" }), "co", "2026-03-01", "a@co"),
      [],
    );
    assert.deepEqual(decideActivityPatch(state({ flaggedAtRisk: true }), patch({ status: "at_risk" }), "co", "2026-03-01", "a@co"), []);
  });

  it("flags and unflags the activity as at risk", () => {
    const [on] = decideActivityPatch(state(), patch({ status: "at_risk" }), "co", "2026-03-01", "a@co");
    assert.deepEqual([on?.type, on?.data], ["activity.flagged", { atRisk: true, note: null }]);
    const [off] = decideActivityPatch(state({ flaggedAtRisk: true }), patch({ status: "on_track" }), "co", "2026-03-01", "a@co");
    assert.deepEqual([off?.type, off?.data], ["activity.flagged", { atRisk: false, note: null }]);
  });

  it("puts the changed fields in one update, then the level, then the flag", () => {
    const events = decideActivityPatch(
      state(),
      patch({ title: "Patrullaje conjunto", dueDate: "2026-07-31", level: 2, status: "at_risk", note: "nuevo plazo" }),
      "co",
      "2026-03-01",
      "a@co",
    );
    assert.deepEqual(
      events.map((e) => [e.type, e.data]),
      [
        ["activity.updated", { title: "Patrullaje conjunto", dueDate: "2026-07-31", note: "nuevo plazo" }],
        ["activity.level_set", { level: 2, on: "2026-03-01", note: "nuevo plazo" }],
        ["activity.flagged", { atRisk: true, note: "nuevo plazo" }],
      ],
    );
    valid(events);
  });
});

describe("decideReport", () => {
  const bytes = Buffer.from("acta de la reunión");
  const file = { name: "acta.txt", type: "text/plain", size: bytes.length, sha256: sha256Hex(bytes), content: bytes.toString("base64") };
  const report = (date: string, evidence: unknown[] = []) => ({ id: "r1", date, proposedLevel: 2, narrative: "Avance", evidence });

  it("lets any node post its report, with its evidence", () => {
    const events = decideReport(state(), report("2026-03-01", [file]), "2026-03-01", "luis@ve");
    assert.deepEqual(events, [
      {
        space: T.space,
        type: "activity.report_posted",
        subject: ACT,
        actor: "luis@ve",
        data: { reportId: "r1", date: "2026-03-01", proposedLevel: 2, narrative: "Avance", evidence: [file] },
      },
    ]);
    valid(events);
  });

  it("refuses a report dated after today, naming the date", () => {
    assert.throws(() => decideReport(state(), report("2026-03-02"), "2026-03-01", "a@co"), refusedWith("validation.failed", "date"));
  });

  it("refuses an unknown activity", () => {
    assert.throws(() => decideReport(undefined, report("2026-03-01"), "2026-03-01", "a@co"), refusedWith("activity.not_found"));
  });

  it("yields an event the registry refuses when evidence bytes do not match their hash", () => {
    const [e] = decideReport(state(), report("2026-03-01", [{ ...file, sha256: "0".repeat(64) }]), "2026-03-01", "a@co");
    assert.equal(e && registry.check({ ...e, v: 1 })?.code, "bad_data");
  });
});
