import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { compareHlc, createHlc, DEFAULT_MAX_DRIFT_MS, formatHlc, type Hlc, HlcDriftError, parseHlc } from "./hlc";

const T = Date.UTC(2026, 10, 27, 18, 40);
const MIN_MS = Date.parse("0000-01-01T00:00:00.000Z");
const MAX_MS = Date.parse("9999-12-31T23:59:59.999Z");

/** A wall clock the test sets by hand. */
function manualWall(start: number) {
  let t = start;
  return {
    read: () => t,
    set: (ms: number) => {
      t = ms;
    },
  };
}

const stamp = (ms: number, counter: number) => formatHlc({ ms, counter });
const sign = (n: number) => Math.sign(n);
// fc.record builds null-prototype objects; deepEqual wants plain ones like parseHlc returns.
const hlcArb = fc
  .record({ ms: fc.integer({ min: MIN_MS, max: MAX_MS }), counter: fc.integer({ min: 0, max: 0xffff }) })
  .map(({ ms, counter }): Hlc => ({ ms, counter }));

describe("formatHlc / parseHlc", () => {
  it("writes ISO 8601 UTC milliseconds and a 4-digit lower-case hex counter", () => {
    assert.equal(stamp(T, 0), "2026-11-27T18:40:00.000Z/0000");
    assert.equal(stamp(T + 5, 0xabc), "2026-11-27T18:40:00.005Z/0abc");
    assert.deepEqual(parseHlc("2026-11-27T18:40:00.005Z/0abc"), { ms: T + 5, counter: 0xabc });
  });

  it("round-trips every timestamp from year 0000 to 9999 (property)", () => {
    fc.assert(
      fc.property(hlcArb, (h) => {
        const text = formatHlc(h);
        assert.deepEqual(parseHlc(text), h);
        assert.equal(formatHlc(parseHlc(text)), text);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses anything but the canonical text", () => {
    for (const bad of [
      "",
      "2026-11-27T18:40:00.000Z/ABCD",
      "2026-11-27T18:40:00.000Z/000",
      "2026-11-27T18:40:00.000Z/00000",
      "2026-11-27T18:40:00Z/0000",
      "2026-11-27 18:40:00.000Z/0000",
      "2026-11-27T18:40:00.000+00:00/0000",
      "+010000-01-01T00:00:00.000Z/0000",
      "2026-13-01T00:00:00.000Z/0000",
      // Date.parse turns these into another day; as text they would sort out of time order.
      "2026-02-30T00:00:00.000Z/0000",
      "2026-01-01T24:00:00.000Z/0000",
      " 2026-11-27T18:40:00.000Z/0000",
    ]) {
      assert.throws(() => parseHlc(bad), TypeError, JSON.stringify(bad));
    }
  });

  it("parses exactly as the Date-based reading did, refusing the same texts (property)", () => {
    // The previous parser: Date.parse, then a round trip through toISOString.
    const reference = (text: string): Hlc | undefined => {
      const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\/([0-9a-f]{4})$/.exec(text);
      const ms = m ? Date.parse(m[1] ?? "") : Number.NaN;
      if (!m || Number.isNaN(ms)) return undefined;
      const h = { ms, counter: Number.parseInt(m[2] ?? "0", 16) };
      return formatHlc(h) === text ? h : undefined;
    };
    const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"));
    // Fields just past their ranges as often as inside them: month 13, day 31 of short months, 24:00, 60 s.
    const text = fc
      .tuple(digits(4, 9999), digits(2, 14), digits(2, 32), digits(2, 25), digits(2, 61), digits(2, 61), digits(3, 999), digits(4, 9999))
      .map(([y, mo, d, h, mi, s, ms, c]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z/${c}`);
    fc.assert(
      fc.property(fc.oneof(text, hlcArb.map(formatHlc)), (t) => {
        const want = reference(t);
        if (want === undefined) assert.throws(() => parseHlc(t), TypeError, t);
        else assert.deepEqual(parseHlc(t), want);
      }),
      { numRuns: 5000 },
    );
    for (const t of [
      "2024-02-29T00:00:00.000Z/0000",
      "2100-02-29T00:00:00.000Z/0000",
      "2000-02-29T23:59:59.999Z/ffff",
      "0000-02-29T00:00:00.000Z/0000",
    ]) {
      const want = reference(t);
      if (want === undefined) assert.throws(() => parseHlc(t), TypeError, t);
      else assert.deepEqual(parseHlc(t), want);
    }
  });

  it("sorts as text exactly as compareHlc orders (property)", () => {
    const sameMs = hlcArb.chain((a) =>
      fc.record({ ms: fc.constant(a.ms), counter: fc.integer({ min: 0, max: 0xffff }) }).map((b) => [a, b] as const),
    );
    const near = hlcArb.chain((a) =>
      fc
        .record({
          ms: fc.integer({ min: Math.max(MIN_MS, a.ms - 2000), max: Math.min(MAX_MS, a.ms + 2000) }),
          counter: fc.integer({ min: 0, max: 0xffff }),
        })
        .map((b) => [a, b] as const),
    );
    const pairs = fc.oneof(fc.tuple(hlcArb, hlcArb), sameMs, near);
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const x = formatHlc(a);
        const y = formatHlc(b);
        const lexical = x < y ? -1 : x > y ? 1 : 0;
        assert.equal(lexical, sign(compareHlc(a, b)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("createHlc().now()", () => {
  it("follows the wall clock and counts within one millisecond", () => {
    const wall = manualWall(T);
    const clock = createHlc(wall.read);
    assert.equal(clock.now(), stamp(T, 0));
    assert.equal(clock.now(), stamp(T, 1));
    wall.set(T + 3);
    assert.equal(clock.now(), stamp(T + 3, 0));
  });

  it("never runs backwards when the wall clock does", () => {
    const readings = [T, T, T - 1, T - 500, T + 1, T + 1, T - 60_000, T + 2];
    let i = 0;
    const clock = createHlc(() => readings[i++] ?? Number.NaN);
    const stamps = readings.map(() => clock.now());
    assert.deepEqual(stamps, [
      stamp(T, 0),
      stamp(T, 1),
      stamp(T, 2),
      stamp(T, 3),
      stamp(T + 1, 0),
      stamp(T + 1, 1),
      stamp(T + 1, 2),
      stamp(T + 2, 0),
    ]);
  });

  it("borrows the next millisecond when the counter is exhausted", () => {
    const wall = manualWall(T);
    const clock = createHlc(wall.read);
    const stamps: string[] = [];
    for (let i = 0; i <= 0xffff; i++) stamps.push(clock.now());
    assert.equal(stamps[0], stamp(T, 0));
    assert.equal(stamps[0xffff], stamp(T, 0xffff));
    assert.equal(new Set(stamps).size, 0x10000);
    assert.equal(clock.now(), stamp(T + 1, 0));
    assert.equal(clock.now(), stamp(T + 1, 1), "the wall is still behind: keep counting in the borrowed ms");
    wall.set(T + 1);
    assert.equal(clock.now(), stamp(T + 1, 2));
    wall.set(T + 2);
    assert.equal(clock.now(), stamp(T + 2, 0));
  });

  it("borrows after an observed stamp that used the last counter value", () => {
    const clock = createHlc(() => T);
    clock.observe(stamp(T + 10, 0xffff));
    assert.equal(clock.now(), stamp(T + 11, 0));
  });

  it("issues strictly increasing stamps, never behind the wall, whatever the wall and peers do (property)", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("now" as const), wall: fc.integer({ min: -5000, max: 5000 }) }),
      fc.record({
        kind: fc.constant("observe" as const),
        wall: fc.integer({ min: -5000, max: 5000 }),
        ahead: fc.integer({ min: -5000, max: 1000 }),
        counter: fc.integer({ min: 0, max: 0xffff }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const wall = manualWall(T);
        const clock = createHlc(wall.read, 1000);
        let floor: Hlc = { ms: 0, counter: 0 };
        for (const o of ops) {
          wall.set(T + o.wall);
          if (o.kind === "observe") {
            const remote = { ms: T + o.wall + o.ahead, counter: o.counter };
            clock.observe(formatHlc(remote));
            if (compareHlc(remote, floor) > 0) floor = remote;
            continue;
          }
          const h = parseHlc(clock.now());
          assert.ok(compareHlc(h, floor) > 0, `${formatHlc(h)} after ${formatHlc(floor)}`);
          assert.ok(h.ms >= T + o.wall);
          floor = h;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("createHlc().observe()", () => {
  it("makes the next local stamp follow a remote one that is ahead", () => {
    const clock = createHlc(() => T);
    clock.now();
    clock.observe(stamp(T + 5000, 7));
    assert.equal(clock.now(), stamp(T + 5000, 8));
  });

  it("orders after a remote stamp in the same millisecond with a higher counter", () => {
    const clock = createHlc(() => T);
    clock.now();
    clock.observe(stamp(T, 0x40));
    assert.equal(clock.now(), stamp(T, 0x41));
  });

  it("ignores a remote stamp that is behind", () => {
    const wall = manualWall(T);
    const clock = createHlc(wall.read);
    clock.now();
    clock.now();
    clock.observe(stamp(T - 10_000, 0xfff));
    clock.observe(stamp(T, 0));
    assert.equal(clock.now(), stamp(T, 2));
  });

  it("accepts a remote exactly at the drift bound and refuses one a millisecond past it", () => {
    const clock = createHlc(() => T, 1000);
    clock.observe(stamp(T + 1000, 0));
    const past = stamp(T + 1001, 0);
    assert.throws(
      () => clock.observe(past),
      (err: unknown) => err instanceof HlcDriftError && err instanceof Error && err.driftMs === 1001 && err.remote === past,
    );
    assert.equal(clock.now(), stamp(T + 1000, 1), "a refused stamp leaves the clock where it was");
  });

  it("bounds drift by DEFAULT_MAX_DRIFT_MS when none is given", () => {
    const clock = createHlc(() => T);
    clock.observe(stamp(T + DEFAULT_MAX_DRIFT_MS, 0));
    assert.throws(() => clock.observe(stamp(T + DEFAULT_MAX_DRIFT_MS + 1, 0)), HlcDriftError);
  });

  it("measures drift against the wall now, not against the last stamp", () => {
    const wall = manualWall(T);
    const clock = createHlc(wall.read, 1000);
    assert.throws(() => clock.observe(stamp(T + 1500, 0)), HlcDriftError);
    wall.set(T + 600);
    clock.observe(stamp(T + 1500, 0));
    assert.equal(clock.now(), stamp(T + 1500, 1));
  });

  it("refuses text that is not a timestamp", () => {
    const clock = createHlc(() => T);
    assert.throws(() => clock.observe("yesterday"), TypeError);
  });
});

describe("createHlc().advanceTo()", () => {
  it("moves past one of our own stamps, however far ahead, without a drift check", () => {
    const clock = createHlc(() => T, 1000);
    clock.advanceTo(stamp(T + 3_600_000, 5));
    assert.equal(clock.now(), stamp(T + 3_600_000, 6));
  });

  it("never moves the clock back", () => {
    const clock = createHlc(() => T);
    clock.now();
    clock.now();
    clock.advanceTo(stamp(T - 1, 0xffff));
    assert.equal(clock.now(), stamp(T, 2));
  });
});
