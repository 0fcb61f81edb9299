import { type MeetingInput, seriesInput, unitInput } from "../core/coordination/inputs";
import {
  assessmentInput,
  intelReportInput,
  releaseInput,
  rfiInput,
  riskFactorInput,
  threatActorInput,
} from "../core/coordination/threat-inputs";
import { addLocal } from "../core/coordination/time";
import { NATIONAL_SPACE } from "../core/log/envelope";
import { consoleActor } from "../server/admin/commands";
import { patchActivity, postReport, resolveSpace, todayUtc } from "../server/commitments/commands";
import { releaseReport, replyToRfi, requestInformation, writeReport } from "../server/coordination/intel-commands";
import { confirmAttendance, createSeries, recordMinutes, recordOutcome } from "../server/coordination/meeting-commands";
import { tableExists } from "../server/coordination/refs";
import { recordAssessment, recordRiskFactor, recordThreatActor, reviseAssessment } from "../server/coordination/threat-commands";
import { createUnit, patchUnit } from "../server/coordination/unit-commands";
import type { NodeRuntime } from "../server/node";
import { ACTIONS, AGENDA, DECISIONS, GROUPS, ILLUSTRATIVE, INFORMATION, MINUTES, REPORTS, ZONES } from "./demo-coordination-data";
import { replicated } from "./demo-replicated";

/**
 * The coordination demo (issue 7, agreement 4), seeded after the border picture whose sectors
 * it looks up: a regional unit of each side per sector, counterparts of each other; a year
 * of monthly meetings for four sector pairs, hosted by either side, with attendance, minutes
 * and outcomes whose action items are tracked activities; a few groups, risk factors,
 * assessments, intelligence reports (some released) and an answered request for information.
 * Everything is illustrative and says so. Each side writes only what is its own, and waits
 * for replication before acting on the other's records, as two real forces would.
 */
type Side = "co" | "ve";
const SIDES: readonly Side[] = ["co", "ve"];
const other = (s: Side): Side => (s === "co" ? "ve" : "co");

interface SectorRow {
  id: string;
  code: string;
  name: string;
  owner: string;
  units: string;
}

interface Pair {
  readonly sector: SectorRow | undefined;
  readonly unit: Record<Side, string>;
  readonly name: Record<Side, string>;
}

const inList = (ids: readonly string[]) => ids.map(() => "?").join(", ");

/** Seeds both demo nodes once (returns false when units already exist or nothing is shared). */
export async function seedCoordination(co: NodeRuntime, ve: NodeRuntime, today = todayUtc()): Promise<boolean> {
  const nodes = { co, ve };
  const [row] = await co.db.connection((sql) => sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM coord_units"));
  if (Number(row?.n ?? 0) > 0) return false;
  const space = await co.db.connection((sql) => resolveSpace(sql, "co"));
  if (space === NATIONAL_SPACE) return false;
  const sectors = await co.db.connection(async (sql) =>
    (await tableExists(sql, "border_sectors"))
      ? sql.all<SectorRow>("SELECT id, code, name, owner, units FROM border_sectors WHERE space = ? ORDER BY code", [space])
      : [],
  );
  const as = (s: Side) => ({ store: nodes[s].store, actor: { ...consoleActor(s), username: "demo" } });
  const pairs = await seedUnits(nodes, as, space, sectors);
  await seedMeetings(nodes, as, space, pairs.slice(0, 4), today);
  const groups = await seedRegister(nodes, as, space, pairs, today);
  await seedIntel(nodes, as, space, pairs, groups);
  return true;
}

type As = (s: Side) => Parameters<typeof createUnit>[0];
type Nodes = Record<Side, NodeRuntime>;

async function seedUnits(nodes: Nodes, as: As, space: string, sectors: readonly SectorRow[]): Promise<Pair[]> {
  const specs = sectors.length ? sectors : [undefined];
  const names = specs.map((s) => {
    const units = s ? (JSON.parse(s.units) as { node: string; name: string }[]) : [];
    const nameOf = (side: Side) =>
      units.find((u) => u.node === side)?.name ?? `Unidad regional ilustrativa ${s?.code ?? ""} (${side})`.replace("  ", " ");
    return { co: nameOf("co"), ve: nameOf("ve") };
  });
  const unit = (side: Side, i: number, counterparts: string[]) => {
    const s = specs[i];
    return unitInput.parse({
      name: names[i]?.[side],
      code: s ? `${s.code}-${side.toUpperCase()}` : "",
      echelon: "brigade",
      description: `Unidad regional con jurisdicción en ${s?.name ?? "la frontera"}. ${ILLUSTRATIVE}.`,
      commander: { post: `Comandante (ilustrativo) de ${names[i]?.[side]}`, username: "comandante" },
      contacts: [
        { channel: "enlace", value: "Canal de mando de Enlace", label: "Mensajes entre comandantes" },
        { channel: "radio", value: `Indicativo ${s?.code ?? "REG"}-${side.toUpperCase()} (ilustrativo)`, label: "Red de mando" },
      ],
      jurisdiction: s ? [s.id] : [],
      counterparts,
      space,
    });
  };
  const coIds: string[] = [];
  for (const i of specs.keys()) coIds.push(await createUnit(as("co"), unit("co", i, [])));
  await replicated(nodes.ve, `SELECT COUNT(*) AS n FROM coord_units WHERE id IN (${inList(coIds)})`, coIds, coIds.length);
  const veIds: string[] = [];
  for (const i of specs.keys()) veIds.push(await createUnit(as("ve"), unit("ve", i, [coIds[i] as string])));
  await replicated(nodes.co, `SELECT COUNT(*) AS n FROM coord_units WHERE id IN (${inList(veIds)})`, veIds, veIds.length);
  for (const i of specs.keys()) await patchUnit(as("co"), coIds[i] as string, { counterparts: [veIds[i] as string] });
  return specs.map((sector, i) => ({
    sector,
    unit: { co: coIds[i] as string, ve: veIds[i] as string },
    name: names[i] as Record<Side, string>,
  }));
}

interface Held {
  id: string;
  title: string;
  starts_at: string;
  agenda: string;
}

async function seedMeetings(nodes: Nodes, as: As, space: string, pairs: readonly Pair[], today: string): Promise<void> {
  const now = Date.parse(`${today}T12:00:00Z`);
  const firstMonth = (addLocal(`${today.slice(0, 8)}01T09:00`, "month", -12) ?? today).slice(0, 8);
  const actions: { id: string; host: Side; owner: Side; due: string; late: boolean }[] = [];
  for (const [i, p] of pairs.entries()) {
    const host: Side = i % 2 === 0 ? "co" : "ve";
    const guest = other(host);
    const startsAt = `${firstMonth}${String(5 + 5 * i).padStart(2, "0")}T09:00`;
    const template: Omit<MeetingInput, "space"> = {
      title: `Reunión mensual de coordinación — ${p.sector?.name ?? "frontera"} (ilustrativa)`,
      description: `Reunión regional mensual entre ${p.name[host]} y ${p.name[guest]}. ${ILLUSTRATIVE}.`,
      hostUnitId: p.unit[host],
      invitedUnitIds: [p.unit[guest]],
      agenda: AGENDA.map((a) => ({ ...a, unitId: null })),
      startsAt,
      endsAt: startsAt.replace("T09:00", "T12:00"),
      timezone: ZONES[host],
      place: `Sede ilustrativa de ${p.name[host]}`,
      sectorId: p.sector?.id ?? null,
      operationId: null,
      reminders: [1440, 60],
    };
    const seriesId = await createSeries(as(host), seriesInput.parse({ ...template, rrule: "FREQ=MONTHLY;COUNT=15", space }));
    await replicated(nodes[guest], "SELECT COUNT(*) AS n FROM coord_meetings WHERE series_id = ?", [seriesId], 15);
    const past = await nodes[host].db.connection((sql) =>
      sql.all<Held>("SELECT id, title, starts_at, agenda FROM coord_meetings WHERE series_id = ? AND start_utc < ? ORDER BY start_utc", [
        seriesId,
        new Date(now).toISOString(),
      ]),
    );
    for (const [k, m] of past.entries()) {
      const date = m.starts_at.slice(0, 10);
      const agenda = JSON.parse(m.agenda) as { id: string }[];
      await confirmAttendance(as(host), m.id, {
        unitId: p.unit[host],
        status: "attending",
        delegation: "Comandante y Estado Mayor (ilustrativo)",
        note: "",
      });
      await confirmAttendance(as(guest), m.id, {
        unitId: p.unit[guest],
        status: k % 5 === 4 ? "tentative" : "attending",
        delegation: "Comandante y dos oficiales (ilustrativo)",
        note: "",
      });
      await recordMinutes(as(host), m.id, MINUTES(m.title, date));
      await recordOutcome(as(host), m.id, {
        kind: "information",
        text: INFORMATION[k % INFORMATION.length] as string,
        agendaItemId: agenda[0]?.id,
      });
      if (k % 3 === 2)
        await recordOutcome(as(host), m.id, { kind: "decision", text: DECISIONS[Math.floor(k / 3) % DECISIONS.length] as string });
      if (k % 2 === 1) {
        const owner: Side = k % 4 === 1 ? guest : host;
        const due = addLocal(`${date}T00:00`, "day", 45)?.slice(0, 10) ?? date;
        const text = `${ACTIONS[(k >> 1) % ACTIONS.length]} (ilustrativa)`;
        const outcomeId = await recordOutcome(as(host), m.id, {
          kind: "action",
          text,
          agendaItemId: agenda[1]?.id,
          action: { unitId: p.unit[owner], dueDate: due },
        });
        const [a] = await nodes[host].db.connection((sql) =>
          sql.all<{ activity_id: string }>("SELECT activity_id FROM coord_outcomes WHERE id = ?", [outcomeId]),
        );
        if (a) actions.push({ id: a.activity_id, host, owner, due, late: k % 8 === 7 });
      }
    }
  }
  await progress(nodes, as, actions, today);
}

/** Actions due before today were carried out (a few stay behind); the owning side reports. */
async function progress(
  nodes: Nodes,
  as: As,
  actions: { id: string; host: Side; owner: Side; due: string; late: boolean }[],
  today: string,
) {
  for (const side of SIDES) {
    const theirs = actions.filter((a) => a.host === other(side)).map((a) => a.id);
    if (theirs.length)
      await replicated(nodes[side], `SELECT COUNT(*) AS n FROM activities WHERE id IN (${inList(theirs)})`, theirs, theirs.length);
  }
  for (const a of actions) {
    if (a.due >= today) continue;
    const on = addLocal(`${a.due}T00:00`, "day", -7)?.slice(0, 10) ?? a.due;
    const level = a.late ? 1 : 3;
    await patchActivity(as(a.host), a.id, { level, note: `Avance ilustrativo: nivel ${level}` }, on);
    const narrative = `Informe ilustrativo de ${a.owner}: ${level === 3 ? "acción cumplida" : "acción en curso"}.`;
    await postReport(as(a.owner), a.id, { date: on, proposedLevel: level, narrative, evidence: [] }, on);
  }
}

async function seedRegister(nodes: Nodes, as: As, space: string, pairs: readonly Pair[], today: string): Promise<string[]> {
  const sectorIds = pairs.flatMap((p) => (p.sector ? [p.sector.id] : []));
  const ids: string[] = [];
  for (const [i, [side, name, aliases, activities, level, summary]] of GROUPS.entries()) {
    const areas = sectorIds.length
      ? [sectorIds[(2 * i) % sectorIds.length] as string, sectorIds[(2 * i + 1) % sectorIds.length] as string]
      : [];
    const id = await recordThreatActor(
      as(side),
      threatActorInput.parse({
        name,
        aliases: [...aliases],
        activities: [...activities],
        description: `${summary} ${ILLUSTRATIVE}.`,
        areas: [...new Set(areas)],
        firstSeen: addLocal(`${today}T00:00`, "month", -30)?.slice(0, 10),
        lastSeen: addLocal(`${today}T00:00`, "day", -20)?.slice(0, 10),
        space,
      }),
    );
    ids.push(id);
    const a = await recordAssessment(
      as(side),
      assessmentInput.parse({
        threatActorId: id,
        level,
        confidence: { reliability: "B", credibility: 2 },
        summary,
        body: ILLUSTRATIVE,
        space,
      }),
    );
    if (i === 0)
      await reviseAssessment(as(side), a, {
        level: "critical",
        confidence: { reliability: "B", credibility: 1 },
        note: "Confirmado por patrullajes (ilustrativo)",
      });
  }
  for (const [i, p] of pairs.entries()) {
    if (!p.sector) continue;
    const side: Side = p.sector.owner === "ve" ? "ve" : "co";
    await recordRiskFactor(
      as(side),
      riskFactorInput.parse({
        sectorId: p.sector.id,
        category: i % 3 === 2 ? "armed_groups" : "informal_crossings",
        title: `${i % 3 === 2 ? "Presencia de grupos armados" : "Pasos informales sin control permanente"} en ${p.sector.code} (ilustrativo)`,
        description: ILLUSTRATIVE,
        level: i % 2 === 0 ? "high" : "medium",
        space,
      }),
    );
  }
  for (const side of SIDES) {
    const theirs = GROUPS.flatMap(([s], i) => (s === other(side) ? [ids[i] as string] : []));
    await replicated(nodes[side], `SELECT COUNT(*) AS n FROM coord_threat_actors WHERE id IN (${inList(theirs)})`, theirs, theirs.length);
  }
  return ids;
}

async function seedIntel(nodes: Nodes, as: As, space: string, pairs: readonly Pair[], groups: readonly string[]): Promise<void> {
  const shared: Partial<Record<Side, string>> = {};
  for (const [i, [side, summary, body, release]] of REPORTS.entries()) {
    const group = groups[GROUPS.findIndex(([s]) => s === side) + (i % 2) * 2] ?? groups[0];
    const sector = pairs[i % Math.max(pairs.length, 1)]?.sector?.id;
    const links = { threatActorIds: group ? [group] : [], sectorIds: sector ? [sector] : [] };
    const originator = `Sección de inteligencia (ilustrativa), ${pairs[0]?.name[side] ?? side}`;
    const id = await writeReport(
      as(side),
      intelReportInput.parse({ summary, body, tlp: "amber", confidence: { reliability: "C", credibility: 3 }, links, originator }),
    );
    if (!release) continue;
    shared[side] = await releaseReport(
      as(side),
      id,
      releaseInput.parse({
        space,
        summary: `${summary} — versión compartida`,
        body: `Resumen sanitizado. ${ILLUSTRATIVE}.`,
        tlp: "amber",
        links,
      }),
    );
  }
  const trocha = groups[1];
  const rfi = await requestInformation(
    as("co"),
    rfiInput.parse({
      question: "¿Qué pasos informales usa el grupo ilustrativo «La Trocha»? (ilustrativo)",
      precedence: "priority",
      addressedTo: ["ve"],
      threatActorIds: trocha ? [trocha] : [],
      space,
    }),
  );
  await replicated(nodes.ve, "SELECT COUNT(*) AS n FROM coord_rfis WHERE id = ?", [rfi], 1);
  await replyToRfi(as("ve"), rfi, { text: "Véase el informe compartido (ilustrativo).", reportIds: shared.ve ? [shared.ve] : [] });
}
