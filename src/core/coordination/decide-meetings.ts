import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import { type Lookup, refuseMissingOne, type Target } from "./decide-units";
import type { AgendaItemInput, AttendanceInput, MeetingInput, MeetingPatch } from "./inputs";
import { localMinutes, normalLocal, zonedToUtc } from "./time";

/**
 * Pure decisions about meetings. The host's node alone changes a meeting, records its
 * minutes and outcomes; each side confirms attendance for its own units only.
 */
export interface UnitFact {
  readonly id: string;
  readonly ownerNode: string;
  readonly name: string;
  readonly retired: boolean;
}

export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly unitId: string | null;
}

export interface MeetingTime {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timezone: string;
  readonly startUtc: string;
  readonly endUtc: string;
}

export interface MeetingState {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly status: "scheduled" | "cancelled";
  readonly title: string;
  readonly hostUnitId: string;
  readonly invitedUnitIds: readonly string[];
  readonly agenda: readonly AgendaItem[];
  readonly time: MeetingTime;
  readonly operationId: string | null;
  readonly seriesId: string | null;
  readonly description: string;
  readonly place: string;
  readonly sectorId: string | null;
  readonly reminders: readonly number[];
}

/** The facts a meeting's references resolved to, looked up by the server. */
export interface MeetingRefs {
  readonly units: readonly UnitFact[];
  readonly sectors: Lookup;
  readonly operationFound: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Local times read in their zone; `strict` refuses a start the zone's clock skips. */
export function meetingTime(startsAt: string, endsAt: string, timezone: string, strict = true): MeetingTime {
  const start = zonedToUtc(startsAt, timezone, strict);
  if (start === undefined) throw new DomainError("validation.failed", `this time does not exist in ${timezone}`, "startsAt");
  const end = zonedToUtc(endsAt, timezone, false) ?? start;
  if (localMinutes(startsAt, endsAt) <= 0 || end <= start) {
    throw new DomainError("validation.failed", "the meeting ends before it starts", "endsAt");
  }
  return { startsAt: normalLocal(startsAt), endsAt: normalLocal(endsAt), timezone, startUtc: iso(start), endUtc: iso(end) };
}

const unitIn = (refs: MeetingRefs, id: string) => refs.units.find((u) => u.id === id);

function checkInvited(invited: readonly string[], hostUnitId: string, refs: MeetingRefs): void {
  invited.forEach((id, i) => {
    const u = unitIn(refs, id);
    const field = `invitedUnitIds.${i}`;
    if (!u) throw new DomainError("coordination.reference_not_found", `no unit ${id} in this space`, field);
    if (u.retired) throw new DomainError("unit.retired", `unit ${u.name} is retired`, field);
    if (id === hostUnitId) throw new DomainError("validation.failed", "the host unit is not invited to its own meeting", field);
  });
}

function agendaWithIds(
  items: readonly AgendaItemInput[],
  newIds: readonly string[],
  known: readonly AgendaItem[] | undefined,
  units: readonly string[],
) {
  let fresh = 0;
  return items.map((item, i): AgendaItem => {
    if (item.id !== undefined && known && !known.some((k) => k.id === item.id)) {
      throw new DomainError("validation.failed", "no such agenda item in this meeting", `agenda.${i}.id`);
    }
    if (item.unitId !== null && !units.includes(item.unitId)) {
      throw new DomainError("meeting.not_participant", "that unit does not take part in this meeting", `agenda.${i}.unitId`);
    }
    // A new meeting numbers its items afresh; a changed agenda keeps the ids it had.
    const id = (known ? item.id : undefined) ?? newIds[fresh++];
    if (!id) throw new Error("an agenda item needs an id");
    return { id, title: item.title, detail: item.detail, unitId: item.unitId };
  });
}

/** A new meeting hosted by one of this node's units; `series` for an occurrence of a series. */
export function decideMeeting(
  input: Omit<MeetingInput, "space">,
  ids: { meeting: string; agenda: readonly string[] },
  refs: MeetingRefs,
  t: Target,
  series?: { seriesId: string; recurrenceId: string; time: MeetingTime },
): NewEvent[] {
  const host = unitIn(refs, input.hostUnitId);
  if (!host) throw new DomainError("coordination.reference_not_found", `no unit ${input.hostUnitId} in this space`, "hostUnitId");
  if (host.ownerNode !== t.node) {
    throw new DomainError(
      "meeting.host_not_own_unit",
      `a meeting is hosted by a unit of this node; ${host.name} is ${host.ownerNode}'s`,
      "hostUnitId",
    );
  }
  if (host.retired) throw new DomainError("unit.retired", `unit ${host.name} is retired`, "hostUnitId");
  checkInvited(input.invitedUnitIds, input.hostUnitId, refs);
  if (input.sectorId) refuseMissingOne("sectorId", input.sectorId, refs.sectors, "sector");
  if (input.operationId && !refs.operationFound)
    throw new DomainError("operation.not_found", "no such operation in this space", "operationId");
  const agenda = agendaWithIds(input.agenda, ids.agenda, undefined, [input.hostUnitId, ...input.invitedUnitIds]);
  const time = series?.time ?? meetingTime(input.startsAt, input.endsAt, input.timezone);
  const data = {
    title: input.title,
    description: input.description,
    hostUnitId: input.hostUnitId,
    invitedUnitIds: input.invitedUnitIds,
    agenda,
    time,
    place: input.place,
    sectorId: input.sectorId,
    operationId: input.operationId,
    reminders: input.reminders,
    seriesId: series?.seriesId ?? null,
    recurrenceId: series?.recurrenceId ?? null,
  };
  return [{ space: t.space, type: "meeting.scheduled", subject: ids.meeting, actor: t.actor, data }];
}

/** The meeting, if this node hosts it and it still stands. */
export function hostedMeeting(m: MeetingState | undefined, node: string): MeetingState {
  if (!m) throw new DomainError("meeting.not_found", "no such meeting");
  if (m.ownerNode !== node) throw new DomainError("meeting.not_host", `only ${m.ownerNode}, the host's node, may do this`);
  if (m.status === "cancelled") throw new DomainError("meeting.cancelled", "the meeting was cancelled");
  return m;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function decideMeetingPatch(
  m: MeetingState | undefined,
  patch: MeetingPatch,
  newAgendaIds: readonly string[],
  refs: MeetingRefs,
  t: Omit<Target, "space">,
): NewEvent[] {
  const meeting = hostedMeeting(m, t.node);
  const invited = patch.invitedUnitIds ?? meeting.invitedUnitIds;
  if (patch.invitedUnitIds) checkInvited(patch.invitedUnitIds, meeting.hostUnitId, refs);
  if (patch.sectorId) refuseMissingOne("sectorId", patch.sectorId, refs.sectors, "sector");
  if (patch.operationId && !refs.operationFound)
    throw new DomainError("operation.not_found", "no such operation in this space", "operationId");
  const changes: Record<string, unknown> = {};
  const set = (key: string, next: unknown, current: unknown) => {
    if (next !== undefined && !same(next, current)) changes[key] = next;
  };
  set("title", patch.title, meeting.title);
  set("description", patch.description, meeting.description);
  set("invitedUnitIds", patch.invitedUnitIds, meeting.invitedUnitIds);
  if (patch.agenda)
    set("agenda", agendaWithIds(patch.agenda, newAgendaIds, meeting.agenda, [meeting.hostUnitId, ...invited]), meeting.agenda);
  if (patch.startsAt !== undefined || patch.endsAt !== undefined || patch.timezone !== undefined) {
    const { startsAt, endsAt, timezone } = { ...meeting.time, ...patch };
    set("time", meetingTime(startsAt, endsAt, timezone), meeting.time);
  }
  set("place", patch.place, meeting.place);
  set("sectorId", patch.sectorId, meeting.sectorId);
  set("operationId", patch.operationId, meeting.operationId);
  set("reminders", patch.reminders, meeting.reminders);
  if (Object.keys(changes).length === 0) return [];
  return [{ space: meeting.space, type: "meeting.updated", subject: meeting.id, actor: t.actor, data: { ...changes, note: patch.note } }];
}

export function decideCancel(m: MeetingState | undefined, reason: string, t: Omit<Target, "space">): NewEvent[] {
  const meeting = hostedMeeting(m, t.node);
  return [{ space: meeting.space, type: "meeting.cancelled", subject: meeting.id, actor: t.actor, data: { reason } }];
}

/** Units of the meeting: the host's first. */
export const meetingUnits = (m: MeetingState) => [m.hostUnitId, ...m.invitedUnitIds];

export function decideAttendance(
  m: MeetingState | undefined,
  input: AttendanceInput,
  unit: UnitFact | undefined,
  t: Omit<Target, "space">,
): NewEvent[] {
  if (!m) throw new DomainError("meeting.not_found", "no such meeting");
  if (m.status === "cancelled") throw new DomainError("meeting.cancelled", "the meeting was cancelled");
  if (!unit || !meetingUnits(m).includes(unit.id)) {
    throw new DomainError("meeting.not_participant", "that unit is neither the host nor invited", "unitId");
  }
  if (unit.ownerNode !== t.node) {
    throw new DomainError("meeting.not_your_unit", `${unit.name} is ${unit.ownerNode}'s unit: its own side confirms it`, "unitId");
  }
  return [{ space: m.space, type: "meeting.attendance_confirmed", subject: m.id, actor: t.actor, data: input }];
}

export function decideMinutes(m: MeetingState | undefined, text: string, t: Omit<Target, "space">): NewEvent[] {
  const meeting = hostedMeeting(m, t.node);
  return [{ space: meeting.space, type: "meeting.minutes_recorded", subject: meeting.id, actor: t.actor, data: { text } }];
}
