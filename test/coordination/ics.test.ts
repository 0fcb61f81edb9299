import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import ICAL from "ical.js";
import { escapeText, foldLine } from "../../src/server/coordination/ical/ics-text";
import { expectJson, expectProblem } from "../helpers/commitments";
import { type CoordinationFixture, coordinationFixture, meetingBody, unitBody } from "./fixture";

/**
 * The iCalendar files: what the server writes is parsed back with ical.js, an independent
 * RFC 5545 implementation. Hostile text (separators, backslashes, quotes, line breaks, long
 * multi-byte lines) survives escaping and folding; times carry their zone; SEQUENCE grows
 * and cancellation shows; a unit's feed carries a series once, with its RRULE, EXDATE and
 * changed occurrences, and expands to exactly the meetings that stand.
 */
let f: CoordinationFixture;
let hostile: string; // a unit whose name needs quoting
const HOSTILE_TITLE = `Reunión; "especial", con \\ barra\r\ny salto — ${"ñandú ".repeat(30)}🚩 fin`;
const HOSTILE_PLACE = "Cúcuta, Norte de Santander; sala 2\\B";

before(async () => {
  f = await coordinationFixture();
  hostile = expectJson<{ id: string }>(
    await f.api(f.as("carlos"), "POST", "/units", unitBody('Fuerza de Tarea "Vulcano": Norte, Este')),
    201,
  ).id;
});

after(async () => {
  await f.t.dispose();
});

const get = async (url: string) => {
  const res = await f.api(f.as("vera"), "GET", url);
  assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  assert.match(String(res.headers["content-type"]), /^text\/calendar; charset=utf-8/);
  return res.body;
};

/** Parses a calendar, registering its VTIMEZONEs so zoned times convert. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return cal;
}

const utc = (t: ICAL.Time) => new Date(t.toUnixTime() * 1000).toISOString();

function checkWireFormat(text: string) {
  assert.ok(text.endsWith("\r\n"));
  assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line, "utf8") <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
}

describe("content lines", () => {
  it("escapes TEXT separators and line breaks, and drops control characters", () => {
    assert.equal(escapeText("a,b;c\\d\r\ne\nf\u0007g\th"), "a\\,b\\;c\\\\d\\ne\\nfg\th");
  });

  it("folds at 75 octets without splitting a character, and unfolding restores the line", () => {
    const line = `SUMMARY:${"añ🚩".repeat(40)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) assert.ok(Buffer.byteLength(part, "utf8") <= 75);
    assert.equal(folded.replace(/\r\n /g, ""), line);
    assert.ok(!folded.includes("\uFFFD"));
  });
});

describe("GET /meetings/{id}.ics", () => {
  it("survives hostile text: ical.js reads back the title, place, agenda and names", async () => {
    const body = meetingBody(hostile, [f.units[0] as string], {
      title: HOSTILE_TITLE,
      place: HOSTILE_PLACE,
      description: "Línea 1\nLínea 2; con, comas",
      agenda: [{ title: 'Punto; uno, con \\ y "comillas"', detail: "detalle\nen dos líneas" }],
    });
    const m = expectJson<{ id: string }>(await f.api(f.as("olga"), "POST", "/meetings", body), 201);
    const text = await get(`/meetings/${m.id}.ics`);
    checkWireFormat(text);
    const cal = parse(text);
    assert.equal(cal.getFirstPropertyValue("version"), "2.0");
    const ev = new ICAL.Event(cal.getFirstSubcomponent("vevent") as ICAL.Component);
    assert.equal(ev.summary, HOSTILE_TITLE.replace(/\r\n/g, "\n"));
    assert.equal(ev.location, HOSTILE_PLACE);
    assert.equal(ev.uid, `${m.id}@enlace`);
    assert.match(
      ev.description,
      /^Línea 1\nLínea 2; con, comas\n\nOrden del día:\n1\. Punto; uno, con \\ y "comillas" — detalle\nen dos líneas/,
    );
    const organizer = ev.component.getFirstProperty("organizer");
    assert.equal(organizer?.getParameter("cn"), "Fuerza de Tarea 'Vulcano': Norte, Este (co)");
    assert.equal(organizer?.getFirstValue(), `urn:uuid:${hostile}`);
    const attendee = ev.component.getFirstProperty("attendee");
    assert.equal(attendee?.getParameter("cn"), "Brigada 30 (co)");
    assert.equal(attendee?.getParameter("partstat"), "NEEDS-ACTION");
    assert.ok(!text.includes("mailto:"));
    assert.equal(utc(ev.startDate), "2031-03-05T14:00:00.000Z");
    assert.equal(ev.startDate.zone?.tzid, "America/Bogota");
  });

  it("writes a zone with clock changes so the times convert right on both sides of a change", async () => {
    const summer = expectJson<{ id: string; startUtc: string }>(
      await f.api(
        f.as("olga"),
        "POST",
        "/meetings",
        meetingBody(f.units[0] as string, [f.units[1] as string], {
          startsAt: "2031-07-10T10:00",
          endsAt: "2031-07-10T11:00",
          timezone: "Europe/Madrid",
        }),
      ),
      201,
    );
    const ev = new ICAL.Event(parse(await get(`/meetings/${summer.id}.ics`)).getFirstSubcomponent("vevent") as ICAL.Component);
    assert.equal(utc(ev.startDate), "2031-07-10T08:00:00.000Z");
    assert.equal(summer.startUtc, "2031-07-10T08:00:00.000Z");
    assert.equal(utc(ev.endDate), "2031-07-10T09:00:00.000Z");
  });

  it("raises SEQUENCE with each change and says STATUS:CANCELLED once cancelled", async () => {
    const m = expectJson<{ id: string }>(
      await f.api(f.as("olga"), "POST", "/meetings", meetingBody(f.units[0] as string, [f.units[2] as string])),
      201,
    );
    const read = async () => new ICAL.Event(parse(await get(`/meetings/${m.id}.ics`)).getFirstSubcomponent("vevent") as ICAL.Component);
    const first = await read();
    assert.equal(first.sequence, 0);
    assert.equal(first.component.getFirstPropertyValue("status"), "CONFIRMED");
    expectJson(await f.api(f.as("olga"), "PATCH", `/meetings/${m.id}`, { place: "Villa del Rosario", startsAt: "2031-03-05T10:00" }));
    const moved = await read();
    assert.equal(moved.sequence, 1);
    assert.equal(moved.location, "Villa del Rosario");
    assert.equal(utc(moved.startDate), "2031-03-05T15:00:00.000Z");
    expectJson(await f.api(f.as("olga"), "POST", `/meetings/${m.id}/cancel`, { reason: "Orden público" }));
    const cancelled = await read();
    assert.equal(cancelled.sequence, 2);
    assert.equal(cancelled.component.getFirstPropertyValue("status"), "CANCELLED");
    assert.match(cancelled.description, /Cancelada: Orden público/);
  });
});

describe("GET /units/{id}/calendar.ics", () => {
  it("carries a series once with its RRULE; cancelled occurrences are EXDATEs, a moved one an override", async () => {
    const host = f.units[1] as string;
    const guest = f.units[2] as string;
    const s = expectJson<{ id: string; rrule: string; meetings: { id: string; startUtc: string }[] }>(
      await f.api(f.as("olga"), "POST", "/meeting-series", {
        ...meetingBody(host, [guest], { startsAt: "2031-01-07T09:00", endsAt: "2031-01-07T10:30", title: "Mesa semanal, frontera; norte" }),
        rrule: "FREQ=WEEKLY;INTERVAL=2;COUNT=6",
      }),
      201,
    );
    assert.equal(s.meetings.length, 6);
    assert.equal(s.rrule, "FREQ=WEEKLY;INTERVAL=2;COUNT=6");
    const [, second, third] = s.meetings;
    expectJson(await f.api(f.as("olga"), "POST", `/meetings/${second?.id}/cancel`, { reason: "Feriado" }));
    expectJson(await f.api(f.as("olga"), "PATCH", `/meetings/${third?.id}`, { startsAt: "2031-02-04T14:00", endsAt: "2031-02-04T15:30" }));
    const standalone = expectJson<{ id: string }>(await f.api(f.as("olga"), "POST", "/meetings", meetingBody(host, [guest])), 201);

    const text = await get(`/units/${guest}/calendar.ics?lang=en`);
    checkWireFormat(text);
    const cal = parse(text);
    assert.equal(cal.getFirstPropertyValue("x-wr-calname"), "Meetings of Brigada 18 (co)");
    const events = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const seriesEvents = events.filter((e) => e.uid === `${s.id}@enlace`);
    const master = seriesEvents.find((e) => !e.isRecurrenceException());
    const overrides = seriesEvents.filter((e) => e.isRecurrenceException());
    assert.ok(master?.isRecurring());
    assert.equal(master?.component.getFirstPropertyValue("rrule")?.toString(), "FREQ=WEEKLY;COUNT=6;INTERVAL=2");
    assert.equal(overrides.length, 1);
    assert.equal(utc(overrides[0]?.recurrenceId as ICAL.Time), third?.startUtc);
    assert.ok(events.some((e) => e.uid === `${standalone.id}@enlace`));
    assert.match(master?.description ?? "", /Agenda:/);

    const withExceptions = new ICAL.Event(master?.component as ICAL.Component, { exceptions: overrides.map((o) => o.component) });
    const starts: string[] = [];
    const iter = withExceptions.iterator();
    for (let next = iter.next(); next; next = iter.next()) starts.push(utc(withExceptions.getOccurrenceDetails(next).startDate));
    const standing = expectJson<{ items: { startUtc: string; status: string }[] }>(
      await f.api(f.as("vera"), "GET", `/meetings?seriesId=${s.id}`),
    )
      .items.filter((m) => m.status === "scheduled")
      .map((m) => m.startUtc);
    assert.deepEqual(starts.sort(), standing.sort());
    assert.ok(!starts.includes(second?.startUtc as string));
    assert.ok(starts.includes("2031-02-04T19:00:00.000Z"));

    const occurrence = parse(await get(`/meetings/${third?.id}.ics`));
    const one = new ICAL.Event(occurrence.getFirstSubcomponent("vevent") as ICAL.Component);
    assert.equal(one.uid, `${s.id}@enlace`);
    assert.equal(utc(one.recurrenceId), third?.startUtc);
  });

  it("says NEEDS-ACTION, ACCEPTED or DECLINED as each unit's side confirmed", async () => {
    const m = expectJson<{ id: string }>(
      await f.api(f.as("olga"), "POST", "/meetings", meetingBody(f.units[0] as string, [f.units[1] as string, f.units[2] as string])),
      201,
    );
    expectJson(
      await f.api(f.as("olga"), "POST", `/meetings/${m.id}/attendance`, {
        unitId: f.units[1],
        status: "attending",
        delegation: "Jefe de Estado Mayor",
      }),
    );
    expectJson(await f.api(f.as("olga"), "POST", `/meetings/${m.id}/attendance`, { unitId: f.units[2], status: "declined" }));
    const ev = new ICAL.Event(parse(await get(`/meetings/${m.id}.ics`)).getFirstSubcomponent("vevent") as ICAL.Component);
    assert.deepEqual(
      ev.attendees.map((a) => a.getParameter("partstat")),
      ["ACCEPTED", "DECLINED"],
    );
  });
});

describe("subscription links to a unit's calendar", () => {
  it("a viewer, who may hold no API token, cannot make one", async () => {
    expectProblem(await f.api(f.as("vera"), "POST", `/units/${f.units[0]}/calendar-link`), 403, "auth.forbidden");
  });

  it("open the feed without credentials, that unit only, until their token is revoked", async () => {
    const unit = f.units[0] as string;
    const other = f.units[1] as string;
    const link = expectJson<{ url: string; tokenId: string }>(await f.api(f.as("olga"), "POST", `/units/${unit}/calendar-link`), 201);
    const url = new URL(link.url);
    assert.equal(url.pathname, `/api/v1/units/${unit}/calendar.ics`);
    const feed = url.searchParams.get("feed") as string;
    assert.ok(feed.startsWith(`${link.tokenId}.`));
    const open = (path: string) => f.t.app.inject({ method: "GET", url: path });

    // A calendar application: no header, no cookie.
    const res = await open(`${url.pathname}${url.search}`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(String(res.headers["content-type"]), /^text\/calendar/);
    assert.ok(parse(res.body).getFirstPropertyValue("x-wr-calname"));

    // The same proof for another unit, a tampered one, or none at all: refused.
    expectProblem(await open(`/api/v1/units/${other}/calendar.ics?feed=${encodeURIComponent(feed)}`), 401, "auth.bad_token");
    expectProblem(await open(`${url.pathname}?feed=${encodeURIComponent(`${feed.slice(0, -2)}xx`)}`), 401, "auth.bad_token");
    expectProblem(await open(`${url.pathname}?feed=nodot`), 401, "auth.bad_token");
    expectProblem(await open(url.pathname), 401, "auth.required");
    // The feed with the usual credentials still works.
    assert.ok(await get(`/units/${unit}/calendar.ics`));

    // The link's token is listed with the caller's tokens; revoking it ends the subscription.
    const revoked = await f.t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${link.tokenId}`,
      headers: { authorization: `Bearer ${f.as("olga")}` },
    });
    assert.equal(revoked.statusCode, 204);
    expectProblem(await open(`${url.pathname}${url.search}`), 401, "auth.token_revoked");
  });
});
