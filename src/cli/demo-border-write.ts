import { NATIONAL_SPACE } from "../core/log/envelope";
import {
  answerSectorLevel,
  closeIncident,
  createSector,
  endDeployment,
  postFollowup,
  proposeSectorLevel,
  recordCrossing,
  recordDeployment,
  releaseIncident,
  reportIncident,
  reportPatrol,
} from "../server/border/commands";
import type { Side } from "./demo-border-data";
import type { BorderPlan } from "./demo-border-plan";
import type { SideWriter } from "./demo-border-sides";
import { replicated } from "./demo-replicated";

/**
 * Writes a border plan on the two demo nodes through the border commands, in batches of
 * commands per transaction. Whatever one side does about the other's records (answering a
 * level proposal, following up an incident) waits until replication has brought them over,
 * exactly as it would between two real forces.
 */
type Writers = Readonly<Record<Side, SideWriter>>;

/** Server ids of the plan's sectors (by code) and crossings (by key). */
export interface PlanIds {
  readonly sectors: Map<string, string>;
  readonly crossings: Map<string, string>;
  readonly space: string;
}

const SIDES: readonly Side[] = ["co", "ve"];
const other = (side: Side): Side => (side === "co" ? "ve" : "co");
const iso = (ms: number) => new Date(ms).toISOString();
const BATCH = 500;

const countOn = (w: SideWriter, table: string, want: number, where = "1 = 1", params: unknown[] = []) =>
  replicated(w.node, `SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params, want);

export async function writePlaces(writers: Writers, plan: BorderPlan): Promise<PlanIds> {
  const sectors = new Map<string, string>();
  for (const side of SIDES) {
    await writers[side].batch("commander", async (ctx) => {
      for (const { spec, path } of plan.sectors.filter((s) => s.spec.owner === side)) {
        const units = SIDES.map((s) => ({ node: s, name: spec.units[s] }));
        const line = path.map(([lon, lat]): [number, number] => [lon, lat]);
        sectors.set(
          spec.code,
          await createSector(ctx, { code: spec.code, name: spec.name, description: spec.description, path: line, units }),
        );
      }
    });
  }
  for (const side of SIDES) await countOn(writers[side], "border_sectors", plan.sectors.length);
  const [{ space } = { space: NATIONAL_SPACE }] = await writers.co.node.db.connection((sql) =>
    sql.all<{ space: string }>("SELECT space FROM border_sectors WHERE id = ?", [sectors.values().next().value]),
  );

  // Levels: one side proposes, the other answers; one proposal is rejected and revised, one waits.
  const proposals = new Map<string, string>();
  for (const side of SIDES) {
    await writers[side].batch("commander", async (ctx) => {
      for (const { spec } of plan.sectors.filter((s) => s.spec.level.proposer === side)) {
        const id = sectors.get(spec.code) as string;
        proposals.set(spec.code, await proposeSectorLevel(ctx, id, { level: spec.level.level, reason: spec.level.reason }));
      }
    });
  }
  for (const side of SIDES) await countOn(writers[side], "border_level_proposals", plan.sectors.length);
  const revised = new Map<string, string>();
  for (const side of SIDES) {
    await writers[side].batch("commander", async (ctx) => {
      for (const { spec } of plan.sectors.filter((s) => other(s.spec.level.proposer) === side && s.spec.level.outcome !== "pending")) {
        const id = sectors.get(spec.code) as string;
        const proposal = proposals.get(spec.code) as string;
        if (spec.level.outcome === "accepted") {
          await answerSectorLevel(ctx, id, proposal, { accepted: true, comment: "De acuerdo (ilustrativo)." });
          continue;
        }
        const level = spec.level.revisedTo ?? spec.level.level;
        await answerSectorLevel(ctx, id, proposal, {
          accepted: false,
          comment: `El volumen observado justifica el nivel ${level} (ilustrativo).`,
        });
        revised.set(spec.code, await proposeSectorLevel(ctx, id, { level, reason: `Contrapropuesta: ${spec.level.reason}` }));
      }
    });
  }
  for (const side of SIDES) await countOn(writers[side], "border_level_proposals", plan.sectors.length + revised.size);
  for (const side of SIDES) {
    await writers[side].batch("commander", async (ctx) => {
      for (const { spec } of plan.sectors.filter((s) => s.spec.level.proposer === side && revised.has(s.spec.code))) {
        const id = sectors.get(spec.code) as string;
        await answerSectorLevel(ctx, id, revised.get(spec.code) as string, { accepted: true, comment: "Aceptado (ilustrativo)." });
      }
    });
  }

  const crossings = new Map<string, string>();
  for (const side of SIDES) {
    await writers[side].batch("officer", async (ctx) => {
      for (const c of plan.crossings.filter((x) => x.side === side)) {
        const { name, category, modes, position, status, risk, approximate, note } = c;
        const sectorId = sectors.get(c.sector) ?? null;
        crossings.set(c.key, await recordCrossing(ctx, { name, category, modes, position, sectorId, status, risk, approximate, note }));
      }
    });
  }
  return { sectors, crossings, space };
}

export async function writePresence(writers: Writers, plan: BorderPlan, ids: PlanIds): Promise<void> {
  for (const side of SIDES) {
    await writers[side].batch("officer", async (ctx) => {
      for (const d of plan.deployments.filter((x) => x.side === side)) {
        const id = await recordDeployment(ctx, {
          unit: d.unit,
          crossingId: d.crossing ? (ids.crossings.get(d.crossing) ?? null) : null,
          sectorId: ids.sectors.get(d.sector) ?? null,
          position: d.position,
          from: iso(d.from),
          to: d.to === null ? null : iso(d.to),
          strength: d.strength,
        });
        if (d.endedAt !== null) await endDeployment(ctx, id, { to: iso(d.endedAt) });
      }
      for (const p of plan.patrols.filter((x) => x.side === side)) {
        await reportPatrol(ctx, {
          unit: p.unit,
          sectorId: ids.sectors.get(p.sector) ?? null,
          route: p.route,
          startedAt: iso(p.startedAt),
          endedAt: iso(p.endedAt),
          crossingIds: p.crossings.map((k) => ids.crossings.get(k) as string),
          findings: p.findings,
        });
      }
    });
  }
}

export async function writeIncidents(writers: Writers, plan: BorderPlan, ids: PlanIds): Promise<void> {
  const incidentIds = new Map<number, string>();
  for (const side of SIDES) {
    const mine = plan.incidents.map((incident, index) => ({ incident, index })).filter((x) => x.incident.side === side);
    for (let b = 0; b < mine.length; b += BATCH) {
      await writers[side].batch("officer", async (ctx) => {
        for (const { incident: i, index } of mine.slice(b, b + BATCH)) {
          const id = await reportIncident(ctx, {
            type: i.type,
            occurredAt: iso(i.occurredAt),
            position: i.position,
            crossingId: i.crossing ? (ids.crossings.get(i.crossing) ?? null) : null,
            sectorId: ids.sectors.get(i.sector) ?? null,
            impact: i.impact,
            confidence: i.confidence,
            goods: i.goods,
            summary: i.summary,
            originator: i.originator,
            reportedAt: iso(i.reportedAt),
            ...(i.national ? { space: NATIONAL_SPACE } : {}),
          });
          incidentIds.set(index, id);
          if (i.close) await closeIncident(ctx, id, { reason: i.close.reason });
        }
      });
    }
    await writers[side].batch("commander", async (ctx) => {
      for (const [index, i] of plan.incidents.entries()) {
        if (i.side !== side || !i.release) continue;
        const summary = `Copia liberada al espacio binacional: ${i.summary}`;
        await releaseIncident(ctx, incidentIds.get(index) as string, { space: ids.space, summary });
      }
    });
  }

  // Follow-ups come from the other side, once replication has brought the incident over.
  const shared = (side: Side) => plan.incidents.filter((i) => i.side === side && (!i.national || i.release)).length;
  for (const side of SIDES)
    await countOn(writers[other(side)], "border_incidents", shared(side), "owner = ? AND space = ?", [side, ids.space]);
  for (const side of SIDES) {
    await writers[side].batch("officer", async (ctx) => {
      for (const [index, i] of plan.incidents.entries()) {
        if (i.side === side || !i.followup) continue;
        const { text, impact, confidence } = i.followup;
        await postFollowup(ctx, incidentIds.get(index) as string, { text, goods: [], impact, confidence });
      }
    });
  }
  const followups = plan.incidents.filter((i) => i.followup).length;
  for (const side of SIDES) await countOn(writers[side], "border_followups", followups);
}
