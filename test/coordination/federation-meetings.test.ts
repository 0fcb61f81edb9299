import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ICAL from "ical.js";
import type { MeetingDetailView, OutcomeView, UnitView } from "../../src/core/coordination/views";
import type { RunningNode } from "../../src/server/main";
import { type ActivityBody, expectJson } from "../helpers/commitments";
import { waitFor } from "../helpers/federation";
import { type Api, type CoordinationCluster, coordinationCluster, json, refusedOn } from "./cluster-fixture";
import { meetingBody } from "./fixture";

/**
 * Units and meetings across two real nodes on loopback, co and ve, in their binational space:
 * each side names its counterparts; ve confirms attendance at co's meeting, co records the
 * minutes, and an action item becomes an activity both nodes see and ve reports on.
 */
let c: CoordinationCluster;
let co: RunningNode;
let ve: RunningNode;
let api: Record<"co" | "ve", Api>;
let tok: Record<string, string>;
let bi = "";
let sector = "";
let coUnit = "";
let veUnit = "";

before(async () => {
  c = await coordinationCluster(false);
  ({ api, tok, bi, sector, coUnit, veUnit } = c);
  ({ co, ve } = c.running);
});

after(async () => {
  await c.dispose();
});

describe("units of both sides", () => {
  it("name their counterparts across the border; mutual once both do", async () => {
    const onCo = await waitFor("ve's unit on co", () => json<UnitView>(api.co(tok.olga, "GET", `/units/${veUnit}`)));
    assert.deepEqual(
      [onCo.ownerNode, onCo.space, onCo.counterparts[0]?.name, onCo.counterparts[0]?.mutual, onCo.jurisdiction[0]?.code],
      ["ve", bi, "Segunda División", false, "BI-01"],
    );
    await refusedOn(ve, () => api.ve(tok.victor, "PATCH", `/units/${coUnit}`, { name: "Cambiada" }), 403, "unit.not_owner");
    expectJson(await api.co(tok.carlos, "PATCH", `/units/${coUnit}`, { counterparts: [veUnit] }));
    const mutual = await waitFor("mutual on ve", async () => {
      const u = await json<UnitView>(api.ve(tok.luis, "GET", `/units/${veUnit}`));
      return u?.counterparts[0]?.mutual ? u : undefined;
    });
    assert.equal(mutual.counterparts[0]?.node, "co");
  });
});

describe("a meeting co hosts", () => {
  let meeting: MeetingDetailView;
  let action: OutcomeView;

  before(async () => {
    meeting = expectJson<MeetingDetailView>(
      await api.co(
        tok.olga,
        "POST",
        "/meetings",
        meetingBody(coUnit, [veUnit], { space: bi, sectorId: sector, title: "Reunión regional Cúcuta–San Antonio" }),
      ),
      201,
    );
  });

  it("ve confirms its own unit's attendance, which co sees; not co's unit, and nothing of the host's", async () => {
    await waitFor("the meeting on ve", () => json(api.ve(tok.luis, "GET", `/meetings/${meeting.id}`)));
    const confirmed = expectJson<MeetingDetailView>(
      await api.ve(tok.luis, "POST", `/meetings/${meeting.id}/attendance`, {
        unitId: veUnit,
        delegation: "Comandante de zona y dos oficiales",
      }),
    );
    assert.equal(confirmed.attendance.find((a) => a.unit.id === veUnit)?.status, "attending");
    await refusedOn(
      ve,
      () => api.ve(tok.luis, "POST", `/meetings/${meeting.id}/attendance`, { unitId: coUnit }),
      403,
      "meeting.not_your_unit",
    );
    await refusedOn(ve, () => api.ve(tok.luis, "POST", `/meetings/${meeting.id}/minutes`, { text: "Acta de ve" }), 403, "meeting.not_host");
    await refusedOn(
      ve,
      () => api.ve(tok.luis, "POST", `/meetings/${meeting.id}/outcomes`, { kind: "decision", text: "x" }),
      403,
      "meeting.not_host",
    );
    await refusedOn(ve, () => api.ve(tok.luis, "PATCH", `/meetings/${meeting.id}`, { place: "San Antonio" }), 403, "meeting.not_host");
    const foreignHost = await refusedOn(
      ve,
      () => api.ve(tok.luis, "POST", "/meetings", meetingBody(coUnit, [veUnit], { space: bi })),
      403,
      "meeting.host_not_own_unit",
    );
    assert.equal(foreignHost.errors?.[0]?.field, "hostUnitId");
    const seen = await waitFor("ve's confirmation on co", async () => {
      const m = await json<MeetingDetailView>(api.co(tok.olga, "GET", `/meetings/${meeting.id}`));
      const a = m?.attendance.find((x) => x.unit.id === veUnit);
      return a?.status === "attending" ? a : undefined;
    });
    assert.deepEqual([seen.confirmedBy, seen.delegation], ["luis@ve", "Comandante de zona y dos oficiales"]);
  });

  it("a confirmation ve forges for co's unit counts for nothing", async () => {
    await ve.node.store.append([
      {
        space: bi,
        type: "meeting.attendance_confirmed",
        subject: meeting.id,
        actor: "luis@ve",
        data: { unitId: coUnit, status: "declined", delegation: "", note: "" },
      },
    ]);
    const head = (await ve.node.store.heads(bi)).ve?.seq;
    await waitFor("ve's chain on co", async () => (await co.node.store.heads(bi)).ve?.seq === head);
    const m = expectJson<MeetingDetailView>(await api.co(tok.olga, "GET", `/meetings/${meeting.id}`));
    assert.equal(m.attendance.find((a) => a.unit.id === coUnit)?.status, "none");
  });

  it("co records the minutes and an action item owned by ve's unit, an activity both nodes see", async () => {
    expectJson(
      await api.co(tok.olga, "POST", `/meetings/${meeting.id}/minutes`, {
        text: "Se acordó intensificar el control del paso de La Parada.",
      }),
      201,
    );
    action = expectJson<OutcomeView>(
      await api.co(tok.olga, "POST", `/meetings/${meeting.id}/outcomes`, {
        kind: "action",
        text: "Control coordinado del paso informal de La Parada",
        action: { unitId: veUnit, dueDate: "2031-06-30" },
      }),
      201,
    );
    assert.equal(action.action?.ownerNode, "ve");
    const activityId = action.action?.activityId as string;
    const onVe = await waitFor("the activity on ve", () =>
      json<ActivityBody & { responsibleUnit: string }>(api.ve(tok.luis, "GET", `/activities/${activityId}`)),
    );
    assert.deepEqual([onVe.space, onVe.ownerNode, onVe.responsibleUnit, onVe.dueDate], [bi, "co", "ZODI Táchira (ve)", "2031-06-30"]);
    const m = await waitFor("minutes and outcome on ve", async () => {
      const x = await json<MeetingDetailView>(api.ve(tok.luis, "GET", `/meetings/${meeting.id}`));
      return x?.minutes && x.outcomes.length === 1 ? x : undefined;
    });
    assert.equal(m.minutes?.recordedBy, "olga@co");
    assert.equal(m.outcomes[0]?.action?.activity?.title, "Control coordinado del paso informal de La Parada");
    // ve reports its progress on the activity; co, its owner, sees the report.
    const rep = expectJson<{ id: string }>(
      await api.ve(tok.luis, "POST", `/activities/${activityId}/reports`, {
        date: new Date().toISOString().slice(0, 10),
        proposedLevel: 1,
        narrative: "Primer patrullaje",
      }),
      201,
    );
    await waitFor("ve's report on co", async () =>
      (await json<ActivityBody>(api.co(tok.olga, "GET", `/activities/${activityId}`)))?.reports.some((r) => r.id === rep.id),
    );
  });

  it("ve's copy of co's .ics shows ve's unit as accepted", async () => {
    const res = await api.ve(tok.luis, "GET", `/meetings/${meeting.id}.ics`);
    assert.equal(res.statusCode, 200);
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(res.body)).getFirstSubcomponent("vevent") as ICAL.Component);
    assert.equal(ev.organizer, `urn:uuid:${coUnit}`);
    assert.deepEqual(
      ev.attendees.map((a) => [a.getParameter("cn"), a.getParameter("partstat")]),
      [["ZODI Táchira (ve)", "ACCEPTED"]],
    );
  });
});
