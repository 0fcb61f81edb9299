import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_FILTERS, incidentParams, windowRange } from "./filters";

describe("incident filters as query parameters", () => {
  const now = new Date("2025-06-10T15:42:17.000Z");

  it("relative windows end now and reach back 24 h, 7 or 30 days", () => {
    assert.deepEqual(windowRange({ ...DEFAULT_FILTERS, window: "24h" }, now), {
      from: "2025-06-09T15:42:17.000Z",
      to: "2025-06-10T15:42:17.000Z",
    });
    assert.equal(windowRange({ ...DEFAULT_FILTERS, window: "7d" }, now).from, "2025-06-03T15:42:17.000Z");
  });

  it("a custom window covers whole UTC days, its last day included", () => {
    const r = windowRange({ ...DEFAULT_FILTERS, window: "custom", from: "2025-05-01", to: "2025-05-31" }, now);
    assert.deepEqual(r, { from: "2025-05-01T00:00:00.000Z", to: "2025-06-01T00:00:00.000Z" });
  });

  it("rounds up to the next minute, so a report entered this minute is in (`to` is exclusive)", () => {
    const p = incidentParams({ ...DEFAULT_FILTERS, window: "24h" }, now);
    assert.equal(p.get("to"), "2025-06-10T15:43:00.000Z");
    assert.equal(incidentParams({ ...DEFAULT_FILTERS }, new Date("2025-06-10T15:42:00.000Z")).get("to"), "2025-06-10T15:43:00.000Z");
  });

  it("names the side as the list (`owner`) or the map aggregates (`side`) expect; sector and type when set", () => {
    const f = { ...DEFAULT_FILTERS, side: "ve" as const, sector: "0190a1b2-0000-7000-8000-000000000001", type: "smuggling_fuel" as const };
    const list = incidentParams(f, now);
    assert.equal(list.get("owner"), "ve");
    assert.equal(list.get("side"), null);
    assert.equal(list.get("sector"), f.sector);
    assert.equal(list.get("type"), "smuggling_fuel");
    assert.equal(incidentParams(f, now, "side").get("side"), "ve");
    assert.equal(incidentParams(DEFAULT_FILTERS, now).has("owner"), false);
  });
});
