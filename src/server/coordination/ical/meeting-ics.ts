import { utcToZoned } from "../../../core/coordination/time";
import type { MeetingView, SeriesView, UnitRefView } from "../../../core/coordination/views";
import { contentLine, escapeText, icsDocument, localStamp, paramValue, utcStamp } from "./ics-text";
import { isUtcZone, vtimezone } from "./vtimezone";

/**
 * Meetings as iCalendar (RFC 5545): one file per meeting and a subscription feed per unit.
 * Times carry their TZID with a VTIMEZONE (UTC times the Z form); units appear as ORGANIZER
 * and ATTENDEE by name (CN) with a `urn:uuid:` address, never a person's mailbox. SEQUENCE
 * grows with each change and a cancelled meeting says STATUS:CANCELLED. An occurrence of a
 * series is the series' UID with its RECURRENCE-ID; the feed carries each series once, with
 * its RRULE, EXDATEs for cancelled occurrences and the changed occurrences as overrides.
 */
export type Lang = "es" | "en";

const PRODID = "-//Enlace//Coordinación regional//ES";
const WORDS = {
  es: { agenda: "Orden del día", host: "Anfitrión", cancelled: "Cancelada", feed: "Reuniones de" },
  en: { agenda: "Agenda", host: "Host", cancelled: "Cancelled", feed: "Meetings of" },
} as const;

export const uidOf = (id: string) => `${id}@enlace`;

const unitName = (u: UnitRefView) => `${u.name ?? u.id}${u.node ? ` (${u.node})` : ""}`;

const PARTSTAT: Record<MeetingView["attendance"][number]["status"], string> = {
  attending: "ACCEPTED",
  tentative: "TENTATIVE",
  declined: "DECLINED",
  none: "NEEDS-ACTION",
};

/** DTSTART and the like: local time with its TZID, or UTC. */
function timeLine(name: string, utcIso: string, tz: string): string {
  if (isUtcZone(tz)) return contentLine(name, utcStamp(utcIso));
  return contentLine(name, localStamp(utcToZoned(Date.parse(utcIso), tz)), { TZID: tz });
}

function description(m: MeetingView, lang: Lang): string {
  const w = WORDS[lang];
  const parts = [m.description.trim()];
  if (m.agenda.length)
    parts.push(`${w.agenda}:\n${m.agenda.map((a, i) => `${i + 1}. ${a.title}${a.detail ? ` — ${a.detail}` : ""}`).join("\n")}`);
  parts.push(`${w.host}: ${unitName(m.hostUnit)}`);
  if (m.status === "cancelled" && m.cancelReason) parts.push(`${w.cancelled}: ${m.cancelReason}`);
  return parts.filter(Boolean).join("\n\n");
}

/** The VEVENT of one meeting; `override` marks an occurrence written against its series. */
function vevent(m: MeetingView, lang: Lang, extra: { rrule?: string; exdates?: string[]; sequence?: number } = {}): string[] {
  const occurrence = m.seriesId !== null && m.recurrenceId !== null && extra.rrule === undefined;
  const lines = [
    "BEGIN:VEVENT",
    contentLine("UID", escapeText(uidOf(m.seriesId ?? m.id))),
    contentLine("DTSTAMP", utcStamp(m.updatedAt)),
    contentLine("CREATED", utcStamp(m.createdAt)),
    contentLine("LAST-MODIFIED", utcStamp(m.updatedAt)),
    ...(occurrence && m.recurrenceId ? [timeLine("RECURRENCE-ID", m.recurrenceId, m.timezone)] : []),
    timeLine("DTSTART", m.startUtc, m.timezone),
    timeLine("DTEND", m.endUtc, m.timezone),
    ...(extra.rrule ? [contentLine("RRULE", extra.rrule)] : []),
    ...(extra.exdates ?? []).map((d) => timeLine("EXDATE", d, m.timezone)),
    contentLine("SUMMARY", escapeText(m.title)),
    ...(m.place ? [contentLine("LOCATION", escapeText(m.place))] : []),
    contentLine("DESCRIPTION", escapeText(description(m, lang))),
    contentLine("ORGANIZER", `urn:uuid:${m.hostUnit.id}`, { CN: paramValue(unitName(m.hostUnit)) }),
    ...m.attendance
      .filter((a) => a.role === "invited")
      .map((a) =>
        contentLine("ATTENDEE", `urn:uuid:${a.unit.id}`, {
          CN: paramValue(unitName(a.unit)),
          CUTYPE: "GROUP",
          ROLE: "REQ-PARTICIPANT",
          PARTSTAT: PARTSTAT[a.status],
        }),
      ),
    contentLine("SEQUENCE", String(extra.sequence ?? m.sequence)),
    contentLine("STATUS", m.status === "cancelled" ? "CANCELLED" : "CONFIRMED"),
    "END:VEVENT",
  ];
  return lines;
}

/** VTIMEZONEs for every zone the meetings use, covering their span. */
function zones(meetings: readonly MeetingView[]): string[] {
  const byZone = new Map<string, number[]>();
  for (const m of meetings) {
    if (isUtcZone(m.timezone)) continue;
    byZone.set(m.timezone, [...(byZone.get(m.timezone) ?? []), Date.parse(m.startUtc), Date.parse(m.endUtc)]);
  }
  return [...byZone].flatMap(([tz, times]) => vtimezone(tz, Math.min(...times), Math.max(...times)));
}

const header = (extra: string[] = []) => ["BEGIN:VCALENDAR", "VERSION:2.0", contentLine("PRODID", PRODID), "CALSCALE:GREGORIAN", ...extra];

/** One meeting as an .ics file. */
export function meetingIcs(m: MeetingView, lang: Lang): string {
  return icsDocument([...header(["METHOD:PUBLISH"]), ...zones([m]), ...vevent(m, lang), "END:VCALENDAR"]);
}

/**
 * A unit's feed: its standalone meetings, and each series it takes part in once (the first
 * occurrence as the template, with the series' RRULE), cancelled occurrences as EXDATE and
 * changed ones as overrides.
 */
export function unitFeedIcs(
  unit: { name: string; node: string },
  meetings: readonly MeetingView[],
  series: readonly SeriesView[],
  lang: Lang,
): string {
  const events: string[] = [];
  const seriesIds = new Set(series.map((s) => s.id));
  for (const m of meetings) if (!m.seriesId || !seriesIds.has(m.seriesId)) events.push(...vevent(m, lang));
  for (const s of series) {
    const own = meetings.filter((m) => m.seriesId === s.id);
    const first = own.find((m) => m.recurrenceId === s.meetings[0]?.startUtc) ?? own[0];
    if (!first) continue;
    const allCancelled = own.every((m) => m.status === "cancelled") && own.length === s.meetings.length;
    const template: MeetingView = {
      ...first,
      startUtc: first.recurrenceId ?? first.startUtc,
      endUtc: new Date(
        Date.parse(first.recurrenceId ?? first.startUtc) + (Date.parse(first.endUtc) - Date.parse(first.startUtc)),
      ).toISOString(),
      status: allCancelled ? "cancelled" : "scheduled",
      // Last revised: the latest change to the series or any of its meetings.
      updatedAt: [s.updatedAt, ...own.map((m) => m.updatedAt)].sort().at(-1) ?? s.updatedAt,
    };
    const exdates = allCancelled ? [] : own.filter((m) => m.status === "cancelled" && m.recurrenceId).map((m) => m.recurrenceId as string);
    events.push(...vevent(template, lang, { rrule: s.rrule, exdates, sequence: s.sequence }));
    for (const m of own) if (m.status === "scheduled" && m.sequence > 0) events.push(...vevent(m, lang));
  }
  const calName = `${WORDS[lang].feed} ${unit.name} (${unit.node})`;
  return icsDocument([
    ...header(["METHOD:PUBLISH", contentLine("X-WR-CALNAME", escapeText(calName))]),
    ...zones(meetings),
    ...events,
    "END:VCALENDAR",
  ]);
}
