import type { UnitState } from "../../core/coordination/decide-units";
import type { Contact } from "../../core/coordination/schema";
import type { UnitView } from "../../core/coordination/views";
import { allIn } from "../commitments/queries";
import type { Sql } from "../db/database";
import { decodeCursor, pageOf, parseList } from "./paging";
import { sectorRefs, unitRefs } from "./refs";

/** Reads of the units table: rows, the state decisions need, and the API's views. */
export interface UnitRow {
  id: string;
  space: string;
  owner: string;
  name: string;
  code: string;
  echelon: UnitView["echelon"];
  description: string;
  commander_post: string;
  commander_username: string | null;
  contacts: string;
  jurisdiction: string;
  counterparts: string;
  action_operation_id: string | null;
  retired_at: string | null;
  retired_reason: string | null;
  created_at: string;
  updated_at: string;
}

export async function unitRow(sql: Sql, id: string): Promise<UnitRow | undefined> {
  return (await sql.all<UnitRow>("SELECT * FROM coord_units WHERE id = ?", [id]))[0];
}

export function toUnitState(r: UnitRow): UnitState {
  return {
    id: r.id,
    space: r.space,
    ownerNode: r.owner,
    retired: r.retired_at !== null,
    fields: {
      name: r.name,
      code: r.code,
      echelon: r.echelon,
      description: r.description,
      commander: { post: r.commander_post, username: r.commander_username },
      contacts: parseList<Contact>(r.contacts),
      jurisdiction: parseList(r.jurisdiction),
      counterparts: parseList(r.counterparts),
    },
  };
}

/** Views of unit rows: sector names from the border picture, counterparts with `mutual`. */
export async function toUnitViews(sql: Sql, rows: readonly UnitRow[]): Promise<UnitView[]> {
  const sector = await sectorRefs(
    sql,
    rows.flatMap((r) => parseList(r.jurisdiction)),
  );
  const counterpartIds = rows.flatMap((r) => parseList(r.counterparts));
  const unit = await unitRefs(sql, counterpartIds);
  const theirs = new Map<string, string[]>();
  const named = await allIn<{ id: string; counterparts: string }>(
    sql,
    [...new Set(counterpartIds)],
    (list) => `SELECT id, counterparts FROM coord_units WHERE id IN (${list})`,
  );
  for (const r of named) theirs.set(r.id, parseList(r.counterparts));
  return rows.map((r) => {
    const s = toUnitState(r);
    return {
      id: r.id,
      space: r.space,
      ownerNode: r.owner,
      ...s.fields,
      jurisdiction: s.fields.jurisdiction.map(sector),
      counterparts: s.fields.counterparts.map((id) => ({ ...unit(id), mutual: (theirs.get(id) ?? []).includes(r.id) })),
      actionOperationId: r.action_operation_id,
      retired: r.retired_at !== null,
      retiredAt: r.retired_at,
      retiredReason: r.retired_reason,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function unitView(sql: Sql, id: string): Promise<UnitView | undefined> {
  const row = await unitRow(sql, id);
  return row && (await toUnitViews(sql, [row]))[0];
}

export interface UnitFilter {
  node?: string;
  sectorId?: string;
  includeRetired: boolean;
  limit: number;
  cursor?: string;
}

/** Units by side then name. */
export async function listUnits(sql: Sql, f: UnitFilter): Promise<{ items: UnitView[]; next: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const after = decodeCursor(f.cursor, 3);
  if (after) {
    where.push("(owner > ? OR (owner = ? AND (name > ? OR (name = ? AND id > ?))))");
    params.push(after[0], after[0], after[1], after[1], after[2]);
  }
  if (f.node) {
    where.push("owner = ?");
    params.push(f.node);
  }
  if (f.sectorId) {
    where.push("id IN (SELECT unit_id FROM coord_unit_sectors WHERE sector_id = ?)");
    params.push(f.sectorId);
  }
  if (!f.includeRetired) where.push("retired_at IS NULL");
  const rows = await sql.all<UnitRow>(
    `SELECT * FROM coord_units ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY owner, name, id LIMIT ?`,
    [...params, f.limit + 1],
  );
  const page = pageOf(rows, f.limit, (r) => [r.owner, r.name, r.id]);
  return { items: await toUnitViews(sql, page.rows), next: page.next };
}
