import { DomainError } from "../errors";
import type { NewEvent } from "../log/envelope";
import { decideMeeting, type MeetingRefs, meetingTime } from "./decide-meetings";
import type { Target } from "./decide-units";
import type { SeriesInput } from "./inputs";
import { expandRule, formatRule, MAX_OCCURRENCES, parseRrule } from "./rrule";
import { addLocal, localMinutes, zonedToUtc } from "./time";

/**
 * A series of recurring meetings: the rule is expanded once, in the meeting's local time,
 * and every occurrence becomes a meeting of its own (so each has its attendance, minutes and
 * outcomes) that names the series and the start the rule gave it (its RECURRENCE-ID).
 */
export interface Occurrence {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly recurrenceId: string;
}

/** The occurrences of a series input, or a refusal naming the rule. */
export function occurrencesOf(input: Pick<SeriesInput, "rrule" | "startsAt" | "endsAt" | "timezone">): {
  rule: string;
  list: Occurrence[];
} {
  const parsed = parseRrule(input.rrule);
  if (!parsed.ok) throw new DomainError("validation.failed", parsed.message, "rrule");
  const starts = expandRule(parsed.rule, input.startsAt, input.timezone);
  if (!starts) {
    throw new DomainError("series.too_long", `a series holds at most ${MAX_OCCURRENCES} meetings within five years`, "rrule");
  }
  if (starts.length === 0) throw new DomainError("series.empty", "the rule gives no meeting", "rrule");
  const minutes = localMinutes(input.startsAt, input.endsAt);
  const list = starts.map((startsAt) => ({
    startsAt,
    endsAt: addLocal(startsAt, "minute", minutes) ?? startsAt,
    recurrenceId: new Date(zonedToUtc(startsAt, input.timezone, false) ?? 0).toISOString(),
  }));
  const last = list.at(-1);
  return { rule: formatRule(parsed.rule, last ? Date.parse(last.recurrenceId) : undefined), list };
}

export function decideSeries(
  input: SeriesInput,
  ids: { series: string; meetings: readonly string[]; agenda: readonly string[] },
  refs: MeetingRefs,
  t: Target,
): NewEvent[] {
  const { rule, list } = occurrencesOf(input);
  const { rrule: _rule, space: _space, ...template } = input;
  const first = meetingTime(input.startsAt, input.endsAt, input.timezone);
  const meetings = list.flatMap((o, i) => {
    const id = ids.meetings[i];
    if (!id) throw new Error("a meeting id per occurrence is needed");
    const time = meetingTime(o.startsAt, o.endsAt, input.timezone, false);
    return decideMeeting(template, { meeting: id, agenda: ids.agenda }, refs, t, {
      seriesId: ids.series,
      recurrenceId: o.recurrenceId,
      time,
    });
  });
  return [
    {
      space: t.space,
      type: "meeting_series.created",
      subject: ids.series,
      actor: t.actor,
      data: { title: input.title, rrule: rule, hostUnitId: input.hostUnitId, time: first, occurrences: list.length },
    },
    ...meetings,
  ];
}

export interface SeriesState {
  readonly id: string;
  readonly space: string;
  readonly ownerNode: string;
  readonly cancelled: boolean;
  readonly meetings: readonly { id: string; startUtc: string; status: "scheduled" | "cancelled" }[];
}

/** Cancels the series from an instant on: every meeting of it still scheduled from then. */
export function decideSeriesCancel(s: SeriesState | undefined, from: string, reason: string, t: Omit<Target, "space">): NewEvent[] {
  if (!s) throw new DomainError("series.not_found", "no such meeting series");
  if (s.ownerNode !== t.node) throw new DomainError("meeting.not_host", `only ${s.ownerNode}, the host's node, may do this`);
  if (s.cancelled) throw new DomainError("series.cancelled", "the series was already cancelled");
  const base = { space: s.space, actor: t.actor };
  return [
    { ...base, type: "meeting_series.cancelled", subject: s.id, data: { from, reason } },
    ...s.meetings
      .filter((m) => m.status === "scheduled" && m.startUtc >= from)
      .map((m) => ({ ...base, type: "meeting.cancelled", subject: m.id, data: { reason } })),
  ];
}
