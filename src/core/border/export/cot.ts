import type { IncidentType } from "../schema";
import type { CrossingView, IncidentView } from "../views";
import { CROSSING_CATEGORY_LABELS, FIELD_LABELS, goodsText, IMPACT_LABELS, INCIDENT_TYPE_LABELS, type Lang, STATUS_LABELS } from "./labels";
import { xmlAttr, xmlText } from "./xml";

/**
 * Cursor-on-Target 2.0 events for TAK clients. Types are MIL-STD-2525-style strings from
 * the CoT type tree (affiliation in the second atom):
 * - formal crossing: `a-n-G-I-i-o-bcc` (neutral, ground structure, border control checkpoint);
 * - informal crossing: `a-u-G-I-i-o-bcc` (the same, affiliation unknown: nobody controls a trocha);
 * - smuggling of any goods: `a-s-X-i-l-l` (suspect, incident, security, law enforcement activity);
 * - irregular crossing: `a-s-X-i-l` (suspect, incident, security);
 * - armed-group activity: `a-h-X-i-l` (hostile, incident, security);
 * - other: `a-u-X-i` (unknown, incident).
 * `uid` is stable per object (`enlace-crossing-<id>`, `enlace-incident-<id>`), so a client
 * polling the feed updates markers instead of duplicating them. Height and linear error are
 * unknown (9999999, the CoT convention); circular error is 50 m for a surveyed crossing,
 * 1 km for an approximate one and 100 m for a reported incident.
 */
export const COT_UNKNOWN = 9999999;

export function incidentCotType(type: IncidentType): string {
  if (type.startsWith("smuggling_")) return "a-s-X-i-l-l";
  if (type === "irregular_crossing") return "a-s-X-i-l";
  if (type === "armed_group_activity") return "a-h-X-i-l";
  return "a-u-X-i";
}

export function crossingCotType(category: CrossingView["category"]): string {
  return category === "formal" ? "a-n-G-I-i-o-bcc" : "a-u-G-I-i-o-bcc";
}

export interface CotTimes {
  /** When the feed was generated: `time` and `start` of every event. */
  readonly now: Date;
  /** How long a crossing stays on a client's map without a refresh. */
  readonly crossingStaleMs: number;
  /** The feed's window: an incident goes stale when it would leave the window. */
  readonly windowMs: number;
}

function event(
  uid: string,
  type: string,
  times: { time: Date; stale: Date },
  point: { lat: number; lon: number; ce: number },
  callsign: string,
  remarks: string,
): string {
  const t = times.time.toISOString();
  return (
    `<event version="2.0" uid="${xmlAttr(uid)}" type="${type}" how="h-e" time="${t}" start="${t}" stale="${times.stale.toISOString()}">` +
    `<point lat="${point.lat}" lon="${point.lon}" hae="${COT_UNKNOWN}" ce="${point.ce}" le="${COT_UNKNOWN}"/>` +
    `<detail><contact callsign="${xmlAttr(callsign)}"/><remarks>${xmlText(remarks)}</remarks></detail></event>`
  );
}

export function crossingCot(c: CrossingView, times: CotTimes, lang: Lang): string {
  const remarks = [
    CROSSING_CATEGORY_LABELS[c.category][lang],
    `${FIELD_LABELS.modes[lang]}: ${c.modes.join(", ")}`,
    `${FIELD_LABELS.status[lang]}: ${STATUS_LABELS[c.status][lang]}`,
    `${FIELD_LABELS.risk[lang]}: ${c.risk}`,
    `${FIELD_LABELS.side[lang]}: ${c.ownerNode}`,
    ...(c.approximate ? [FIELD_LABELS.approximate[lang]] : []),
    ...(c.note ? [c.note] : []),
  ].join("\n");
  return event(
    `enlace-crossing-${c.id}`,
    crossingCotType(c.category),
    { time: times.now, stale: new Date(times.now.getTime() + times.crossingStaleMs) },
    { lat: c.location.lat, lon: c.location.lon, ce: c.approximate ? 1000 : 50 },
    c.name,
    remarks,
  );
}

export function incidentCot(i: IncidentView, times: CotTimes, lang: Lang): string {
  const remarks = [
    `${INCIDENT_TYPE_LABELS[i.type][lang]} · ${i.occurredAt}`,
    `${FIELD_LABELS.impact[lang]}: ${IMPACT_LABELS[i.impact][lang]} · ${FIELD_LABELS.confidence[lang]}: ${i.confidence.reliability}${i.confidence.credibility}`,
    ...(i.goods.length ? [`${FIELD_LABELS.goods[lang]}: ${goodsText(i.goods, lang)}`] : []),
    `${FIELD_LABELS.status[lang]}: ${STATUS_LABELS[i.status][lang]} · ${FIELD_LABELS.side[lang]}: ${i.ownerNode}`,
    ...(i.summary ? [i.summary] : []),
  ].join("\n");
  // Stays on the map until it would drop out of the feed's window, never before now.
  const stale = Math.max(Date.parse(i.occurredAt) + times.windowMs, times.now.getTime() + 60_000);
  return event(
    `enlace-incident-${i.id}`,
    incidentCotType(i.type),
    { time: times.now, stale: new Date(stale) },
    { lat: i.location.lat, lon: i.location.lon, ce: 100 },
    `${INCIDENT_TYPE_LABELS[i.type][lang]} ${i.id.slice(-6)}`,
    remarks,
  );
}

/**
 * The feed: one XML document whose root `<events>` holds one CoT `<event>` per object.
 * A TAK client or bridge reads each child as a standalone CoT message.
 */
export async function* cotDocument(events: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<events>\n';
  for await (const e of events) yield `${e}\n`;
  yield "</events>\n";
}
