import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { UUID_PATTERN, uuidv7 } from "./ids";

const MAX_MS = 2 ** 48 - 1;
const msOf = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
const bitsOf = (id: string) =>
  id
    .replaceAll("-", "")
    .split("")
    .flatMap((c) => Number.parseInt(c, 16).toString(2).padStart(4, "0").split(""));

describe("uuidv7", () => {
  it("has the canonical lower-case form, version 7 and the RFC 9562 variant", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MS }), (ms) => {
        const id = uuidv7(ms);
        assert.match(id, UUID_PATTERN);
        assert.equal(id[14], "7", "version nibble");
        assert.match(id[19] ?? "", /^[89ab]$/, "variant bits 10");
      }),
      { numRuns: 300 },
    );
  });

  it("carries the Unix milliseconds big-endian in its first 48 bits", () => {
    assert.equal(uuidv7(0).slice(0, 13), "00000000-0000");
    assert.equal(uuidv7(MAX_MS).slice(0, 13), "ffffffff-ffff");
    assert.equal(uuidv7(Date.UTC(2026, 4, 10)).slice(0, 13), "019e0f2f-0400");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MS }), (ms) => assert.equal(msOf(uuidv7(ms)), ms)),
      { numRuns: 300 },
    );
  });

  it("defaults to the current time", () => {
    const before = Date.now();
    const ms = msOf(uuidv7());
    assert.ok(ms >= before && ms <= Date.now());
  });

  it("sorts as text in the order of its milliseconds, across byte boundaries too", () => {
    for (const t of [0, 255, 65_535, 2 ** 32 - 1, 2 ** 40 - 1, MAX_MS - 1]) {
      assert.ok(uuidv7(t) < uuidv7(t + 1), `at ${t}`);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MS - 1 }), fc.integer({ min: 1, max: 2 ** 20 }), (t, step) => {
        const later = Math.min(t + step, MAX_MS);
        assert.ok(uuidv7(t) < uuidv7(later));
      }),
      { numRuns: 300 },
    );
  });

  it("fills the other 74 bits at random", () => {
    const t = Date.UTC(2026, 4, 10);
    const ids = Array.from({ length: 400 }, () => uuidv7(t));
    assert.equal(new Set(ids).size, ids.length);
    // Every bit outside the timestamp, version and variant takes both values over 400 ids
    // (the chance that a fair bit does not is 2^-399).
    const fixed = new Set([48, 49, 50, 51, 64, 65]);
    const columns = ids.map(bitsOf);
    for (let bit = 48; bit < 128; bit++) {
      const seen = new Set(columns.map((c) => c[bit]));
      assert.equal(seen.size, fixed.has(bit) ? 1 : 2, `bit ${bit}`);
    }
  });
});
