import type { z } from "zod";
import { decideIntelReport } from "../../core/coordination/decide-intel";
import { decideThreatActor, decideThreatActorPatch } from "../../core/coordination/decide-threats";
import { intelReportInput, threatActorInput } from "../../core/coordination/threat-inputs";
import { DomainError } from "../../core/errors";
import { NATIONAL_SPACE, type NewEvent } from "../../core/log/envelope";
import { uuidv5 } from "../../core/stix/ids";
import { type ImportedGroup, type ImportedReport, type ImportPlan, planImport } from "../../core/stix/import";
import { reportId, threatActorId } from "../../core/stix/objects";
import { canStix } from "../../core/stix/policy";
import { matchSector } from "../../core/stix/sector-match";
import { actorName, type CommandContext } from "../admin/commands";
import { listSectors } from "../border/queries";
import { linkLookups, sectorLookup } from "../coordination/refs";
import { actorRow, toActorState } from "../coordination/threat-queries";
import type { Sql } from "../db/database";

/**
 * Imports a STIX 2.1 bundle into the national space, in one transaction: threat actors
 * become groups (their `located-at` locations, matched to sectors, their areas), reports
 * become national intelligence reports linked to those groups and sectors. A STIX id always
 * maps to the same Enlace object — one this node already holds (it exported it), or the one
 * a first import created (its id derived from the STIX id) — so importing again changes
 * nothing, or updates a group whose STIX version is newer than its last change here. Nothing is written on any error.
 */
export interface ImportOutcome {
  readonly stixId: string;
  readonly id: string;
  readonly status: "created" | "updated" | "unchanged" | "existing";
}

export interface ImportResult {
  readonly groups: ImportOutcome[];
  readonly reports: ImportOutcome[];
  readonly sectorsMatched: number;
  readonly locationsUnmatched: number;
  /** Report links to objects neither in the bundle nor held here. */
  readonly unresolvedRefs: number;
  readonly skipped: Record<string, number>;
}

/** The Enlace id a first import gives the object a STIX id names. */
export const importedId = (stixId: string) => uuidv5(`import/${stixId}`);

/** STIX ids of what this node holds (its own exports come back as these). */
async function heldIds(sql: Sql, table: "coord_threat_actors" | "coord_intel_reports", toStix: (id: string) => string) {
  const rows = await sql.all<{ id: string }>(`SELECT id FROM ${table}`);
  return new Map(rows.map((r) => [toStix(r.id), r.id]));
}

/** Validates one mapped object with the domain's own input schema, naming the STIX property at fault. */
function checked<S extends z.ZodType>(schema: S, value: unknown, index: number, names: Record<string, string>): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const [head, ...rest] = (issue?.path ?? []).map(String);
  const field = [`objects.${index}`, names[head ?? ""] ?? head, ...rest].filter(Boolean).join(".");
  throw new DomainError("stix.invalid", `${field}: ${issue?.message ?? "invalid"}`, field);
}

const GROUP_FIELDS = {
  name: "name",
  aliases: "aliases",
  activities: "goals",
  description: "description",
  firstSeen: "first_seen",
  lastSeen: "last_seen",
};
const REPORT_FIELDS = {
  summary: "name",
  body: "description",
  originator: "x_enlace_originator",
  confidence: "confidence",
  links: "object_refs",
};

function groupInput(g: ImportedGroup, areas: string[]) {
  return {
    name: g.name,
    aliases: [...new Set(g.aliases.map((a) => a.trim()).filter((a) => a && a !== g.name))],
    activities: g.activities,
    description: g.description,
    areas,
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
    tlp: g.tlp,
    space: NATIONAL_SPACE,
  };
}

export async function importStix(ctx: CommandContext, bundle: unknown): Promise<ImportResult> {
  if (!canStix(ctx.actor.role, "stix.import")) throw new DomainError("auth.forbidden", `role ${ctx.actor.role} may not import STIX`);
  const plan: ImportPlan = planImport(bundle);
  const actor = actorName(ctx.actor);
  const t = { space: NATIONAL_SPACE, actor, node: ctx.actor.node };
  return ctx.store.write(async (tx) => {
    const sql = tx.sql;
    const sectors = (await listSectors(sql)).map((s) => ({ id: s.id, code: s.code, name: s.name, path: s.path }));
    const locations = new Map<string, string | undefined>(plan.locations.map((l) => [l.stixId, matchSector(l, sectors)]));
    const areasOf = (refs: readonly string[]) => [
      ...new Set(refs.map((r) => locations.get(r)).filter((s): s is string => s !== undefined)),
    ];
    const heldGroups = await heldIds(sql, "coord_threat_actors", threatActorId);
    const heldReports = await heldIds(sql, "coord_intel_reports", reportId);
    const events: NewEvent[] = [];
    const groups: ImportOutcome[] = [];
    const groupIds = new Map<string, string>();

    for (const g of plan.groups) {
      const held = heldGroups.get(g.stixId);
      if (held) {
        groups.push({ stixId: g.stixId, id: held, status: "existing" });
        groupIds.set(g.stixId, held);
        continue;
      }
      const id = importedId(g.stixId);
      groupIds.set(g.stixId, id);
      const input = checked(threatActorInput, groupInput(g, areasOf(g.locationRefs)), g.index, GROUP_FIELDS);
      const row = await actorRow(sql, id);
      if (!row) {
        events.push(...decideThreatActor(input, id, await sectorLookup(sql, input.areas, NATIONAL_SPACE), t));
        groups.push({ stixId: g.stixId, id, status: "created" });
        continue;
      }
      // Only a different and newer STIX version changes the group: an older bundle must not undo later edits made here.
      const state = toActorState(row);
      const { space: _space, ...fields } = input;
      const same = JSON.stringify(state.fields) === JSON.stringify({ ...state.fields, ...fields });
      if (same || Date.parse(g.modified) <= Date.parse(row.updated_at)) {
        groups.push({ stixId: g.stixId, id, status: "unchanged" });
        continue;
      }
      const sectorsFound = await sectorLookup(sql, input.areas, NATIONAL_SPACE);
      events.push(...decideThreatActorPatch(state, { ...fields, note: "STIX" }, sectorsFound, t));
      groups.push({ stixId: g.stixId, id, status: "updated" });
    }
    // Groups go in first, in this same transaction, so the reports' links find them.
    if (events.length > 0) await tx.append(events.splice(0));

    let unresolvedRefs = 0;
    const reports: ImportOutcome[] = [];
    for (const r of plan.reports) {
      const held = heldReports.get(r.stixId);
      const id = held ?? importedId(r.stixId);
      if (held || (await sql.all("SELECT 1 AS one FROM coord_intel_reports WHERE id = ?", [id])).length > 0) {
        reports.push({ stixId: r.stixId, id, status: held ? "existing" : "unchanged" });
        continue;
      }
      const threatActorIds = [
        ...new Set(r.groupRefs.map((ref) => groupIds.get(ref) ?? heldGroups.get(ref)).filter((x): x is string => !!x)),
      ];
      const sectorIds = areasOf(r.locationRefs);
      unresolvedRefs += r.groupRefs.length - r.groupRefs.filter((ref) => groupIds.has(ref) || heldGroups.has(ref)).length;
      const input = checked(intelReportInput, reportInput(r, threatActorIds, sectorIds), r.index, REPORT_FIELDS);
      const lookups = await linkLookups(sql, input.links, NATIONAL_SPACE);
      events.push(...decideIntelReport(input, id, lookups, t));
      reports.push({ stixId: r.stixId, id, status: "created" });
    }
    if (events.length > 0) await tx.append(events);
    return {
      groups,
      reports,
      sectorsMatched: [...locations.values()].filter((s) => s !== undefined).length,
      locationsUnmatched: [...locations.values()].filter((s) => s === undefined).length,
      unresolvedRefs,
      skipped: plan.skipped,
    };
  });
}

function reportInput(r: ImportedReport, threatActorIds: string[], sectorIds: string[]) {
  return {
    summary: r.summary,
    body: r.body,
    tlp: r.tlp,
    confidence: r.confidence,
    links: { threatActorIds, sectorIds, crossingIds: [], incidentIds: [] },
    originator: r.originator,
  };
}
