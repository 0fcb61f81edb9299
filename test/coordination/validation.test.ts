import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { countEvents, expectJson, expectProblem, type Method } from "../helpers/commitments";
import { type CoordinationFixture, coordinationFixture, meetingBody, UNKNOWN, unitBody } from "./fixture";

/**
 * Bad input on every coordination route: a 4xx problem+json whose errors[].field names the
 * field at fault, and nothing written (the log holds as many events after as before).
 */
let f: CoordinationFixture;
let meetingId = "";
let groupId = "";
let rfiId = "";
let reportId = "";

before(async () => {
  f = await coordinationFixture();
  meetingId = expectJson<{ id: string }>(
    await f.api(f.as("olga"), "POST", "/meetings", meetingBody(f.units[0] as string, [f.units[1] as string])),
    201,
  ).id;
  groupId = expectJson<{ id: string }>(await f.api(f.as("andres"), "POST", "/threat-actors", { name: "Grupo ilustrativo" }), 201).id;
  rfiId = expectJson<{ id: string }>(await f.api(f.as("andres"), "POST", "/rfis", { question: "¿Rutas?" }), 201).id;
  reportId = expectJson<{ id: string }>(
    await f.api(f.as("andres"), "POST", "/intel-reports", {
      summary: "R",
      confidence: { reliability: "C", credibility: 3 },
      originator: "S2",
    }),
    201,
  ).id;
});

after(async () => {
  await f.t.dispose();
});

const u = (i: number) => (f as CoordinationFixture | undefined)?.units[i] ?? "";
const s = (i: number) => (f as CoordinationFixture | undefined)?.sectors[i] ?? "";
const unit = (over: Record<string, unknown> = {}) => unitBody("Unidad X", over);
const meeting = (over: Record<string, unknown> = {}) => meetingBody(u(0), [u(1)], over);
const outcome = (over: Record<string, unknown> = {}) => ({
  kind: "action",
  text: "Acción",
  action: { unitId: u(1), dueDate: "2031-06-01" },
  ...over,
});
const assessment = (over: Record<string, unknown> = {}) => ({
  sectorId: s(0),
  level: "high",
  confidence: { reliability: "B", credibility: 2 },
  summary: "S",
  ...over,
});
const report = (over: Record<string, unknown> = {}) => ({
  summary: "R",
  confidence: { reliability: "C", credibility: 3 },
  originator: "S2",
  ...over,
});
const M = () => `/meetings/${meetingId}`;

/** [name, method, url, payload, status, code, field, unknown key named in the message] */
type Case = readonly [string, Method, () => string, () => unknown, number, string, string, string?];
// biome-ignore format: one case a line reads as a table
const cases: Case[] = [
  ["unit: missing name", "POST", () => "/units", () => unit({ name: undefined }), 400, "validation.failed", "name"],
  ["unit: no commander", "POST", () => "/units", () => unit({ commander: undefined }), 400, "validation.failed", "commander"],
  ["unit: a person's name for a username", "POST", () => "/units", () => unit({ commander: { post: "Cmdte", username: "Juan Pérez" } }), 400, "validation.failed", "commander.username"],
  ["unit: unknown channel", "POST", () => "/units", () => unit({ contacts: [{ channel: "whatsapp", value: "x" }] }), 400, "validation.failed", "contacts.0.channel"],
  ["unit: sector not a uuid", "POST", () => "/units", () => unit({ jurisdiction: ["S-01"] }), 400, "validation.failed", "jurisdiction.0"],
  ["unit: sector twice", "POST", () => "/units", () => unit({ jurisdiction: [s(0), s(0)] }), 400, "validation.failed", "jurisdiction"],
  ["unit: unknown sector", "POST", () => "/units", () => unit({ jurisdiction: [s(0), UNKNOWN] }), 422, "coordination.reference_not_found", "jurisdiction.1"],
  ["unit: unknown counterpart", "POST", () => "/units", () => unit({ counterparts: [UNKNOWN] }), 422, "coordination.reference_not_found", "counterparts.0"],
  ["unit: unknown field", "POST", () => "/units", () => unit({ dni: "123" }), 400, "validation.failed", "body", "dni"],
  ["unit: unknown space", "POST", () => "/units", () => unit({ space: "nowhere-space" }), 404, "space.unknown", "space"],
  ["unit: empty patch", "PATCH", () => `/units/${u(0)}`, () => ({}), 400, "validation.failed", "body"],
  ["unit: patch of no unit", "PATCH", () => `/units/${UNKNOWN}`, () => ({ name: "x" }), 404, "unit.not_found", ""],
  ["unit: id not a uuid", "GET", () => "/units/abc", () => undefined, 400, "validation.failed", "path.id"],
  ["units: limit 0", "GET", () => "/units?limit=0", () => undefined, 400, "validation.failed", "query.limit"],
  ["units: bad cursor", "GET", () => "/units?cursor=bm9wZQ", () => undefined, 400, "validation.failed", "query.cursor"],
  ["meeting: ends before it starts", "POST", () => "/meetings", () => meeting({ endsAt: "2031-03-05T08:00" }), 400, "validation.failed", "endsAt"],
  ["meeting: 30 February", "POST", () => "/meetings", () => meeting({ startsAt: "2031-02-30T09:00" }), 400, "validation.failed", "startsAt"],
  ["meeting: start with an offset", "POST", () => "/meetings", () => meeting({ startsAt: "2031-03-05T09:00Z" }), 400, "validation.failed", "startsAt"],
  ["meeting: unknown timezone", "POST", () => "/meetings", () => meeting({ timezone: "Mars/Olympus" }), 400, "validation.failed", "timezone"],
  ["meeting: a time the clocks skip", "POST", () => "/meetings", () => meeting({ timezone: "Europe/Madrid", startsAt: "2031-03-30T02:30", endsAt: "2031-03-30T04:00" }), 400, "validation.failed", "startsAt"],
  ["meeting: nobody invited", "POST", () => "/meetings", () => meeting({ invitedUnitIds: [] }), 400, "validation.failed", "invitedUnitIds"],
  ["meeting: the host invited", "POST", () => "/meetings", () => meeting({ invitedUnitIds: [u(1), u(0)] }), 400, "validation.failed", "invitedUnitIds.1"],
  ["meeting: unknown guest", "POST", () => "/meetings", () => meeting({ invitedUnitIds: [UNKNOWN] }), 422, "coordination.reference_not_found", "invitedUnitIds.0"],
  ["meeting: unknown host", "POST", () => "/meetings", () => meeting({ hostUnitId: UNKNOWN }), 422, "coordination.reference_not_found", "hostUnitId"],
  ["meeting: unknown sector", "POST", () => "/meetings", () => meeting({ sectorId: UNKNOWN }), 422, "coordination.reference_not_found", "sectorId"],
  ["meeting: unknown operation", "POST", () => "/meetings", () => meeting({ operationId: UNKNOWN }), 404, "operation.not_found", "operationId"],
  ["meeting: reminder a month before", "POST", () => "/meetings", () => meeting({ reminders: [43_200] }), 400, "validation.failed", "reminders.0"],
  ["meeting: agenda item of an outsider", "POST", () => "/meetings", () => meeting({ agenda: [{ title: "x", unitId: u(2) }] }), 422, "meeting.not_participant", "agenda.0.unitId"],
  ["meeting: empty title", "POST", () => "/meetings", () => meeting({ title: " " }), 400, "validation.failed", "title"],
  ["meeting: title too long", "POST", () => "/meetings", () => meeting({ title: "x".repeat(301) }), 400, "validation.failed", "title"],
  ["meeting: patch moves the end before the start", "PATCH", M, () => ({ endsAt: "2031-03-05T08:00" }), 400, "validation.failed", "endsAt"],
  ["meeting: patch the host", "PATCH", M, () => ({ hostUnitId: u(2) }), 400, "validation.failed", "body", "hostUnitId"],
  ["meeting: patch an agenda item it lacks", "PATCH", M, () => ({ agenda: [{ id: UNKNOWN, title: "x" }] }), 400, "validation.failed", "agenda.0.id"],
  ["meetings: bad window", "GET", () => "/meetings?from=ayer", () => undefined, 400, "validation.failed", "query.from"],
  ["meetings: bad id", "GET", () => "/meetings/123.ics", () => undefined, 400, "validation.failed", "path.id"],
  ["meeting .ics: bad language", "GET", () => `${M()}.ics?lang=fr`, () => undefined, 400, "validation.failed", "query.lang"],
  ["attendance: unit not in the meeting", "POST", () => `${M()}/attendance`, () => ({ unitId: u(2) }), 422, "meeting.not_participant", "unitId"],
  ["attendance: bad status", "POST", () => `${M()}/attendance`, () => ({ unitId: u(1), status: "maybe" }), 400, "validation.failed", "status"],
  ["attendance: no meeting", "POST", () => `/meetings/${UNKNOWN}/attendance`, () => ({ unitId: u(1) }), 404, "meeting.not_found", ""],
  ["minutes: empty", "POST", () => `${M()}/minutes`, () => ({ text: "" }), 400, "validation.failed", "text"],
  ["outcome: action without its details", "POST", () => `${M()}/outcomes`, () => outcome({ action: undefined }), 400, "validation.failed", "action"],
  ["outcome: decision with an action", "POST", () => `${M()}/outcomes`, () => outcome({ kind: "decision" }), 400, "validation.failed", "action"],
  ["outcome: bad kind", "POST", () => `${M()}/outcomes`, () => outcome({ kind: "task" }), 400, "validation.failed", "kind"],
  ["outcome: due before the meeting", "POST", () => `${M()}/outcomes`, () => outcome({ action: { unitId: u(1), dueDate: "2031-03-01" } }), 400, "validation.failed", "action.dueDate"],
  ["outcome: owner outside the meeting", "POST", () => `${M()}/outcomes`, () => outcome({ action: { unitId: u(2), dueDate: "2031-06-01" } }), 422, "meeting.not_participant", "action.unitId"],
  ["outcome: node outside the meeting", "POST", () => `${M()}/outcomes`, () => outcome({ action: { node: "ve", dueDate: "2031-06-01" } }), 422, "meeting.not_participant", "action.node"],
  ["outcome: no owner", "POST", () => `${M()}/outcomes`, () => outcome({ action: { dueDate: "2031-06-01" } }), 400, "validation.failed", "action.unitId"],
  ["outcome: unit and node disagree", "POST", () => `${M()}/outcomes`, () => outcome({ action: { unitId: u(1), node: "ve", dueDate: "2031-06-01" } }), 400, "validation.failed", "action.node"],
  ["outcome: unknown agenda item", "POST", () => `${M()}/outcomes`, () => outcome({ agendaItemId: UNKNOWN }), 422, "coordination.reference_not_found", "agendaItemId"],
  ["outcome: unknown operation", "POST", () => `${M()}/outcomes`, () => outcome({ action: { unitId: u(1), dueDate: "2031-06-01", operationId: UNKNOWN } }), 404, "operation.not_found", "action.operationId"],
  ["series: daily", "POST", () => "/meeting-series", () => ({ ...meeting(), rrule: "FREQ=DAILY;COUNT=3" }), 400, "validation.failed", "rrule"],
  ["series: endless", "POST", () => "/meeting-series", () => ({ ...meeting(), rrule: "FREQ=WEEKLY" }), 400, "validation.failed", "rrule"],
  ["series: too long", "POST", () => "/meeting-series", () => ({ ...meeting(), rrule: "FREQ=MONTHLY;INTERVAL=12;COUNT=7" }), 422, "series.too_long", "rrule"],
  ["series: no such series", "POST", () => `/meeting-series/${UNKNOWN}/cancel`, () => ({}), 404, "series.not_found", ""],
  ["reminders: bad instant", "GET", () => "/reminders?at=mañana", () => undefined, 400, "validation.failed", "query.at"],
  ["group: unknown activity", "POST", () => "/threat-actors", () => ({ name: "G", activities: ["piracy"] }), 400, "validation.failed", "activities.0"],
  ["group: unknown area", "POST", () => "/threat-actors", () => ({ name: "G", areas: [UNKNOWN] }), 422, "coordination.reference_not_found", "areas.0"],
  ["group: seen last before first", "POST", () => "/threat-actors", () => ({ name: "G", firstSeen: "2025-01-01", lastSeen: "2024-01-01" }), 400, "validation.failed", "lastSeen"],
  ["group: TLP:WHITE is TLP 1.0", "POST", () => "/threat-actors", () => ({ name: "G", tlp: "white" }), 400, "validation.failed", "tlp"],
  ["assessment: of nothing", "POST", () => "/threat-assessments", () => assessment({ sectorId: undefined }), 400, "validation.failed", "threatActorId"],
  ["assessment: reliability G", "POST", () => "/threat-assessments", () => assessment({ confidence: { reliability: "G", credibility: 2 } }), 400, "validation.failed", "confidence.reliability"],
  ["assessment: credibility 7", "POST", () => "/threat-assessments", () => assessment({ confidence: { reliability: "A", credibility: 7 } }), 400, "validation.failed", "confidence.credibility"],
  ["assessment: unknown group", "POST", () => "/threat-assessments", () => assessment({ threatActorId: UNKNOWN }), 422, "coordination.reference_not_found", "threatActorId"],
  ["assessment: empty revision", "POST", () => `/threat-assessments/${UNKNOWN}/revisions`, () => ({ note: "x" }), 400, "validation.failed", "body"],
  ["risk factor: bad category", "POST", () => "/risk-factors", () => ({ sectorId: s(0), category: "weather", title: "x", level: "low" }), 400, "validation.failed", "category"],
  ["risk factor: unknown sector", "POST", () => "/risk-factors", () => ({ sectorId: UNKNOWN, category: "terrain", title: "x", level: "low" }), 422, "coordination.reference_not_found", "sectorId"],
  ["citations: not ids", "GET", () => "/citations?ids=abc,def", () => undefined, 400, "validation.failed", "query.ids.0"],
  ["report: TLP:WHITE", "POST", () => "/intel-reports", () => report({ tlp: "white" }), 400, "validation.failed", "tlp"],
  ["report: written in a shared space", "POST", () => "/intel-reports", () => report({ space: "binational" }), 400, "validation.failed", "body", "space"],
  ["report: unknown group", "POST", () => "/intel-reports", () => report({ links: { threatActorIds: [UNKNOWN] } }), 422, "coordination.reference_not_found", "links.threatActorIds.0"],
  ["report: unknown sector", "POST", () => "/intel-reports", () => report({ links: { sectorIds: [UNKNOWN] } }), 422, "coordination.reference_not_found", "links.sectorIds.0"],
  ["release: no marking", "POST", () => `/intel-reports/${reportId}/release`, () => ({ summary: "x" }), 400, "validation.failed", "tlp"],
  ["release: no such report", "POST", () => `/intel-reports/${UNKNOWN}/release`, () => ({ summary: "x", tlp: "amber", space: "national" }), 404, "intel.not_found", ""],
  ["consent: to the national space", "POST", () => `/intel-reports/${reportId}/consent-requests`, () => ({ targetSpace: "national", purpose: "x" }), 422, "intel.consent_not_needed", ""],
  ["consent answer: granted missing", "POST", () => `/intel-reports/${reportId}/consent-requests/${UNKNOWN}/answer`, () => ({}), 400, "validation.failed", "granted"],
  ["consent answer: no such request", "POST", () => `/intel-reports/${reportId}/consent-requests/${UNKNOWN}/answer`, () => ({ granted: true }), 404, "consent.not_found", ""],
  ["rfi: bad precedence", "POST", () => "/rfis", () => ({ question: "x", precedence: "urgent" }), 400, "validation.failed", "precedence"],
  ["rfi: reply links an unknown report", "POST", () => `/rfis/${rfiId}/replies`, () => ({ text: "x", reportIds: [UNKNOWN] }), 422, "coordination.reference_not_found", "reportIds.0"],
  ["rfi: close someone else's unknown", "POST", () => `/rfis/${UNKNOWN}/close`, () => ({}), 404, "rfi.not_found", ""],
];

describe("bad input on coordination routes", () => {
  for (const [name, method, url, payload, status, code, field, key] of cases) {
    it(`${name}: ${status} ${code}${field ? ` naming ${field}` : ""}, nothing written`, async () => {
      const before = await countEvents(f.t.node);
      const res = await f.api(f.as("ana"), method, url(), payload());
      const p = expectProblem(res, status, code);
      if (field)
        assert.ok(
          p.errors?.some((e) => e.field === field),
          `fields: ${JSON.stringify(p.errors)}`,
        );
      if (key) assert.match(p.errors?.[0]?.message ?? "", new RegExp(key));
      assert.equal(await countEvents(f.t.node), before);
      void groupId;
    });
  }

  it("answers in English when asked, with the same code", async () => {
    const res = await f.api(f.as("ana"), "POST", `${M()}/attendance`, { unitId: u(2) }, { "accept-language": "en" });
    assert.equal(expectProblem(res, 422, "meeting.not_participant").title, "That unit or node does not take part in the meeting.");
    const es = await f.api(f.as("ana"), "POST", `${M()}/attendance`, { unitId: u(2) });
    assert.equal(expectProblem(es, 422, "meeting.not_participant").title, "Esa unidad o nodo no participa en la reunión.");
  });
});
