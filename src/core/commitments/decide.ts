import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import type { ActivityInput, ActivityPatch, MinisterialMeetingInput, OperationInput, StatementInput } from "./schema";

/**
 * Pure decisions of the commitments domain: state and command in, events out. Ids and the
 * current date come in as arguments, so the same inputs always give the same events.
 */
export interface Target {
  readonly space: string;
  readonly actor: string;
}

export function decideMinisterialMeeting(input: MinisterialMeetingInput, id: string, t: Target): NewEvent[] {
  const { date, place, hostNode, participants, summary } = input;
  return [
    {
      space: t.space,
      type: "ministerial.recorded",
      subject: id,
      actor: t.actor,
      data: { date, place, hostNode, participants, summary: summary ?? "" },
    },
  ];
}

/** A statement and its numbered agreements, written together. */
export function decideStatement(
  input: StatementInput,
  ids: { statement: string; agreements: string[] },
  meetingExists: boolean,
  t: Target,
): NewEvent[] {
  if (input.meetingId && !meetingExists) throw new DomainError("ministerial.not_found", "no such ministerial meeting", "meetingId");
  const { date, title, text, language } = input;
  return [
    {
      space: t.space,
      type: "statement.recorded",
      subject: ids.statement,
      actor: t.actor,
      data: { date, title, text, language, meetingId: input.meetingId ?? null },
    },
    ...input.agreements.map((a, i) => ({
      space: t.space,
      type: "agreement.recorded",
      subject: ids.agreements[i] ?? "",
      actor: t.actor,
      data: { statementId: ids.statement, number: a.number, text: a.text },
    })),
  ];
}

export function decideOperation(input: OperationInput, id: string, agreementsFound: number, t: Target): NewEvent[] {
  if (agreementsFound !== new Set(input.agreementIds).size) {
    throw new DomainError("agreement.not_found", "an agreement does not exist in this space", "agreementIds");
  }
  return [
    {
      space: t.space,
      type: "operation.created",
      subject: id,
      actor: t.actor,
      data: { name: input.name, description: input.description, agreementIds: [...new Set(input.agreementIds)] },
    },
  ];
}

export function decideActivity(input: ActivityInput, id: string, t: Target): NewEvent[] {
  const { operationId, title, description, responsibleUnit, dueDate, milestones, weight } = input;
  return [
    {
      space: t.space,
      type: "activity.created",
      subject: id,
      actor: t.actor,
      data: {
        operationId,
        number: input.number ?? null,
        title,
        description,
        responsibleUnit,
        dueDate,
        startDate: input.startDate ?? null,
        milestones,
        weight,
      },
    },
  ];
}

export interface ActivityState {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly level: number;
  readonly dueDate: string;
  readonly flaggedAtRisk: boolean;
}

/** Only the owner node changes an activity; the other side posts reports instead. */
export function decideActivityPatch(
  a: ActivityState | undefined,
  patch: ActivityPatch,
  node: string,
  today: string,
  actor: string,
): NewEvent[] {
  if (!a) throw new DomainError("activity.not_found", "no such activity");
  if (a.ownerNode !== node) {
    throw new DomainError(
      "activity.not_owner",
      `only ${a.ownerNode}, which owns this activity, may change it; post a progress report instead`,
    );
  }
  const base = { space: a.space, subject: a.id, actor } as const;
  const note = patch.note ?? null;
  const events: NewEvent[] = [];
  const fields = {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.responsibleUnit !== undefined ? { responsibleUnit: patch.responsibleUnit } : {}),
    ...(patch.dueDate !== undefined && patch.dueDate !== a.dueDate ? { dueDate: patch.dueDate } : {}),
    ...(patch.milestones !== undefined ? { milestones: patch.milestones } : {}),
  };
  if (Object.keys(fields).length > 0) events.push({ ...base, type: "activity.updated", data: { ...fields, note } });
  if (patch.level !== undefined && patch.level !== a.level)
    events.push({ ...base, type: "activity.level_set", data: { level: patch.level, on: today, note } });
  if (patch.status !== undefined && (patch.status === "at_risk") !== a.flaggedAtRisk) {
    events.push({ ...base, type: "activity.flagged", data: { atRisk: patch.status === "at_risk", note } });
  }
  return events;
}

export function decideReport(
  a: ActivityState | undefined,
  report: { id: string; date: string; proposedLevel: number; narrative: string; evidence: unknown[] },
  today: string,
  actor: string,
): NewEvent[] {
  if (!a) throw new DomainError("activity.not_found", "no such activity");
  if (report.date > today) throw new DomainError("validation.failed", "a report cannot be dated in the future", "date");
  return [
    {
      space: a.space,
      type: "activity.report_posted",
      subject: a.id,
      actor,
      data: {
        reportId: report.id,
        date: report.date,
        proposedLevel: report.proposedLevel,
        narrative: report.narrative,
        evidence: report.evidence,
      },
    },
  ];
}
