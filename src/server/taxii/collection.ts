import type { Tlp } from "../../core/coordination/schema";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { uuidv5 } from "../../core/stix/ids";
import {
  DEFAULT_TLP,
  IDENTITY_TLP,
  identityId,
  incidentId,
  incidentPlaceId,
  locatedAtId,
  placeId,
  reportId,
  sightingId,
  threatActorId,
} from "../../core/stix/objects";
import type { SideSource } from "../../core/stix/sources";
import { laterOf, stixTime } from "../../core/stix/time";
import { TLP_CREATED, TLP_MARKING_IDS } from "../../core/stix/tlp";
import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";
import { type SourceKind, type Stamp, stampsIn } from "../stix/stamps";
import type { Entry } from "./paging";

/**
 * What a TAXII collection holds. One collection per shared space this node has joined: the
 * space's intelligence reports and groups that are not TLP:RED (a withdrawn report stays, as
 * `revoked`), the sectors, crossings and incidents of the space they refer to, the identities
 * of the sides that own them and the TLP definitions they use. National objects never appear:
 * nothing is read outside the space.
 *
 * An object's date added is when this node stored the event that made its current version,
 * or, if later, when the first report or group that refers to it was stored: the moment it
 * entered the collection. Dates only move forward, so `added_after` polling misses nothing.
 */
export interface Collection {
  readonly id: string;
  readonly space: string;
  readonly title: string;
  readonly description: string;
}

export const collectionId = (space: string) => uuidv5(`taxii-collection/${space}`);

/** The shared spaces this node has joined, as collections. */
export async function listCollections(sql: Sql, node: string): Promise<Collection[]> {
  const rows = await sql.all<{ id: string; name: string }>(
    `SELECT s.id, s.name FROM spaces s JOIN space_members m ON m.space = s.id
     WHERE m.node = ? AND m.joined_at IS NOT NULL AND s.id <> ? ORDER BY s.created_at, s.id`,
    [node, NATIONAL_SPACE],
  );
  return rows.map((r) => ({
    id: collectionId(r.id),
    space: r.id,
    title: r.name,
    description: `Inteligencia publicada en el espacio ${r.id} (TLP:RED excluido) / Intelligence released into space ${r.id} (TLP:RED left out)`,
  }));
}

/** Where an entry comes from: the Enlace object (or side, or TLP level) it is drawn from. */
export type Origin =
  | { readonly kind: SourceKind; readonly id: string /** A group's `located-at`: the sector. */; readonly sector?: string }
  | { readonly kind: "identity"; readonly id: string }
  | { readonly kind: "marking"; readonly id: Tlp };

export interface IndexEntry extends Entry {
  readonly origin: Origin;
}

/** The index of a collection and the facts a page needs to write its objects. */
export interface CollectionIndex {
  readonly entries: IndexEntry[];
  readonly owners: ReadonlyMap<string, string>;
  /** Per active report: its links that are in the collection. */
  readonly reportLinks: ReadonlyMap<string, { groups: string[]; sectors: string[]; crossings: string[]; incidents: string[] }>;
  /** Per group: its areas that are in the collection. */
  readonly groupAreas: ReadonlyMap<string, string[]>;
  readonly stamps: ReadonlyMap<string, Stamp>;
  readonly sides: readonly SideSource[];
}

interface Row {
  id: string;
  owner: string;
}

const version = (s: Stamp) => laterOf(stixTime(s.modified), stixTime(s.created));

/** Rows of a border table in `space` among `ids`. */
const inSpace = (sql: Sql, table: string, space: string, ids: readonly string[]) =>
  allIn<Row>(
    sql,
    [...new Set(ids)],
    (list) => `SELECT id, owner FROM ${table} WHERE space = ? AND id IN (${list})`,
    (c) => [space, ...c],
  );

export async function collectionIndex(sql: Sql, space: string, sides: readonly SideSource[]): Promise<CollectionIndex> {
  const reports = await sql.all<Row & { tlp: Tlp; status: string; links: string }>(
    "SELECT id, owner, tlp, status, links FROM coord_intel_reports WHERE space = ? AND tlp <> 'red'",
    [space],
  );
  const groups = await sql.all<Row & { tlp: Tlp; areas: string }>(
    "SELECT id, owner, tlp, areas FROM coord_threat_actors WHERE space = ? AND tlp <> 'red'",
    [space],
  );
  const active = reports.filter((r) => r.status !== "withdrawn").map((r) => ({ ...r, l: JSON.parse(r.links) as Record<string, string[]> }));
  const areas = new Map(groups.map((g) => [g.id, JSON.parse(g.areas) as string[]]));
  const sectors = await inSpace(sql, "border_sectors", space, [
    ...active.flatMap((r) => r.l.sectorIds ?? []),
    ...[...areas.values()].flat(),
  ]);
  const crossings = await inSpace(
    sql,
    "border_crossings",
    space,
    active.flatMap((r) => r.l.crossingIds ?? []),
  );
  const incidents = await inSpace(
    sql,
    "border_incidents",
    space,
    active.flatMap((r) => r.l.incidentIds ?? []),
  );

  const stamps = new Map<string, Stamp>();
  const stampAll = async (kind: SourceKind, rows: readonly Row[]) => {
    for (const [id, s] of await stampsIn(
      sql,
      space,
      kind,
      rows.map((r) => r.id),
    ))
      stamps.set(id, s);
  };
  await stampAll("report", reports);
  await stampAll("group", groups);
  await stampAll("sector", sectors);
  await stampAll("crossing", crossings);
  await stampAll("incident", incidents);
  const has = (id: string) => stamps.has(id);
  const owners = new Map([...reports, ...groups, ...sectors, ...crossings, ...incidents].map((r) => [r.id, r.owner]));

  // Groups, sectors, crossings and incidents enter when the first report or group citing them was stored.
  const entered = new Map<string, number>();
  const cite = (id: string, by: string) => {
    const at = stamps.get(by)?.storedAt;
    if (at !== undefined && has(id)) entered.set(id, Math.min(entered.get(id) ?? at, at));
  };
  const reportLinks = new Map<string, { groups: string[]; sectors: string[]; crossings: string[]; incidents: string[] }>();
  const groupIds = new Set(groups.filter((g) => has(g.id)).map((g) => g.id));
  for (const r of active) {
    if (!has(r.id)) continue;
    const links = {
      groups: (r.l.threatActorIds ?? []).filter((id) => groupIds.has(id)),
      sectors: (r.l.sectorIds ?? []).filter(has),
      crossings: (r.l.crossingIds ?? []).filter(has),
      incidents: (r.l.incidentIds ?? []).filter(has),
    };
    reportLinks.set(r.id, links);
    for (const id of [...links.sectors, ...links.crossings, ...links.incidents]) cite(id, r.id);
  }
  const groupAreas = new Map<string, string[]>();
  for (const g of groupIds) {
    const present = (areas.get(g) ?? []).filter((s) => sectors.some((x) => x.id === s) && has(s));
    groupAreas.set(g, present);
    for (const s of present) cite(s, g);
  }

  const entries: IndexEntry[] = [];
  const tlpOf = new Map<string, Tlp>();
  const add = (id: string, type: string, v: string, dateAdded: number, origin: Origin, tlp: Tlp, owner: string) => {
    entries.push({ id, type, version: v, dateAdded, origin });
    tlpOf.set(id, tlp);
    owned.set(id, owner);
  };
  const owned = new Map<string, string>();
  const dateOf = (id: string) => Math.max(stamps.get(id)?.storedAt ?? 0, entered.get(id) ?? 0);
  for (const r of reports) {
    const s = stamps.get(r.id);
    if (s) add(reportId(r.id), "report", version(s), s.storedAt, { kind: "report", id: r.id }, r.tlp, r.owner);
  }
  for (const g of groups) {
    const s = stamps.get(g.id);
    if (!s) continue;
    add(threatActorId(g.id), "threat-actor", version(s), s.storedAt, { kind: "group", id: g.id }, g.tlp, g.owner);
    for (const sector of groupAreas.get(g.id) ?? []) {
      add(
        locatedAtId(g.id, sector),
        "relationship",
        version(s),
        Math.max(s.storedAt, dateOf(sector)),
        { kind: "group", id: g.id, sector },
        g.tlp,
        g.owner,
      );
    }
  }
  for (const [kind, rows] of [
    ["sector", sectors],
    ["crossing", crossings],
  ] as const) {
    for (const p of rows) {
      const s = stamps.get(p.id);
      if (s && entered.has(p.id)) add(placeId(p.id), "location", version(s), dateOf(p.id), { kind, id: p.id }, DEFAULT_TLP, p.owner);
    }
  }
  for (const i of incidents) {
    const s = stamps.get(i.id);
    if (!s || !entered.has(i.id)) continue;
    const origin = { kind: "incident", id: i.id } as const;
    add(incidentId(i.id), "incident", version(s), dateOf(i.id), origin, DEFAULT_TLP, i.owner);
    add(incidentPlaceId(i.id), "location", version(s), dateOf(i.id), origin, DEFAULT_TLP, i.owner);
    add(sightingId(i.id), "sighting", version(s), dateOf(i.id), origin, DEFAULT_TLP, i.owner);
  }
  // Identities and markings enter with the first object that names them.
  const firstBy = (key: (e: IndexEntry) => string) => {
    const m = new Map<string, number>();
    for (const e of entries) m.set(key(e), Math.min(m.get(key(e)) ?? e.dateAdded, e.dateAdded));
    return m;
  };
  const byOwner = firstBy((e) => owned.get(e.id) ?? "");
  // A side this node holds no record of is still named, by its node id.
  const earliest = [...stamps.values()].map((s) => s.created).sort()[0] ?? new Date(0).toISOString();
  const unknown = [...byOwner.keys()].filter((n) => !sides.some((s) => s.node === n));
  const known = [...sides, ...unknown.map((node) => ({ node, name: node, country: "", created: earliest }))];
  for (const side of known) {
    const at = byOwner.get(side.node);
    if (at !== undefined)
      add(identityId(side.node), "identity", stixTime(side.created), at, { kind: "identity", id: side.node }, IDENTITY_TLP, side.node);
  }
  const byTlp = firstBy((e) => tlpOf.get(e.id) ?? DEFAULT_TLP);
  for (const [level, at] of byTlp) {
    entries.push({
      id: TLP_MARKING_IDS[level as Tlp],
      type: "marking-definition",
      version: TLP_CREATED,
      dateAdded: at,
      origin: { kind: "marking", id: level as Tlp },
    });
  }
  return { entries, owners, reportLinks, groupAreas, stamps, sides: known };
}
