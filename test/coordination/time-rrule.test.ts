import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { occurrencesOf } from "../../src/core/coordination/decide-series";
import { expandRule, formatRule, parseRrule } from "../../src/core/coordination/rrule";
import { isTimeZone, offsetMinutes, transitions, utcToZoned, zonedToUtc } from "../../src/core/coordination/time";

/**
 * Local time in a zone and the recurrence subset of series: wall-clock times read in their
 * zone (including clock changes), rules refused with a reason, and expansions that agree
 * with ical.js, an independent RFC 5545 implementation.
 */
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("local time in a zone", () => {
  it("reads Bogotá (UTC-5) and Caracas (UTC-4) times as the instants they are", () => {
    assert.equal(iso(zonedToUtc("2026-03-05T09:00", "America/Bogota")), "2026-03-05T14:00:00.000Z");
    assert.equal(iso(zonedToUtc("2026-03-05T09:00:00", "America/Caracas")), "2026-03-05T13:00:00.000Z");
    assert.equal(utcToZoned(Date.parse("2026-03-05T14:00:00Z"), "America/Bogota"), "2026-03-05T09:00:00");
    assert.equal(offsetMinutes(Date.parse("2026-01-01T00:00:00Z"), "America/Caracas"), -240);
  });

  it("refuses a time the clocks skip and takes the first of a time they repeat", () => {
    // Madrid moves from 02:00 to 03:00 on 29 March 2026 and back from 03:00 to 02:00 on 25 October.
    assert.equal(zonedToUtc("2026-03-29T02:30", "Europe/Madrid"), undefined);
    assert.equal(iso(zonedToUtc("2026-03-29T02:30", "Europe/Madrid", false)), "2026-03-29T01:30:00.000Z");
    assert.equal(iso(zonedToUtc("2026-10-25T02:30", "Europe/Madrid")), "2026-10-25T00:30:00.000Z");
    assert.equal(iso(zonedToUtc("2026-07-01T10:00", "Europe/Madrid")), "2026-07-01T08:00:00.000Z");
  });

  it("finds a zone's offset changes to the minute, and none where there are none", () => {
    const madrid = transitions("Europe/Madrid", Date.parse("2026-01-01T00:00:00Z"), Date.parse("2027-01-01T00:00:00Z"));
    assert.deepEqual(
      madrid.map((t) => [iso(t.at), t.from, t.to]),
      [
        ["2026-03-29T01:00:00.000Z", 60, 120],
        ["2026-10-25T01:00:00.000Z", 120, 60],
      ],
    );
    assert.deepEqual(transitions("America/Bogota", Date.parse("2020-01-01T00:00:00Z"), Date.parse("2030-01-01T00:00:00Z")), []);
  });

  it("knows timezones and refuses what is not one", () => {
    assert.ok(isTimeZone("America/Bogota"));
    assert.ok(isTimeZone("UTC"));
    for (const bad of ["Mars/Olympus", "America/Bogota;X=1", "", "../etc", "America/Bogota\r\nX"])
      assert.equal(isTimeZone(bad), false, bad);
  });
});

describe("recurrence rules", () => {
  it("refuses what the subset does not cover, saying why", () => {
    const cases: [string, RegExp][] = [
      ["FREQ=DAILY;COUNT=3", /WEEKLY or MONTHLY/],
      ["FREQ=WEEKLY", /COUNT or by UNTIL/],
      ["FREQ=WEEKLY;COUNT=2;UNTIL=20260101", /COUNT or by UNTIL/],
      ["FREQ=WEEKLY;BYDAY=MO;COUNT=2", /BYDAY is not supported/],
      ["FREQ=WEEKLY;INTERVAL=0;COUNT=2", /INTERVAL/],
      ["FREQ=WEEKLY;COUNT=201", /COUNT/],
      ["FREQ=MONTHLY;UNTIL=20260231", /UNTIL/],
      ["FREQ=WEEKLY;FREQ=MONTHLY;COUNT=2", /twice/],
      ["FREQ=WEEKLY;COUNT", /NAME=VALUE/],
    ];
    for (const [text, why] of cases) {
      const p = parseRrule(text);
      assert.equal(p.ok, false, text);
      if (!p.ok) assert.match(p.message, why, text);
    }
  });

  /** The starts ical.js gives for the same rule from the same local start. */
  function icalStarts(rule: string, start: string, tz: string, max = 300): string[] {
    const dtstart = ICAL.Time.fromDateTimeString(start);
    const recur = ICAL.Recur.fromString(rule);
    const it = recur.iterator(dtstart);
    const out: string[] = [];
    for (let next = it.next(); next && out.length < max; next = it.next()) {
      out.push(next.toString().slice(0, 19));
    }
    void tz;
    return out;
  }

  const cases: [string, string][] = [
    ["FREQ=WEEKLY;COUNT=10", "2026-01-08T09:00:00"],
    ["FREQ=WEEKLY;INTERVAL=2;UNTIL=20261231", "2026-01-08T09:00:00"],
    ["FREQ=MONTHLY;COUNT=12", "2026-01-31T10:00:00"],
    ["FREQ=MONTHLY;INTERVAL=3;COUNT=8", "2026-02-15T08:30:00"],
    ["FREQ=MONTHLY;UNTIL=20270130T150000Z", "2026-01-30T10:00:00"],
  ];
  for (const [rule, start] of cases) {
    it(`expands ${rule} from ${start} as ical.js does`, () => {
      const parsed = parseRrule(rule);
      assert.ok(parsed.ok);
      const mine = expandRule(parsed.rule, start, "America/Bogota");
      assert.ok(mine);
      // ical.js reads a Z UNTIL in UTC against floating local times; ours reads it against Bogotá.
      const theirs = icalStarts(rule.replace("UNTIL=20270130T150000Z", "UNTIL=20270130T100000"), start, "America/Bogota");
      assert.deepEqual(mine, theirs);
    });
  }

  it("skips months without the day and does not count them (31 January, monthly)", () => {
    const p = parseRrule("FREQ=MONTHLY;COUNT=4");
    assert.ok(p.ok);
    assert.deepEqual(expandRule(p.rule, "2026-01-31T10:00:00", "UTC"), [
      "2026-01-31T10:00:00",
      "2026-03-31T10:00:00",
      "2026-05-31T10:00:00",
      "2026-07-31T10:00:00",
    ]);
  });

  it("refuses a series over 200 meetings or five years", () => {
    const p = parseRrule("FREQ=MONTHLY;INTERVAL=12;COUNT=7");
    assert.ok(p.ok);
    assert.equal(expandRule(p.rule, "2026-01-01T10:00:00", "UTC"), undefined);
    const u = parseRrule("FREQ=WEEKLY;UNTIL=20400101");
    assert.ok(u.ok);
    assert.equal(expandRule(u.rule, "2026-01-01T10:00:00", "UTC"), undefined);
  });

  it("writes an UNTIL as the UTC start of the last occurrence, and keeps local time across clock changes", () => {
    const o = occurrencesOf({
      rrule: "FREQ=WEEKLY;UNTIL=20260415",
      startsAt: "2026-03-18T10:00",
      endsAt: "2026-03-18T11:30",
      timezone: "Europe/Madrid",
    });
    assert.deepEqual(
      o.list.map((x) => [x.startsAt, x.endsAt, x.recurrenceId]),
      [
        ["2026-03-18T10:00:00", "2026-03-18T11:30:00", "2026-03-18T09:00:00.000Z"],
        ["2026-03-25T10:00:00", "2026-03-25T11:30:00", "2026-03-25T09:00:00.000Z"],
        ["2026-04-01T10:00:00", "2026-04-01T11:30:00", "2026-04-01T08:00:00.000Z"],
        ["2026-04-08T10:00:00", "2026-04-08T11:30:00", "2026-04-08T08:00:00.000Z"],
        ["2026-04-15T10:00:00", "2026-04-15T11:30:00", "2026-04-15T08:00:00.000Z"],
      ],
    );
    assert.equal(o.rule, "FREQ=WEEKLY;UNTIL=20260415T080000Z");
    const p = parseRrule("RRULE:freq=monthly;interval=2;count=3");
    assert.ok(p.ok);
    assert.equal(formatRule(p.rule, undefined), "FREQ=MONTHLY;INTERVAL=2;COUNT=3");
  });
});
