import type { LinkLookups } from "../../core/coordination/decide-intel";
import type { UnitFact } from "../../core/coordination/decide-meetings";
import type { Lookup } from "../../core/coordination/decide-units";
import type { Links } from "../../core/coordination/schema";
import type { SectorRefView } from "../../core/coordination/views";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import type { Sql } from "../db/database";

/**
 * Reference checks and names. An object in a shared space may only point at objects of the
 * same space (the other side must be able to resolve every link); a national object may
 * point at anything this node holds. Sectors, crossings and incidents belong to the border
 * picture: when its tables are not part of this node's model, those ids cannot be checked
 * and are accepted as given.
 */
export async function tableExists(sql: Sql, name: string): Promise<boolean> {
  const rows =
    sql.dialect === "sqlite"
      ? await sql.all("SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = ?", [name])
      : await sql.all("SELECT 1 AS one FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()", [name]);
  return rows.length > 0;
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** The ids of `ids` that `table` does not hold where an object of `space` may point. */
async function missing(sql: Sql, table: string, ids: readonly string[], space: string): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const sameSpace = space === NATIONAL_SPACE ? "" : " AND space = ?";
  const rows = await sql.all<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (${placeholders(wanted.length)})${sameSpace}`, [
    ...wanted,
    ...(sameSpace ? [space] : []),
  ]);
  const found = new Set(rows.map((r) => r.id));
  return wanted.filter((id) => !found.has(id));
}

const BORDER = { sector: "border_sectors", crossing: "border_crossings", incident: "border_incidents" } as const;

export async function borderLookup(sql: Sql, kind: keyof typeof BORDER, ids: readonly string[], space: string): Promise<Lookup> {
  if (ids.length === 0 || !(await tableExists(sql, BORDER[kind]))) return { missing: [] };
  return { missing: await missing(sql, BORDER[kind], ids, space) };
}

export const sectorLookup = (sql: Sql, ids: readonly string[], space: string) => borderLookup(sql, "sector", ids, space);

export async function actorLookup(sql: Sql, ids: readonly string[], space: string): Promise<Lookup> {
  return { missing: await missing(sql, "coord_threat_actors", ids, space) };
}

export async function reportLookup(sql: Sql, ids: readonly string[], space: string): Promise<Lookup> {
  return { missing: await missing(sql, "coord_intel_reports", ids, space) };
}

export async function linkLookups(sql: Sql, links: Links, space: string): Promise<LinkLookups> {
  return {
    threatActorIds: await actorLookup(sql, links.threatActorIds, space),
    sectorIds: await borderLookup(sql, "sector", links.sectorIds, space),
    crossingIds: await borderLookup(sql, "crossing", links.crossingIds, space),
    incidentIds: await borderLookup(sql, "incident", links.incidentIds, space),
  };
}

/** Units of `space` among `ids`, with their side and whether they are retired. */
export async function unitFacts(sql: Sql, ids: readonly string[], space: string): Promise<UnitFact[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = await sql.all<{ id: string; owner: string; name: string; retired_at: string | null }>(
    `SELECT id, owner, name, retired_at FROM coord_units WHERE space = ? AND id IN (${placeholders(wanted.length)})`,
    [space, ...wanted],
  );
  return rows.map((r) => ({ id: r.id, ownerNode: r.owner, name: r.name, retired: r.retired_at !== null }));
}

export async function operationIn(sql: Sql, id: string | null | undefined, space: string): Promise<boolean> {
  if (!id) return false;
  return (await sql.all("SELECT 1 AS one FROM operations WHERE id = ? AND space = ?", [id, space])).length > 0;
}

/** Code and name of each sector this node holds; unknown ones have nulls. */
export async function sectorRefs(sql: Sql, ids: readonly string[]): Promise<(id: string) => SectorRefView> {
  const wanted = [...new Set(ids)];
  const names = new Map<string, { code: string; name: string }>();
  if (wanted.length > 0 && (await tableExists(sql, BORDER.sector))) {
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const rows = await sql.all<{ id: string; code: string; name: string }>(
        `SELECT id, code, name FROM border_sectors WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const r of rows) names.set(r.id, { code: r.code, name: r.name });
    }
  }
  return (id) => ({ id, code: names.get(id)?.code ?? null, name: names.get(id)?.name ?? null });
}

/** Name and node of each unit; unknown ones have nulls. */
export async function unitRefs(sql: Sql, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  const known = new Map<string, { name: string; node: string }>();
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const rows = await sql.all<{ id: string; name: string; owner: string }>(
      `SELECT id, name, owner FROM coord_units WHERE id IN (${placeholders(chunk.length)})`,
      chunk,
    );
    for (const r of rows) known.set(r.id, { name: r.name, node: r.owner });
  }
  return (id: string) => ({ id, name: known.get(id)?.name ?? null, node: known.get(id)?.node ?? null });
}
