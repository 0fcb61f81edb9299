import { NATIONAL_SPACE, type NewEvent } from "../../src/core/log/envelope";
import { uuidv7 } from "../../src/core/log/ids";
import type { NodeRuntime } from "../../src/server/node";

/**
 * A small border picture with hand-computable answers, for the read-side suites (coverage,
 * dashboards, daily report, map, exports). co and ve each write their own events through
 * `store.append` (so the registry, the own-territory rule and every projection run); the
 * expected figures are worked out in the comments next to each fact.
 *
 * Coverage at AT = 2025-03-15T12:00Z, informal crossings C1, C2 (co) and V1, V2 (ve):
 * C1 deployment since 1 March (24 h ✓, 7 d ✓); C2 patrol 10 March (24 h ✗, 7 d ✓);
 * V1 patrol 15 March 06–07 h (24 h ✓); V2 deployment 1–20 February (✗ ✗).
 */
export const AT = "2025-03-15T12:00:00.000Z";
export const HOSTILE_TEXT = `Paso "El Ñato", km 3; <b>&amp;</b> ]]> \r\nlínea 2 — 日本語 🚩`;

export const POINTS = {
  c1: { lat: 7.86, lon: -72.46 },
  c2: { lat: 7.08, lon: -70.76 },
  c3: { lat: 7.8939, lon: -72.5078 },
  v1: { lat: 7.8145, lon: -72.4431 },
  v2: { lat: 7.9167, lon: -72.45 },
  maicao: { lat: 11.38, lon: -72.24 },
};

const goods = (category: string, quantity: number, unit: string) => ({ category, quantity, unit, description: "" });

export interface BorderReadIds {
  s1: string;
  s2: string;
  c1: string;
  c2: string;
  c3: string;
  v1: string;
  v2: string;
  i1: string;
  i2: string;
  i3: string;
  i4: string;
  i4copy: string;
  j1: string;
  j2: string;
}

const sectorData = (code: string, name: string, path: [number, number][]) => ({ code, name, description: "ilustrativo", path, units: [] });
const crossingData = (name: string, category: "formal" | "informal", position: { lat: number; lon: number }) => ({
  name,
  category,
  modes: ["foot"],
  position,
  sectorId: null,
  status: "active",
  risk: "high",
  approximate: false,
  note: "",
});
const incidentData = (o: {
  type: string;
  occurredAt: string;
  position: { lat: number; lon: number };
  crossingId?: string | null;
  goods?: ReturnType<typeof goods>[];
  summary?: string;
  derivedFrom?: { space: string; id: string } | null;
}) => ({
  type: o.type,
  occurredAt: o.occurredAt,
  position: o.position,
  crossingId: o.crossingId ?? null,
  sectorId: null,
  impact: "high",
  confidence: { reliability: "B", credibility: 2 },
  goods: o.goods ?? [],
  summary: o.summary ?? "",
  originator: "Puesto 7",
  derivedFrom: o.derivedFrom ?? null,
});

/** Ids are made up front so each side can refer to the other's objects. */
export function borderReadIds(): BorderReadIds {
  const id = () => uuidv7();
  return {
    s1: id(),
    s2: id(),
    c1: id(),
    c2: id(),
    c3: id(),
    v1: id(),
    v2: id(),
    i1: id(),
    i2: id(),
    i3: id(),
    i4: id(),
    i4copy: id(),
    j1: id(),
    j2: id(),
  };
}

/** co's part: both sectors, its crossings and presence, incidents I1–I4 (I4 national, released as a copy into `space`). */
export async function writeCoSide(co: NodeRuntime, space: string, ids: BorderReadIds): Promise<void> {
  const e = (type: string, subject: string, data: Record<string, unknown>, where = space): NewEvent => ({
    space: where,
    type,
    subject,
    data,
    actor: "ana@co",
  });
  await co.store.append([
    e(
      "sector.created",
      ids.s1,
      sectorData("S1", "Cúcuta", [
        [-72.5, 7.7],
        [-72.45, 7.95],
      ]),
    ),
    e(
      "sector.created",
      ids.s2,
      sectorData("S2", "Arauca", [
        [-70.9, 7.05],
        [-70.6, 7.1],
      ]),
    ),
    e("crossing.recorded", ids.c1, crossingData("Trocha La Parada", "informal", POINTS.c1)),
    e("crossing.recorded", ids.c2, crossingData(HOSTILE_TEXT, "informal", POINTS.c2)),
    e("crossing.recorded", ids.c3, crossingData("Puente Simón Bolívar", "formal", POINTS.c3)),
    e("deployment.recorded", uuidv7(), {
      unit: "Batallón 1",
      crossingId: ids.c1,
      sectorId: null,
      position: POINTS.c1,
      from: "2025-03-01T00:00:00Z",
      to: null,
      strength: 30,
    }),
    e("patrol.reported", uuidv7(), {
      unit: "Pelotón 2",
      sectorId: null,
      route: [[POINTS.c2.lon, POINTS.c2.lat]],
      startedAt: "2025-03-10T08:00:00Z",
      endedAt: "2025-03-10T10:00:00Z",
      crossingIds: [ids.c2],
      findings: "",
    }),
    // S1, C1: fuel 1000 l + 200 gal.
    e(
      "incident.reported",
      ids.i1,
      incidentData({
        type: "smuggling_fuel",
        occurredAt: "2025-03-14T10:00:00Z",
        position: { lat: 7.87, lon: -72.47 },
        crossingId: ids.c1,
        goods: [goods("fuel", 1000, "l"), goods("fuel", 200, "gal")],
        summary: HOSTILE_TEXT,
      }),
    ),
    // S2, C2: drugs 50 kg.
    e(
      "incident.reported",
      ids.i2,
      incidentData({
        type: "smuggling_drugs",
        occurredAt: "2025-03-14T23:30:00Z",
        position: { lat: 7.08, lon: -70.77 },
        crossingId: ids.c2,
        goods: [goods("drugs", 50, "kg")],
      }),
    ),
    // No sector within reach.
    e(
      "incident.reported",
      ids.i3,
      incidentData({ type: "irregular_crossing", occurredAt: "2025-02-10T12:00:00Z", position: POINTS.maicao }),
    ),
    // National, then released: counted once on co (as I4), once on ve (as the copy).
    e(
      "incident.reported",
      ids.i4,
      incidentData({
        type: "smuggling_fuel",
        occurredAt: "2025-03-15T02:00:00Z",
        position: { lat: 7.88, lon: -72.49 },
        crossingId: ids.c1,
        goods: [goods("fuel", 500, "l")],
      }),
      NATIONAL_SPACE,
    ),
  ]);
  // On a node alone (everything national) there is no shared space to release into.
  if (space === NATIONAL_SPACE) return;
  await co.store.append([
    e(
      "incident.reported",
      ids.i4copy,
      incidentData({
        type: "smuggling_fuel",
        occurredAt: "2025-03-15T02:00:00Z",
        position: { lat: 7.88, lon: -72.49 },
        goods: [goods("fuel", 500, "l")],
        derivedFrom: { space: NATIONAL_SPACE, id: ids.i4 },
      }),
    ),
    e("incident.released", ids.i4, { space, copyId: ids.i4copy }, NATIONAL_SPACE),
  ]);
}

/** ve's part: its crossings and presence, incidents J1 (food 2 t) and J2 (armed group, January), J2 closed. */
export async function writeVeSide(ve: NodeRuntime, space: string, ids: BorderReadIds): Promise<void> {
  const e = (type: string, subject: string, data: Record<string, unknown>): NewEvent => ({ space, type, subject, data, actor: "luis@ve" });
  await ve.store.append([
    e("crossing.recorded", ids.v1, crossingData("Trocha San Antonio", "informal", POINTS.v1)),
    e("crossing.recorded", ids.v2, crossingData("Trocha Ureña", "informal", POINTS.v2)),
    e("patrol.reported", uuidv7(), {
      unit: "Pelotón V",
      sectorId: null,
      route: [[POINTS.v1.lon, POINTS.v1.lat]],
      startedAt: "2025-03-15T06:00:00Z",
      endedAt: "2025-03-15T07:00:00Z",
      crossingIds: [ids.v1],
      findings: "",
    }),
    e("deployment.recorded", uuidv7(), {
      unit: "Compañía V",
      crossingId: ids.v2,
      sectorId: null,
      position: POINTS.v2,
      from: "2025-02-01T00:00:00Z",
      to: "2025-02-20T00:00:00Z",
      strength: 20,
    }),
    e(
      "incident.reported",
      ids.j1,
      incidentData({
        type: "smuggling_food",
        occurredAt: "2025-03-14T15:00:00Z",
        position: { lat: 7.82, lon: -72.44 },
        crossingId: ids.v1,
        goods: [goods("food", 2, "t")],
      }),
    ),
    e(
      "incident.reported",
      ids.j2,
      incidentData({
        type: "armed_group_activity",
        occurredAt: "2025-01-20T00:00:00Z",
        position: { lat: 7.92, lon: -72.45 },
        crossingId: ids.v2,
      }),
    ),
    e("incident.closed", ids.j2, { reason: "Sin novedad" }),
  ]);
}

/** co's follow-up on ve's J1: food 500 kg and drugs 1 kg more. */
export async function writeFollowup(co: NodeRuntime, space: string, ids: BorderReadIds): Promise<void> {
  await co.store.append([
    {
      space,
      type: "incident.followup_posted",
      subject: ids.j1,
      actor: "ana@co",
      data: { text: "Se hallaron más bienes", goods: [goods("food", 500, "kg"), goods("drugs", 1, "kg")], impact: null, confidence: null },
    },
  ]);
}
