import { decideActivity, decideOperation } from "../commitments/decide";
import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import { hostedMeeting, type MeetingState, meetingUnits, type UnitFact } from "./decide-meetings";
import type { Target } from "./decide-units";
import type { OutcomeInput } from "./inputs";

/**
 * An outcome of a meeting, recorded by the host. An action item becomes an activity of the
 * commitments capability, in the meeting's space and in the same transaction, so it is
 * tracked (level, due date, reports from both sides) like every other activity.
 *
 * The operation it joins: the one the action names, else the meeting's, else its host
 * unit's coordination operation, created on the first action item that needs it and
 * remembered on the unit (`unit.action_operation_set`).
 */
export type ActionOperation =
  | { readonly id: string; readonly existing: true }
  | { readonly id: string; readonly existing: false; readonly name: string; readonly description: string };

export interface OutcomeFacts {
  readonly outcomeId: string;
  readonly activityId: string;
  /** The operation chosen by the server (see above); required for an action. */
  readonly operation?: ActionOperation;
  /** Units of the meeting, the host's among them. */
  readonly units: readonly UnitFact[];
}

const TITLE_MAX = 300;
const shorten = (s: string) => (s.length <= TITLE_MAX ? s : `${s.slice(0, TITLE_MAX - 1)}…`);

/** Who owns an action: a unit of the meeting (its node follows) or a node taking part. */
function actionOwner(m: MeetingState, action: NonNullable<OutcomeInput["action"]>, units: readonly UnitFact[]) {
  const inMeeting = units.filter((u) => meetingUnits(m).includes(u.id));
  if (action.unitId !== undefined) {
    const unit = inMeeting.find((u) => u.id === action.unitId);
    if (!unit) throw new DomainError("meeting.not_participant", "that unit does not take part in this meeting", "action.unitId");
    if (action.node !== undefined && action.node !== unit.ownerNode) {
      throw new DomainError("validation.failed", `${unit.name} is a unit of ${unit.ownerNode}`, "action.node");
    }
    return { node: unit.ownerNode, unit };
  }
  const node = action.node as string;
  if (node !== m.ownerNode && !inMeeting.some((u) => u.ownerNode === node)) {
    throw new DomainError("meeting.not_participant", `${node} has no unit in this meeting`, "action.node");
  }
  return { node, unit: undefined };
}

export function decideOutcome(m: MeetingState | undefined, input: OutcomeInput, facts: OutcomeFacts, t: Omit<Target, "space">): NewEvent[] {
  const meeting = hostedMeeting(m, t.node);
  if (input.agendaItemId !== undefined && !meeting.agenda.some((a) => a.id === input.agendaItemId)) {
    throw new DomainError("coordination.reference_not_found", "no such agenda item in this meeting", "agendaItemId");
  }
  const base = { space: meeting.space, actor: t.actor };
  const outcome = (action: unknown) => ({
    ...base,
    type: "meeting.outcome_recorded",
    subject: meeting.id,
    data: { outcomeId: facts.outcomeId, kind: input.kind, text: input.text, agendaItemId: input.agendaItemId ?? null, action },
  });
  const action = input.action;
  if (input.kind !== "action" || !action) return [outcome(null)];

  const owner = actionOwner(meeting, action, facts.units);
  const meetingDate = meeting.time.startsAt.slice(0, 10);
  if (action.dueDate < meetingDate) throw new DomainError("validation.failed", "the action is due before the meeting", "action.dueDate");
  const op = facts.operation;
  if (!op) throw new Error("an action item needs an operation");
  const events: NewEvent[] = [];
  if (!op.existing) {
    events.push(...decideOperation({ name: op.name, description: op.description, agreementIds: [] }, op.id, 0, base));
    events.push({ ...base, type: "unit.action_operation_set", subject: meeting.hostUnitId, data: { operationId: op.id } });
  }
  events.push(
    ...decideActivity(
      {
        operationId: op.id,
        title: action.title ?? shorten(input.text),
        description: `Acción acordada en la reunión «${meeting.title}» del ${meetingDate}.\n\n${input.text}`,
        responsibleUnit: owner.unit ? `${owner.unit.name} (${owner.node})` : owner.node,
        dueDate: action.dueDate,
        startDate: meetingDate,
        milestones: [],
        weight: 1,
      },
      facts.activityId,
      base,
    ),
  );
  events.push(
    outcome({
      ownerNode: owner.node,
      ownerUnitId: owner.unit?.id ?? null,
      dueDate: action.dueDate,
      activityId: facts.activityId,
      operationId: op.id,
    }),
  );
  return events;
}
