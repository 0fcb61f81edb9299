import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMoment } from "./channel/channel-format";
import { formatDate, formatDateTime } from "./format";

// The console's moments are read on the 24-hour clock in both languages, as the forces write them.
describe("dates and times in the console", () => {
  const morning = "2026-11-28T07:33:09";
  const midnight = "2026-11-28T00:03:09";

  it("shows a moment with a two-digit hour, never a.m./p.m.", () => {
    assert.equal(formatDateTime(morning, "es"), "28/11/2026, 07:33");
    assert.equal(formatDateTime(midnight, "es"), "28/11/2026, 00:03");
    assert.equal(formatDateTime(morning, "en"), "28 Nov 2026, 07:33");
    for (const lang of ["es", "en"]) assert.doesNotMatch(formatDateTime("2026-11-28T19:05:00", lang), /[ap]\.? ?m\.?/i);
  });

  it("gives a tooltip's full moment to the second", () => {
    assert.equal(formatMoment(midnight, "es"), "28 de noviembre de 2026, 00:03:09");
    assert.equal(formatMoment(morning, "en"), "28 November 2026, 07:33:09");
  });

  it("keeps whole days whole and says what it cannot read", () => {
    assert.equal(formatDate("2026-11-28", "es"), "28 de nov de 2026");
    assert.equal(formatDateTime("no es una fecha", "es"), "no es una fecha");
    assert.equal(formatDateTime(null, "es"), "—");
  });
});
