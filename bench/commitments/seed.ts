import {
  decideActivity,
  decideActivityPatch,
  decideMinisterialMeeting,
  decideOperation,
  decideReport,
  decideStatement,
} from "../../src/core/commitments/decide";
import { activityInput, ministerialMeetingInput, operationInput, statementInput } from "../../src/core/commitments/schema";
import { NATIONAL_SPACE, type NewEvent } from "../../src/core/log/envelope";
import { uuidv7 } from "../../src/core/log/ids";
import type { NodeRuntime } from "../../src/server/node";

/**
 * The commitments bench's data, written through the real write path: the commands' pure
 * decide functions give the events and `store.append` signs, chains and projects them, in
 * large batches. A simulated wall clock walks from March 2024 to the day before today, so
 * creation times, level history and report dates spread over 2½ years as in a real node.
 */
export interface SeedPlan {
  readonly activities: number;
  readonly reports: number;
  /** Activities per operation; they must add up to `activities`. */
  readonly sizes: readonly number[];
  readonly agreements: number;
}

export interface Seeded {
  readonly statementId: string;
  readonly operationIds: string[];
  readonly activityIds: string[];
  /** Reports posted on each activity, by activity id. */
  readonly reportsPerActivity: Map<string, number>;
  readonly events: number;
  readonly seconds: number;
}

/** The clock the node is opened with: the bench moves it forward as it seeds. */
export interface SimClock {
  ms: number;
}

const DAY = 86_400_000;
const START = Date.parse("2024-03-04T15:00:00Z");
const BATCH = 2_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => day(Date.parse(`${iso}T00:00:00Z`) + n * DAY);
/** Changes and reports begin once the activities are all recorded (March–April 2024). */
const after = (iso: string) => (iso < "2024-05-01" ? "2024-05-01" : iso);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/** Deterministic random numbers (mulberry32), so two runs seed the same shape. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Planned {
  readonly day: string;
  readonly order: number;
  readonly make: (today: string) => NewEvent[];
}

export async function seed(node: NodeRuntime, clock: SimClock, plan: SeedPlan): Promise<Seeded> {
  const started = process.hrtime.bigint();
  const t = { space: NATIONAL_SPACE, actor: `bench@${node.config.node}` };
  const rnd = random(20230511);
  const today = day(Date.now());
  let events = 0;
  const append = async (batch: NewEvent[]) => {
    for (let i = 0; i < batch.length; i += BATCH) await node.store.append(batch.slice(i, i + BATCH));
    events += batch.length;
  };

  clock.ms = START;
  const meetingId = uuidv7(clock.ms);
  const meeting = ministerialMeetingInput.parse({
    date: "2024-03-01",
    place: "Cúcuta",
    hostNode: "co",
    participants: ["Ministra", "Ministro"],
  });
  const ids = { statement: uuidv7(clock.ms), agreements: Array.from({ length: plan.agreements }, () => uuidv7(clock.ms)) };
  const statement = statementInput.parse({
    date: "2024-03-01",
    title: "Declaración conjunta (ilustrativa, bench)",
    text: "Texto ilustrativo de la declaración.",
    agreements: ids.agreements.map((_, i) => ({ number: i + 1, text: `Acuerdo ilustrativo ${i + 1}` })),
    meetingId,
  });
  const operationIds = plan.sizes.map(() => uuidv7(clock.ms));
  await append([
    ...decideMinisterialMeeting(meeting, meetingId, t),
    ...decideStatement(statement, ids, true, t),
    ...operationIds.flatMap((id, i) => {
      // Each operation serves one agreement, every third one a second agreement too.
      const serves = [ids.agreements[i % plan.agreements], ...(i % 3 === 0 ? [ids.agreements[(i + 1) % plan.agreements]] : [])];
      const input = operationInput.parse({ name: `Operación ilustrativa ${i + 1}`, agreementIds: serves });
      return decideOperation(input, id, new Set(serves).size, t);
    }),
  ]);

  // Activities, created over March–April 2024.
  const activityIds: string[] = [];
  const state = new Map<string, { id: string; space: string; ownerNode: string; level: number; dueDate: string; flaggedAtRisk: boolean }>();
  const updates: Planned[] = [];
  const reportsPerActivity = new Map<string, number>();
  const counts = Array.from({ length: plan.activities }, (_, i) => 10 + (i % 21));
  let short = plan.reports - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; short !== 0; i = (i + 1) % counts.length, short -= Math.sign(short)) counts[i] = (counts[i] ?? 0) + Math.sign(short);
  let index = 0;
  for (const [o, size] of plan.sizes.entries()) {
    const created: NewEvent[] = [];
    for (let n = 1; n <= size; n++, index++) {
      clock.ms = START + DAY + Math.floor((index / plan.activities) * 55 * DAY);
      const id = uuidv7(clock.ms);
      // Planned over the statement's life: starts from March 2024 to August 2026, 6–36 months each.
      const startDate = addDays("2024-03-01", Math.floor(rnd() * 900));
      const dueDate = addDays(startDate, 180 + Math.floor(rnd() * 900));
      const input = activityInput.parse({
        operationId: operationIds[o],
        number: n,
        title: `Actividad ilustrativa ${o + 1}.${n}`,
        description: "Actividad ilustrativa del banco de pruebas: coordinación, patrullaje y verificación conjunta.",
        responsibleUnit: `Unidad ${(index % 37) + 1}`,
        dueDate,
        startDate,
        milestones: [{ title: "Plan aprobado", dueDate: addDays(startDate, 30), doneOn: null }],
        weight: index % 10 === 0 ? 2 : 1,
      });
      created.push(...decideActivity(input, id, t));
      activityIds.push(id);
      state.set(id, { id, space: t.space, ownerNode: node.config.node, level: 0, dueDate, flaggedAtRisk: false });
      reportsPerActivity.set(id, counts[index] ?? 0);
      updates.push(...planActivity(id, index, startDate, dueDate, counts[index] ?? 0, today, rnd));
    }
    await append(created);
  }

  // Level changes, flags and reports in date order, a batch per simulated few days.
  updates.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
  const second = ministerialMeetingInput.parse({
    date: "2025-11-11",
    place: "Caracas",
    hostNode: "co",
    participants: ["Ministra", "Ministro"],
  });
  let batch: NewEvent[] = [];
  let meetingDone = false;
  for (const u of updates) {
    if (!meetingDone && u.day > second.date) {
      batch.push(...decideMinisterialMeeting(second, uuidv7(clock.ms), t));
      meetingDone = true;
    }
    clock.ms = Math.max(clock.ms, Date.parse(`${u.day}T18:00:00Z`));
    batch.push(...u.make(u.day));
    if (batch.length >= BATCH) {
      await append(batch);
      batch = [];
    }
  }
  if (batch.length) await append(batch);
  return {
    statementId: ids.statement,
    operationIds,
    activityIds,
    reportsPerActivity,
    events,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };

  /**
   * One activity's future: its level steps, perhaps a flag, and its reports. Three in four
   * of those already due were completed (some after the date), the rest stalled and are late.
   * Those not yet due move at a pace of 0.6–1.3 times the one that finishes on the due date,
   * reaching level k once (k − 1) / 3 of the work is done (level 1 on starting). Nothing
   * happens before every activity is recorded (an owner sets a level on the day it does).
   */
  function planActivity(id: string, i: number, start: string, due: string, reports: number, now: string, r: () => number): Planned[] {
    const yesterday = addDays(now, -1);
    const span = Math.max(1, daysBetween(start, due));
    const steps: { on: string; level: number }[] = [];
    if (due < now) {
      const done = r() < 0.75;
      const end = [addDays(due, Math.floor(r() * 210) - 150), yesterday].sort()[0] ?? yesterday;
      const levels = done ? 3 : 1 + Math.floor(r() * 2);
      for (let k = 1; k <= levels; k++)
        steps.push({ on: after(addDays(start, Math.round((k * daysBetween(start, end)) / (done ? 3 : 4)))), level: k });
    } else {
      const pace = 0.6 + r() * 0.7;
      for (let k = 1; k <= 3; k++) {
        const on = after(addDays(start, 1 + Math.round(((k - 1) * span) / (3 * pace))));
        if (on <= yesterday) steps.push({ on, level: k });
      }
    }
    const out: Planned[] = steps.map(({ on, level }) => ({ day: on, order: 0, make: (today) => patch(id, { level }, today) }));
    if (i % 33 === 0)
      out.push({ day: after(addDays(start, 40)), order: 1, make: (today) => patch(id, { status: "at_risk", note: "Retraso" }, today) });
    const first = after(addDays(start, 7));
    const last = [addDays(steps.at(-1)?.level === 3 ? (steps.at(-1)?.on ?? yesterday) : yesterday, 30), yesterday].sort()[0] ?? yesterday;
    const gap = Math.max(1, daysBetween(first, last)) / Math.max(1, reports);
    for (let k = 0; k < reports; k++) {
      const on = addDays(first, Math.floor(k * gap));
      const level = steps.filter((l) => l.on <= on).at(-1)?.level ?? 0;
      out.push({ day: on, order: 2, make: (today) => report(id, on, Math.min(3, level + (k % 5 === 4 ? 1 : 0)), k, today) });
    }
    return out;
  }

  function patch(id: string, p: { level?: number; status?: "at_risk"; note?: string }, today: string): NewEvent[] {
    const a = state.get(id);
    const out = decideActivityPatch(a, p, node.config.node, today, t.actor);
    if (a && p.level !== undefined) state.set(id, { ...a, level: p.level });
    if (a && p.status) state.set(id, { ...a, flaggedAtRisk: true });
    return out;
  }

  function report(id: string, date: string, proposedLevel: number, k: number, today: string): NewEvent[] {
    const narrative = `Informe ${k + 1}: avance en la coordinación con la unidad responsable; reuniones de seguimiento y verificación en terreno.`;
    return decideReport(state.get(id), { id: uuidv7(clock.ms), date, proposedLevel, narrative, evidence: [] }, today, t.actor);
  }
}
