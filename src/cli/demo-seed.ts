import { consoleActor } from "../server/admin/commands";
import {
  createActivity,
  createOperation,
  patchActivity,
  postReport,
  recordMinisterialMeeting,
  recordStatement,
  todayUtc,
} from "../server/commitments/commands";
import type { NodeRuntime } from "../server/node";
import { seedBorder } from "./demo-border";
import { seedChannel } from "./demo-channel";
import { seedCoordination } from "./demo-coordination";
import { replicated } from "./demo-replicated";

/**
 * The demo's commitments: the joint statement of 11 May 2023 and its five agreements (a
 * working Spanish rendering), and an operation with 16 activities and more than a year of
 * progress reports from both sides. Everything but the statement is illustrative and says so.
 */
const AGREEMENTS = [
  "Reconocer los avances alcanzados en la ejecución de las 16 actividades desarrolladas en el marco de la operación estratégica Escudo Bolivariano.",
  "Incrementar la presencia de las fuerzas militares en los pasos informales de la frontera común, para fortalecer el trabajo coordinado y la lucha contra el contrabando.",
  "Establecer un canal de comunicación directo para intercambiar, informar y fortalecer la interacción en materia de inteligencia entre los comandantes de la Fuerza Armada Nacional Bolivariana de Venezuela y las Fuerzas Militares de Colombia.",
  "Continuar las reuniones entre unidades militares regionales de Venezuela y Colombia con jurisdicción en las zonas fronterizas, para fortalecer la coordinación operacional frente a amenazas y factores de riesgo, en especial los grupos de crimen organizado transnacional estructurado.",
  "Continuar trabajando conjuntamente para fortalecer la cooperación en materia de defensa entre ambos países.",
];

/** [title, owner, start, due, final level, months to reach it] — all illustrative. */
const ACTIVITIES: readonly (readonly [string, "co" | "ve", string, string, number, number])[] = [
  ["Patrullajes coordinados en el río Arauca", "ve", "2025-06-01", "2026-06-30", 3, 10],
  ["Intercambio mensual de informes sobre contrabando de combustible", "co", "2025-06-01", "2026-03-31", 3, 12],
  ["Puestos de control en pasos informales del Táchira", "ve", "2025-07-01", "2026-12-31", 2, 12],
  ["Mesa técnica regional de inteligencia", "co", "2025-07-01", "2026-09-30", 3, 9],
  ["Ejercicio de comunicaciones entre comandos", "ve", "2025-08-01", "2026-05-31", 3, 6],
  ["Capacitación conjunta en derechos humanos y DIH", "co", "2025-08-01", "2027-02-28", 2, 10],
  ["Registro compartido de pasos informales", "ve", "2025-09-01", "2026-08-31", 1, 8],
  ["Operaciones contra la minería ilegal en la frontera sur", "ve", "2025-09-01", "2026-10-31", 1, 12],
  ["Protocolo de entrega de bienes incautados", "co", "2025-10-01", "2027-03-31", 2, 6],
  ["Reuniones de coordinación de unidades regionales", "ve", "2025-06-01", "2026-12-31", 3, 14],
  ["Señalización de hitos fronterizos", "ve", "2025-11-01", "2027-06-30", 1, 6],
  ["Control del contrabando de ganado en Arauca", "co", "2025-11-01", "2026-11-15", 1, 6],
  ["Red de alerta temprana en La Guajira", "ve", "2026-01-01", "2027-01-31", 2, 8],
  ["Evaluación conjunta de riesgos por sector", "co", "2026-01-01", "2026-12-31", 2, 6],
  ["Plan de respuesta ante desplazamientos en la frontera", "ve", "2026-02-01", "2027-04-30", 0, 1],
  ["Informe semestral a los ministros", "co", "2026-03-01", "2026-10-31", 3, 7],
];

const LEVEL_ES = ["sin iniciar", "mínimo", "intermedio", "completo"];

const monthStarts = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCMonth(d.getUTCMonth() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
};

/** Seeds both demo nodes once (returns false when a statement already exists). */
export async function seedDemo(co: NodeRuntime, ve: NodeRuntime, today = todayUtc()): Promise<boolean> {
  await seedBorder(co, ve); // once, by its own check: a demo folder from before the border picture gets it too
  await seedCoordination(co, ve, today); // once, by its own check, after the border sectors it looks up
  await seedChannel(co, ve); // once, by its own check
  const existing = await co.db.connection((sql) => sql.all("SELECT 1 AS one FROM statements LIMIT 1"));
  if (existing.length) return false;
  const nodes = { co, ve };
  const as = (n: NodeRuntime) => ({ store: n.store, actor: { ...consoleActor(n.config.node), username: "demo" } });

  const meetingId = await recordMinisterialMeeting(as(co), {
    date: "2023-05-11",
    place: "Caracas",
    hostNode: "ve",
    participants: ["Ministro de Defensa Nacional de Colombia", "Ministro del Poder Popular para la Defensa de Venezuela"],
    summary: "Tercera reunión de ministros de defensa en menos de un año; declaración conjunta con cinco acuerdos.",
  });
  const statementId = await recordStatement(as(co), {
    date: "2023-05-11",
    title: "Declaración conjunta de los ministros de defensa de Colombia y Venezuela",
    text: AGREEMENTS.map((a, i) => `${i + 1}. ${a}`).join("\n"),
    language: "es",
    meetingId,
    agreements: AGREEMENTS.map((text, i) => ({ number: i + 1, text })),
  });
  await replicated(ve, "SELECT COUNT(*) AS n FROM agreements WHERE statement_id = ?", [statementId], AGREEMENTS.length);
  const [first] = await ve.db.connection((sql) =>
    sql.all<{ id: string }>("SELECT id FROM agreements WHERE statement_id = ? AND number = 1", [statementId]),
  );
  const operationId = await createOperation(as(ve), {
    name: "Operación estratégica Escudo Bolivariano — actividades ilustrativas",
    description:
      "DATOS ILUSTRATIVOS DE DEMOSTRACIÓN: las 16 actividades, sus fechas, niveles e informes son inventados para mostrar Enlace.",
    agreementIds: first ? [first.id] : [],
  });
  await replicated(co, "SELECT COUNT(*) AS n FROM operations WHERE id = ?", [operationId], 1);

  const ids: string[] = [];
  for (const [i, [title, owner, startDate, dueDate]] of ACTIVITIES.entries()) {
    ids.push(
      await createActivity(as(nodes[owner]), {
        operationId,
        number: i + 1,
        title: `${title} (ilustrativa)`,
        description: "Actividad ilustrativa de la demostración.",
        responsibleUnit: owner === "co" ? "Brigada ilustrativa de Colombia" : "Unidad ilustrativa de Venezuela",
        dueDate,
        startDate,
        milestones: [],
        weight: 1,
      }),
    );
  }
  for (const n of [co, ve])
    await replicated(n, "SELECT COUNT(*) AS n FROM activities WHERE operation_id = ?", [operationId], ACTIVITIES.length);

  // Month by month: the owner moves the level and reports it; the other side reports too.
  for (const [i, [title, owner, startDate, , target, months]] of ACTIVITIES.entries()) {
    const other = owner === "co" ? ve : co;
    let level = 0;
    for (const [k, date] of monthStarts(startDate, today).slice(1).entries()) {
      const next = Math.min(target, Math.floor((target * (k + 1)) / months));
      const id = ids[i] as string;
      if (next !== level) {
        level = next;
        await patchActivity(as(nodes[owner]), id, { level, note: `Avance ilustrativo: nivel ${LEVEL_ES[level]}` }, date);
        await postReport(
          as(nodes[owner]),
          id,
          {
            date,
            proposedLevel: level,
            narrative: `Informe mensual (ilustrativo): ${title.toLowerCase()} alcanza el nivel ${LEVEL_ES[level]}.`,
            evidence: [],
          },
          date,
        );
      }
      if (k % 3 === 2) {
        const narrative = `Observación de ${other.config.name} (ilustrativa): se verificó la coordinación en ${title.toLowerCase()}.`;
        await postReport(as(other), id, { date, proposedLevel: level, narrative, evidence: [] }, date);
      }
    }
  }
  return true;
}
