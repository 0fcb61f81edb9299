import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { distanceKm, formatLatLon, fromMgrs, toMgrs } from "./position";

describe("positions in lat/lon and MGRS", () => {
  it("writes Cúcuta's bridge area in MGRS and reads it back within a metre", () => {
    const p = { lat: 7.8206, lon: -72.4559 };
    const ref = toMgrs(p);
    assert.match(ref, /^18N [A-Z]{2} \d{5} \d{5}$/);
    const back = fromMgrs(ref);
    assert.ok(back);
    assert.ok(distanceKm(p, back) < 0.002, `${ref} → ${JSON.stringify(back)}`);
  });

  it("reads references with or without spaces, in lower case, at lower precision", () => {
    const a = fromMgrs("18nyp7564974069");
    const b = fromMgrs("18N YP 756 740");
    assert.ok(a && b);
    assert.ok(distanceKm(a, b) < 0.2);
  });

  it("refuses what is not an MGRS reference", () => {
    for (const bad of ["", "garbage", "18N YP 123", "99Z AA 00000 00000", "18NYP7564974069XX"]) assert.equal(fromMgrs(bad), null, bad);
  });

  it("has no MGRS at the poles and formats hemispheres", () => {
    assert.equal(toMgrs({ lat: 89, lon: 0 }), "");
    assert.equal(formatLatLon({ lat: 7.5, lon: -72.25 }), "7.50000° N, 72.25000° W");
    assert.equal(formatLatLon({ lat: -1, lon: 10 }), "1.00000° S, 10.00000° E");
  });
});
