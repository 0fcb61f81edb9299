import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainError } from "../errors";
import { parseBbox, parseQueryPosition } from "./bbox";
import { fromMgrs, mgrsOf, positionInputSchema, resolvePosition, toMgrs } from "./mgrs";

/** MGRS both ways with validation, and coordinates from query strings. */
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DomainError, String(err));
    return [err.code, err.field];
  }
  assert.fail("did not throw");
};

describe("MGRS", () => {
  it("gives a spaced 1 m reference and reads it back to within a metre", () => {
    const cucuta = { lat: 7.9, lon: -72.5 };
    const ref = mgrsOf(cucuta);
    assert.equal(ref, "18N YP 75649 74069");
    const back = fromMgrs(ref);
    assert.ok(Math.abs(back.lat - cucuta.lat) < 1e-5 && Math.abs(back.lon - cucuta.lon) < 1e-5, JSON.stringify(back));
    assert.deepEqual(fromMgrs("18nyp7564974069"), back, "case and spaces do not matter");
  });

  it("reads coarser references as the centre of their square", () => {
    const km = fromMgrs("18N YP 75 74");
    assert.ok(Math.abs(km.lat - 7.9) < 0.01 && Math.abs(km.lon + 72.5) < 0.01, JSON.stringify(km));
  });

  it("has no reference beyond 80°S and 84°N", () => {
    assert.equal(mgrsOf({ lat: 85, lon: 0 }), "");
    assert.equal(mgrsOf({ lat: -80.5, lon: 0 }), "");
    assert.deepEqual(
      code(() => toMgrs({ lat: 89, lon: 10 })),
      ["border.bad_coordinates", "position"],
    );
    assert.match(mgrsOf({ lat: 83.9, lon: 0 }), /^31X /);
  });

  it("refuses malformed references with border.bad_mgrs naming the field", () => {
    for (const bad of ["", "18N", "18NYP1", "18NYP123", "18IYP1234", "18NIP1234", "61NYP1234", "0NYP11", "18NYP12345678901", "hello"]) {
      assert.deepEqual(
        code(() => fromMgrs(bad)),
        ["border.bad_mgrs", "position.mgrs"],
        bad,
      );
    }
  });
});

describe("position input", () => {
  it("takes {lat, lon} or {mgrs}, not both, not neither", () => {
    assert.equal(positionInputSchema.safeParse({ lat: 7, lon: -72 }).success, true);
    assert.equal(positionInputSchema.safeParse({ mgrs: "18N YP 75649 74069" }).success, true);
    const both = positionInputSchema.safeParse({ lat: 7, lon: -72, mgrs: "18N YP 1 1" });
    assert.equal(both.success, false);
    const neither = positionInputSchema.safeParse({});
    assert.deepEqual(neither.error?.issues.map((i) => i.path.join(".")).sort(), ["lat", "lon"]);
    const bad = positionInputSchema.safeParse({ lat: 91, lon: -181 });
    assert.deepEqual(bad.error?.issues.map((i) => i.path.join(".")).sort(), ["lat", "lon"]);
    assert.equal(positionInputSchema.safeParse({ lat: Number.NaN, lon: 0 }).success, false);
    assert.equal(positionInputSchema.safeParse({ lat: "7", lon: 0 }).success, false);
  });

  it("resolves to a position, refusing what slipped past a schema", () => {
    assert.deepEqual(resolvePosition({ lat: 7, lon: -72 }), { lat: 7, lon: -72 });
    assert.ok(resolvePosition({ mgrs: "18N YP 75649 74069" }).lat > 7.89);
    assert.deepEqual(
      code(() => resolvePosition({ lat: 91, lon: 0 })),
      ["border.bad_coordinates", "position.lat"],
    );
    assert.deepEqual(
      code(() => resolvePosition({ lat: Number.NaN, lon: 0 })),
      ["border.bad_coordinates", "position.lat"],
    );
    assert.deepEqual(
      code(() => resolvePosition({ mgrs: "nope" }, "route")),
      ["border.bad_mgrs", "route.mgrs"],
    );
  });
});

describe("query coordinates", () => {
  it("parses a bbox in RFC 7946 order", () => {
    assert.deepEqual(parseBbox("-73.5,6,-71,9.25"), { minLon: -73.5, minLat: 6, maxLon: -71, maxLat: 9.25 });
  });

  it("refuses malformed or out-of-range boxes naming query.bbox", () => {
    for (const bad of [
      "",
      "1,2,3",
      "a,b,c,d",
      "-73,6,-71,NaN",
      "-181,6,-71,9",
      "-73,-91,-71,9",
      "-71,6,-73,9",
      "-73,9,-71,6",
      "1e999,0,1,1",
      "0x10,0,1,1",
    ]) {
      assert.deepEqual(
        code(() => parseBbox(bad)),
        ["border.bad_coordinates", "query.bbox"],
        bad,
      );
    }
  });

  it("reads lat/lon or mgrs from a query", () => {
    assert.deepEqual(parseQueryPosition({ lat: "7.5", lon: "-72.25" }), { lat: 7.5, lon: -72.25 });
    assert.ok(parseQueryPosition({ mgrs: "18N YP 75649 74069" }).lon < -72);
    assert.deepEqual(
      code(() => parseQueryPosition({ lat: "91", lon: "0" })),
      ["border.bad_coordinates", "query.lat"],
    );
    assert.deepEqual(
      code(() => parseQueryPosition({ lat: "7" })),
      ["border.bad_coordinates", "query.lon"],
    );
    assert.deepEqual(
      code(() => parseQueryPosition({ lat: "7", lon: "west" })),
      ["border.bad_coordinates", "query.lon"],
    );
  });
});
