import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";

/**
 * When each Enlace object was first and last written, read from the log. `created` and
 * `modified` are the wall times of the first and last event that shapes the object's STIX
 * form (their hybrid-clock time, which is signed into the event, so both nodes agree on
 * them); `storedAt` is when this node stored the last of those events (what TAXII calls
 * "date added"). Events that do not change the STIX form (a consent request about a report,
 * a level proposal about a sector) are not counted, so they make no new version.
 */
export type SourceKind = "report" | "group" | "sector" | "crossing" | "incident";

export const VERSION_EVENTS: Readonly<Record<SourceKind, readonly string[]>> = {
  report: ["intel_report.written", "intel_report.withdrawn"],
  group: ["threat_actor.recorded", "threat_actor.updated"],
  sector: ["sector.created", "sector.updated"],
  crossing: ["crossing.recorded", "crossing.updated"],
  incident: ["incident.reported", "incident.followup_posted"],
};

export interface Stamp {
  readonly created: string;
  readonly modified: string;
  readonly storedAt: number;
}

/** The ISO instant of a hybrid-clock value (`<ISO>/<counter>`). */
const wallTime = (hlc: string) => hlc.slice(0, hlc.indexOf("/") < 0 ? undefined : hlc.indexOf("/"));

/** Stamps of `ids` of one kind in one space; an id without such events has none. */
export async function stampsIn(sql: Sql, space: string, kind: SourceKind, ids: readonly string[]): Promise<Map<string, Stamp>> {
  const types = VERSION_EVENTS[kind];
  const rows = await allIn<{ subject: string; first: string; last: string; stored: number }>(
    sql,
    [...new Set(ids)],
    (list) =>
      `SELECT subject, MIN(hlc) AS first, MAX(hlc) AS last, MAX(stored_at) AS stored FROM events
       WHERE space = ? AND subject IN (${list}) AND type IN (${types.map(() => "?").join(", ")}) GROUP BY subject`,
    (chunk) => [space, ...chunk, ...types],
  );
  return new Map(rows.map((r) => [r.subject, { created: wallTime(r.first), modified: wallTime(r.last), storedAt: Number(r.stored) }]));
}

/** Stamps of objects that may live in several spaces, each looked up in its own. */
export async function stampsOf(sql: Sql, kind: SourceKind, items: readonly { id: string; space: string }[]): Promise<Map<string, Stamp>> {
  const bySpace = new Map<string, string[]>();
  for (const i of items) bySpace.set(i.space, [...(bySpace.get(i.space) ?? []), i.id]);
  const out = new Map<string, Stamp>();
  for (const [space, ids] of bySpace) for (const [id, s] of await stampsIn(sql, space, kind, ids)) out.set(id, s);
  return out;
}
