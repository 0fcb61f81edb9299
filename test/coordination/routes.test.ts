import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { MeetingDetailView, OutcomeView, SeriesView, UnitView } from "../../src/core/coordination/views";
import { consoleActor, createToken, createUser } from "../../src/server/admin/commands";
import { type ActivityBody, countEvents, expectJson, expectProblem } from "../helpers/commitments";
import { type CoordinationFixture, coordinationFixture, meetingBody, UNKNOWN, unitBody } from "./fixture";

/**
 * Units and meetings on one node, through HTTP: what each route answers, who may call it,
 * and how an action item becomes an activity of the commitments capability.
 */
let f: CoordinationFixture;

before(async () => {
  f = await coordinationFixture();
});

after(async () => {
  await f.t.dispose();
});

const unit = (i: number) => f.units[i] as string;
const schedule = async (over: Record<string, unknown> = {}) =>
  expectJson<MeetingDetailView>(await f.api(f.as("olga"), "POST", "/meetings", meetingBody(unit(0), [unit(1)], over)), 201);

/** Refused with this status and code, and nothing written. */
async function refused(call: () => ReturnType<CoordinationFixture["api"]>, status: number, code: string) {
  const before = await countEvents(f.t.node);
  const p = expectProblem(await call(), status, code);
  assert.equal(await countEvents(f.t.node), before, `${code} wrote something`);
  return p;
}

describe("units", () => {
  it("creates a unit with its jurisdiction, commander post and contacts, named sectors included", async () => {
    const u = expectJson<UnitView>(await f.api(f.as("vera"), "GET", `/units/${unit(0)}`));
    assert.equal(u.name, "Brigada 30");
    assert.equal(u.ownerNode, "co");
    assert.equal(u.space, "national");
    assert.deepEqual(u.commander, { post: "Comandante de la Brigada 30", username: null });
    assert.deepEqual(u.jurisdiction, [{ id: f.sectors[0], code: "S-01", name: "Sector S-01" }]);
    assert.deepEqual(u.contacts, [{ channel: "radio", value: "Cóndor-30", label: "Red de mando" }]);
  });

  it("lists units by side and by sector, paging with a cursor", async () => {
    const all = expectJson<{ items: UnitView[]; next: string | null }>(await f.api(f.as("vera"), "GET", "/units?limit=2"));
    assert.equal(all.items.length, 2);
    assert.ok(all.next);
    const rest = expectJson<{ items: UnitView[]; next: string | null }>(
      await f.api(f.as("vera"), "GET", `/units?limit=2&cursor=${all.next}`),
    );
    assert.ok(rest.items.length >= 1);
    assert.ok(!rest.items.some((u) => all.items.some((a) => a.id === u.id)));
    const s2 = expectJson<{ items: UnitView[] }>(await f.api(f.as("vera"), "GET", `/units?sectorId=${f.sectors[1]}`));
    assert.deepEqual(s2.items, []);
    assert.deepEqual(expectJson<{ items: UnitView[] }>(await f.api(f.as("vera"), "GET", "/units?node=ve")).items, []);
  });

  it("changes and retires a unit; a retired unit hosts nothing", async () => {
    const id = expectJson<UnitView>(await f.api(f.as("carlos"), "POST", "/units", unitBody("Grupo Mecanizado 5")), 201).id;
    const changed = expectJson<UnitView>(
      await f.api(f.as("carlos"), "PATCH", `/units/${id}`, {
        jurisdiction: [f.sectors[1]],
        commander: { post: "Comandante del GM5", username: "carlos" },
      }),
    );
    assert.deepEqual(
      changed.jurisdiction.map((s) => s.code),
      ["S-02"],
    );
    assert.equal(changed.commander.username, "carlos");
    assert.equal(changed.name, "Grupo Mecanizado 5");
    const retired = expectJson<UnitView>(await f.api(f.as("carlos"), "POST", `/units/${id}/retire`, { reason: "Reorganización" }));
    assert.equal(retired.retired, true);
    assert.ok(!expectJson<{ items: UnitView[] }>(await f.api(f.as("vera"), "GET", "/units")).items.some((u) => u.id === id));
    await refused(() => f.api(f.as("olga"), "POST", "/meetings", meetingBody(id, [unit(1)])), 409, "unit.retired");
    await refused(() => f.api(f.as("carlos"), "PATCH", `/units/${id}`, { name: "Otro" }), 409, "unit.retired");
  });

  it("refuses a counterpart of the same side, and units to analysts and viewers", async () => {
    const p = await refused(
      () => f.api(f.as("carlos"), "PATCH", `/units/${unit(0)}`, { counterparts: [unit(1)] }),
      422,
      "unit.counterpart_invalid",
    );
    assert.equal(p.errors?.[0]?.field, "counterparts.0");
    for (const who of ["andres", "vera", "olga"])
      await refused(() => f.api(f.as(who), "POST", "/units", unitBody("X")), 403, "auth.forbidden");
  });
});

describe("meetings", () => {
  it("schedules a meeting: local time, instants, agenda with ids, one attendance line per unit", async () => {
    const m = await schedule({ sectorId: f.sectors[0] });
    assert.equal(m.startUtc, "2031-03-05T14:00:00.000Z");
    assert.equal(m.startsAt, "2031-03-05T09:00:00");
    assert.equal(m.sector?.code, "S-01");
    assert.equal(m.agenda.length, 2);
    assert.ok(m.agenda.every((a) => /^[0-9a-f-]{36}$/.test(a.id)));
    assert.deepEqual(
      m.attendance.map((a) => [a.unit.name, a.role, a.status]),
      [
        ["Brigada 30", "host", "none"],
        ["Batallón 5", "invited", "none"],
      ],
    );
  });

  it("records attendance, minutes as versions, and outcomes of each kind", async () => {
    const m = await schedule();
    const after = expectJson<MeetingDetailView>(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/attendance`, { unitId: unit(1), delegation: "Comandante y dos oficiales" }),
    );
    assert.deepEqual(after.attendance[1]?.status, "attending");
    assert.equal(after.attendance[1]?.confirmedBy, "olga@co");
    expectJson(await f.api(f.as("olga"), "POST", `/meetings/${m.id}/minutes`, { text: "Primera versión del acta." }), 201);
    const twice = expectJson<MeetingDetailView>(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/minutes`, { text: "Acta corregida." }),
      201,
    );
    assert.equal(twice.minutes?.version, 2);
    assert.equal(twice.minutes?.text, "Acta corregida.");
    assert.deepEqual(
      twice.minutesHistory.map((h) => h.version),
      [1],
    );
    const info = expectJson<OutcomeView>(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/outcomes`, {
        kind: "information",
        text: "Se informó del aumento de incautaciones.",
        agendaItemId: m.agenda[0]?.id,
      }),
      201,
    );
    assert.equal(info.action, null);
    assert.equal(info.agendaItemId, m.agenda[0]?.id);
    const decision = expectJson<OutcomeView>(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/outcomes`, { kind: "decision", text: "Reunirse cada mes." }),
      201,
    );
    assert.equal(decision.kind, "decision");
    const detail = expectJson<MeetingDetailView>(await f.api(f.as("vera"), "GET", `/meetings/${m.id}`));
    assert.deepEqual(
      detail.outcomes.map((o) => o.kind),
      ["information", "decision"],
    );
    assert.equal(detail.outcomeCount, 2);
  });

  it("turns an action item into an activity of the host unit's coordination operation, reused for the next", async () => {
    const m = await schedule();
    const a = expectJson<OutcomeView>(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/outcomes`, {
        kind: "action",
        text: "Patrullaje coordinado en el paso de La Parada",
        action: { unitId: unit(1), dueDate: "2031-06-30" },
      }),
      201,
    );
    assert.ok(a.action);
    const activity = expectJson<ActivityBody & { responsibleUnit: string; operationId: string }>(
      await f.api(f.as("vera"), "GET", `/activities/${a.action?.activityId}`),
    );
    assert.equal(activity.title, "Patrullaje coordinado en el paso de La Parada");
    assert.equal(activity.dueDate, "2031-06-30");
    assert.equal(activity.responsibleUnit, "Batallón 5 (co)");
    assert.equal(activity.ownerNode, "co");
    assert.equal(activity.operationId, a.action?.operationId);
    assert.deepEqual(a.action?.activity, { title: activity.title, level: 0, status: activity.status });
    const ops = expectJson<{ id: string; name: string }[]>(await f.api(f.as("vera"), "GET", "/operations"));
    assert.equal(ops.find((o) => o.id === a.action?.operationId)?.name, "Acciones de coordinación regional — Brigada 30");
    const host = expectJson<UnitView>(await f.api(f.as("vera"), "GET", `/units/${unit(0)}`));
    assert.equal(host.actionOperationId, a.action?.operationId);

    const b = expectJson<OutcomeView>(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/outcomes`, {
        kind: "action",
        text: "Informe mensual",
        action: { node: "co", dueDate: "2031-04-01", title: "Informe" },
      }),
      201,
    );
    assert.equal(b.action?.operationId, a.action?.operationId);
    assert.equal(b.action?.ownerUnit, null);
  });

  it("puts action items in the meeting's operation when it names one", async () => {
    const op = expectJson<{ id: string }>(await f.api(f.as("ana"), "POST", "/operations", { name: "Operación Frontera Segura" }), 201).id;
    const m = await schedule({ operationId: op });
    const a = expectJson<OutcomeView>(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/outcomes`, {
        kind: "action",
        text: "Puesto de control",
        action: { unitId: unit(0), dueDate: "2031-05-01" },
      }),
      201,
    );
    assert.equal(a.action?.operationId, op);
  });

  it("changes a meeting only when something changes, keeping agenda ids", async () => {
    const m = await schedule();
    const same = expectJson<MeetingDetailView>(await f.api(f.as("olga"), "PATCH", `/meetings/${m.id}`, { title: m.title }));
    assert.equal(same.sequence, 0);
    const first = m.agenda[0];
    const changed = expectJson<MeetingDetailView>(
      await f.api(f.as("olga"), "PATCH", `/meetings/${m.id}`, {
        agenda: [{ id: first?.id, title: "Combustible (revisado)" }, { title: "Nuevo punto" }],
      }),
    );
    assert.equal(changed.sequence, 1);
    assert.equal(changed.agenda[0]?.id, first?.id);
    assert.equal(changed.agenda[0]?.title, "Combustible (revisado)");
    assert.notEqual(changed.agenda[1]?.id, m.agenda[1]?.id);
  });

  it("lists meetings by unit, window and status, in start order", async () => {
    const late = await schedule({ startsAt: "2032-01-10T09:00", endsAt: "2032-01-10T10:00", invitedUnitIds: [unit(2)] });
    const list = expectJson<{ items: MeetingDetailView[] }>(
      await f.api(f.as("vera"), "GET", `/meetings?unitId=${unit(2)}&from=2032-01-01T00:00:00Z`),
    );
    assert.deepEqual(
      list.items.map((x) => x.id),
      [late.id],
    );
    const starts = expectJson<{ items: { startUtc: string }[] }>(await f.api(f.as("vera"), "GET", "/meetings?limit=500")).items.map(
      (x) => x.startUtc,
    );
    assert.deepEqual(starts, [...starts].sort());
  });

  it("holds officers to their scope and viewers to reading", async () => {
    const ctx = { store: f.t.node.store, actor: consoleActor("co") };
    await createUser(ctx, {
      username: "sofia",
      role: "officer",
      password: "correct horse battery",
      scope: { sectors: [], units: [unit(1)] },
    });
    const sofia = (await createToken(ctx, { username: "sofia", label: "t" })).token;
    const p = await refused(() => f.api(sofia, "POST", "/meetings", meetingBody(unit(0), [unit(1)])), 403, "auth.forbidden");
    assert.equal(p.errors?.[0]?.field, "hostUnitId");
    expectJson(await f.api(sofia, "POST", "/meetings", meetingBody(unit(1), [unit(0)])), 201);
    const m = await schedule();
    await refused(() => f.api(f.as("vera"), "POST", `/meetings/${m.id}/attendance`, { unitId: unit(1) }), 403, "auth.forbidden");
    await refused(() => f.api(f.as("andres"), "POST", `/meetings/${m.id}/minutes`, { text: "x" }), 403, "auth.forbidden");
    await refused(() => f.api(f.as("vera"), "POST", `/meetings/${m.id}/outcomes`, { kind: "decision", text: "x" }), 403, "auth.forbidden");
  });

  it("refuses changes to a cancelled meeting", async () => {
    const m = await schedule();
    expectJson(await f.api(f.as("olga"), "POST", `/meetings/${m.id}/cancel`, { reason: "Clima" }));
    await refused(() => f.api(f.as("olga"), "POST", `/meetings/${m.id}/minutes`, { text: "x" }), 409, "meeting.cancelled");
    await refused(() => f.api(f.as("olga"), "POST", `/meetings/${m.id}/attendance`, { unitId: unit(1) }), 409, "meeting.cancelled");
    await refused(() => f.api(f.as("olga"), "POST", `/meetings/${m.id}/cancel`, {}), 409, "meeting.cancelled");
    await refused(() => f.api(f.as("olga"), "GET", `/meetings/${UNKNOWN}`), 404, "meeting.not_found");
  });
});

describe("meeting series", () => {
  it("plans every occurrence as a meeting and cancels those from a date on", async () => {
    const s = expectJson<SeriesView>(
      await f.api(f.as("olga"), "POST", "/meeting-series", {
        ...meetingBody(unit(0), [unit(1)], { startsAt: "2031-01-15T09:00", endsAt: "2031-01-15T11:00" }),
        rrule: "FREQ=MONTHLY;COUNT=6",
      }),
      201,
    );
    assert.deepEqual(
      s.meetings.map((m) => m.startUtc.slice(0, 10)),
      ["2031-01-15", "2031-02-15", "2031-03-15", "2031-04-15", "2031-05-15", "2031-06-15"],
    );
    const one = expectJson<MeetingDetailView>(await f.api(f.as("vera"), "GET", `/meetings/${s.meetings[0]?.id}`));
    assert.equal(one.seriesId, s.id);
    assert.equal(one.recurrenceId, s.meetings[0]?.startUtc);
    const cancelled = expectJson<SeriesView>(
      await f.api(f.as("olga"), "POST", `/meeting-series/${s.id}/cancel`, { reason: "Fin del ciclo", from: "2031-04-01T00:00:00Z" }),
    );
    assert.deepEqual(
      cancelled.meetings.map((m) => m.status),
      ["scheduled", "scheduled", "scheduled", "cancelled", "cancelled", "cancelled"],
    );
    assert.equal(cancelled.status, "cancelled");
    assert.ok(expectJson<SeriesView[]>(await f.api(f.as("vera"), "GET", `/meeting-series?unitId=${unit(0)}`)).some((x) => x.id === s.id));
    await refused(() => f.api(f.as("olga"), "POST", `/meeting-series/${s.id}/cancel`, {}), 409, "series.cancelled");
  });
});

describe("the OpenAPI document", () => {
  it("describes every coordination route with its schemas", async () => {
    const doc = (await f.t.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const expected = [
      "get /api/v1/units",
      "post /api/v1/units",
      "patch /api/v1/units/{id}",
      "get /api/v1/units/{id}/calendar.ics",
      "post /api/v1/meetings",
      "post /api/v1/meetings/{id}/attendance",
      "post /api/v1/meetings/{id}/outcomes",
      "get /api/v1/meetings/{id}.ics",
      "post /api/v1/meeting-series",
      "get /api/v1/reminders",
      "get /api/v1/threat-actors",
      "post /api/v1/threat-assessments",
      "get /api/v1/citations",
      "get /api/v1/sector-risks/{sectorId}",
      "post /api/v1/intel-reports",
      "post /api/v1/intel-reports/{id}/release",
      "post /api/v1/intel-reports/{id}/consent-requests/{requestId}/answer",
      "post /api/v1/rfis/{id}/replies",
    ];
    for (const op of expected) {
      const [method = "", path = ""] = op.split(" ");
      assert.ok(doc.paths[path]?.[method], `${op} is not documented`);
    }
    const outcomes = doc.paths["/api/v1/meetings/{id}/outcomes"]?.post as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
    };
    assert.deepEqual(Object.keys(outcomes.requestBody.content["application/json"]?.schema.properties ?? {}).sort(), [
      "action",
      "agendaItemId",
      "kind",
      "text",
    ]);
  });
});
