/**
 * Meeting times as people read them: the wall-clock time where the meeting is held, with
 * the zone's offset, so both delegations see "09:00 (GMT-5)" whatever their own browser says.
 */
const locale = (lang: string) => (lang === "en" ? "en-GB" : "es-CO");

/** "mié, 5 nov 2025, 09:00–12:00 GMT-5" for a meeting of one day; both ends in full otherwise. */
export function meetingWhen(m: { startUtc: string; endUtc: string; timezone: string }, lang: string): string {
  const day = new Intl.DateTimeFormat(locale(lang), {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: m.timezone,
  });
  const time = new Intl.DateTimeFormat(locale(lang), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: m.timezone });
  const zone = new Intl.DateTimeFormat(locale(lang), { timeZone: m.timezone, timeZoneName: "short" })
    .formatToParts(new Date(m.startUtc))
    .find((p) => p.type === "timeZoneName")?.value;
  const start = new Date(m.startUtc);
  const end = new Date(m.endUtc);
  const sameDay = day.format(start) === day.format(end);
  const span = sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
  return zone ? `${span} (${zone})` : span;
}

/** The local date (YYYY-MM-DD) a meeting starts on, where it is held. */
export const meetingDay = (m: { startsAt: string }) => m.startsAt.slice(0, 10);

/** "09:00" of a local wall-clock time. */
export const localClock = (local: string) => local.slice(11, 16);

/** A `datetime-local` value (YYYY-MM-DDTHH:mm) `days` from today at `hour`:00 in the browser's clock. */
export function localAt(days: number, hour: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00`;
}

/** The zones meetings on this border are held in, the browser's own added when it differs. */
export function meetingZones(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set(["America/Bogota", "America/Caracas", "UTC", ...(own ? [own] : [])])];
}

/** The zone a side usually meets in. */
export const zoneOf = (node: string) => (node === "ve" ? "America/Caracas" : "America/Bogota");
