import { offsetMinutes, transitions, utcToZoned } from "../../../core/coordination/time";
import { localStamp } from "./ics-text";

/**
 * A VTIMEZONE for an IANA zone over the span a calendar uses (RFC 5545 §3.6.5), built from
 * the runtime's zone data: one observance for the offset in force at the start, then one per
 * offset change, each with its own onset. DAYLIGHT marks offsets above the span's lowest.
 */
const YEAR_MS = 366 * 24 * 60 * 60_000;

export const isUtcZone = (tz: string) => /^(UTC|Etc\/UTC|Etc\/GMT|GMT)$/i.test(tz);

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
};

export function vtimezone(tz: string, fromMs: number, toMs: number): string[] {
  const from = fromMs - YEAR_MS;
  const to = toMs + YEAR_MS;
  const first = offsetMinutes(from, tz);
  const changes = transitions(tz, from, to);
  const lowest = Math.min(first, ...changes.map((c) => c.to));
  const observance = (onsetLocal: string, fromOff: number, toOff: number) => {
    const kind = toOff > lowest ? "DAYLIGHT" : "STANDARD";
    return [
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(onsetLocal)}`,
      `TZOFFSETFROM:${offsetText(fromOff)}`,
      `TZOFFSETTO:${offsetText(toOff)}`,
      `END:${kind}`,
    ];
  };
  const lines = ["BEGIN:VTIMEZONE", `TZID:${tz}`, ...observance(utcToZoned(from, tz), first, first)];
  // An onset is the local time at which the change happens, read on the clock before it.
  for (const c of changes) lines.push(...observance(new Date(c.at + c.from * 60_000).toISOString().slice(0, 19), c.from, c.to));
  lines.push("END:VTIMEZONE");
  return lines;
}
