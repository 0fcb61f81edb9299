import assert from "node:assert/strict";
import { describe, it } from "node:test";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { canonicalBytes, canonicalEnvelope, canonicalJson, canonicalSignedEnvelope, withSignature } from "./canonical";

/** Orders strings by UTF-16 code units, written out so the test does not lean on Array#sort. */
function compareCodeUnits(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

/** Rebuilds every object in `value` with its keys inserted in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).reverse()) {
    Object.defineProperty(out, k, { value: reverseKeys(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

describe("canonicalJson: member order", () => {
  it("sorts keys by UTF-16 code units, not by code points or locale", () => {
    // U+1F600 is stored as the surrogate pair D83D DE00, so it sorts before U+FB33 although its
    // code point is larger; U+0080 sorts after every ASCII key; "" sorts first.
    const value = {
      "\ufb33": 10,
      "\u{1f600}": 9,
      "\u20ac": 8,
      ö: 7,
      "\u0080": 6,
      aa: 5,
      a: 4,
      A: 3,
      "1": 2,
      "\r": 1,
      "": 0,
    };
    assert.equal(canonicalJson(value), '{"":0,"\\r":1,"1":2,"A":3,"a":4,"aa":5,"\u0080":6,"ö":7,"\u20ac":8,"\u{1f600}":9,"\ufb33":10}');
  });

  it("sorts integer-like keys as strings, not in the engine's numeric own-key order", () => {
    assert.equal(canonicalJson({ 9: "a", 10: "b", 1: "c", "-1": "d" }), '{"-1":"d","1":"c","10":"b","9":"a"}');
  });

  it("sorts nested objects, including objects inside arrays, and keeps array order", () => {
    const value = { b: [{ z: 1, y: [true, null, false] }, "x"], a: { d: {}, c: [] } };
    assert.equal(canonicalJson(value), '{"a":{"c":[],"d":{}},"b":[{"y":[true,null,false],"z":1},"x"]}');
  });

  it("emits keys of random objects in code-unit order (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary", maxLength: 6 }), fc.integer(), { maxKeys: 12 }), (obj) => {
        const keys = Object.keys(obj).sort(compareCodeUnits);
        const expected = `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(obj[k])}`).join(",")}}`;
        assert.equal(canonicalJson(obj), expected);
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on insertion order and is a fixed point under parse (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: "binary" }), (value) => {
        const text = canonicalJson(value);
        assert.equal(canonicalJson(reverseKeys(value)), text);
        assert.equal(canonicalJson(JSON.parse(text)), text);
      }),
      { numRuns: 200 },
    );
  });
});

describe("canonicalJson: numbers", () => {
  it("formats numbers the way ECMAScript's Number-to-String does", () => {
    const numbers = [1e21, 1e20, -0, 0, 1e-7, 1e-6, 0.30000000000000004, 5e-324, 1.7976931348623157e308, 2 ** 53, -1.5, 1e23, 123e-20];
    assert.equal(
      canonicalJson(numbers),
      "[1e+21,100000000000000000000,0,0,1e-7,0.000001,0.30000000000000004,5e-324,1.7976931348623157e+308,9007199254740992,-1.5,1e+23,1.23e-18]",
    );
  });

  it("writes -0 as 0", () => {
    assert.equal(canonicalJson(-0), "0");
    assert.equal(canonicalJson({ n: -0 }), '{"n":0}');
  });

  it("normalises the spelling of numbers received as text", () => {
    assert.equal(canonicalJson(JSON.parse('{"n":1.50,"m":1E+2,"k":-0.0,"j":0.1e1,"i":1e021}')), '{"i":1e+21,"j":1,"k":0,"m":100,"n":1.5}');
  });

  it("refuses NaN and the infinities anywhere in the value", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => canonicalJson(bad));
      assert.throws(() => canonicalJson({ deep: [1, { x: bad }] }));
    }
  });
});

describe("canonicalJson: strings", () => {
  it("escapes only quote, backslash and C0 controls, using the short forms where JSON has them", () => {
    const s = '\u0000\u0008\t\n\u000b\f\r\u001f "\\/\u007f\u2028é\u{1f600}';
    assert.equal(canonicalJson(s), '"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f \\"\\\\/\u007f\u2028é\u{1f600}"');
  });

  it("encodes the canonical text as UTF-8", () => {
    assert.equal(hex(canonicalBytes("é\u{1f600}")), "22c3a9f09f988022");
    assert.equal(hex(canonicalBytes({ "\u20ac": [1, "a"] })), "7b22e282ac223a5b312c2261225d7d");
  });

  it("keeps distinct lone surrogates distinct, so two data values never share signed bytes", () => {
    // Written raw, a lone surrogate would become U+FFFD in UTF-8 and collide with every other one.
    assert.equal(canonicalJson("\ud800"), '"\\ud800"');
    assert.notEqual(hex(canonicalBytes("\ud800")), hex(canonicalBytes("\udbff")));
    assert.notEqual(hex(canonicalBytes("\ud800")), hex(canonicalBytes("\ufffd")));
  });
});

describe("canonicalJson: values JSON cannot carry", () => {
  it("drops undefined members, so an unset optional field signs like an absent one", () => {
    assert.equal(canonicalJson({ a: 1, b: undefined }), canonicalJson({ a: 1 }));
    assert.equal(canonicalJson([undefined, 1]), "[null,1]");
  });

  it("throws a TypeError when there is nothing to canonicalise", () => {
    assert.throws(() => canonicalJson(undefined), TypeError);
    assert.throws(() => canonicalJson(() => 1), TypeError);
  });

  it("uses toJSON, as JSON.stringify does", () => {
    assert.equal(canonicalJson({ at: new Date(Date.UTC(2026, 4, 10, 12, 0, 0, 5)) }), '{"at":"2026-05-10T12:00:00.005Z"}');
  });

  it("refuses BigInt rather than guessing a representation", () => {
    assert.throws(() => canonicalJson({ n: 1n }), TypeError);
  });
});

describe("canonicalEnvelope / withSignature: the envelope fast path", () => {
  // Any string, including ones that look like the envelope's own keys, in every string field.
  const tricky = fc.oneof(fc.string({ unit: "binary", maxLength: 10 }), fc.constantFrom(',"space":', '","space":"x', "\\", '"', "\u2028"));
  const envelope = fc
    .record({
      actor: tricky,
      data: fc.dictionary(tricky, fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }), { maxKeys: 4 }),
      hlc: tricky,
      id: tricky,
      origin: tricky,
      prev: tricky,
      seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      space: tricky,
      subject: tricky,
      type: tricky,
      v: fc.integer({ min: 1, max: 1000 }),
    })
    .map((r) => ({ ...r }));

  it("gives exactly the general canonical form, without and with sig (property)", () => {
    fc.assert(
      fc.property(envelope, tricky, (e, sig) => {
        const unsigned = canonicalEnvelope(e);
        assert.equal(unsigned, canonicalJson(e));
        assert.equal(withSignature(unsigned, sig), canonicalJson({ ...e, sig }));
      }),
      { numRuns: 300 },
    );
  });

  it("places sig between seq and space even when a string field imitates the space key", () => {
    const e = {
      actor: ',"space":"a"',
      data: { ',"space":': ',"space":' },
      hlc: "h",
      id: "i",
      origin: "o",
      prev: "p",
      seq: 1,
      space: "co-ve",
      subject: ',"space":"evil"',
      type: ',"space":',
      v: 1,
    };
    assert.equal(withSignature(canonicalEnvelope(e), "S"), canonicalJson({ ...e, sig: "S" }));
  });
});

describe("canonicalJson: the flat-object fast path", () => {
  // Plain objects (as JSON.parse and zod make them) of scalars, the shape most event data has.
  const key = fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom("__proto__", "toJSON", "0", "10", "2", "a", "B", "é"));
  const scalar = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, true, false, null, undefined, "\u2028", "\ud800"),
  );
  const plain = fc.array(fc.tuple(key, scalar), { maxLength: 8 }).map((pairs) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    return o;
  });

  it("gives what the general algorithm gives, or throws where it throws (property)", () => {
    fc.assert(
      fc.property(plain, (o) => {
        let want: string | undefined;
        try {
          want = canonicalize(o);
        } catch {
          assert.throws(() => canonicalJson(o));
          return;
        }
        assert.equal(canonicalJson(o), want);
        assert.equal(canonicalJson(JSON.parse(JSON.stringify(o))), canonicalize(JSON.parse(JSON.stringify(o))));
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves objects with nested values, a toJSON method or another prototype to the general algorithm", () => {
    const cases: unknown[] = [
      { b: { d: 1, c: 2 }, a: [3, { y: 1, x: 2 }] },
      { toJSON: () => ({ z: 1, a: 2 }) },
      Object.assign(Object.create({ inherited: 1 }), { b: 1, a: 2 }),
      Object.assign(Object.create(null), { b: 1, a: 2 }),
      new Date(0),
      { when: new Date(0), a: 1 },
    ];
    for (const c of cases) assert.equal(canonicalJson(c), canonicalize(c));
  });

  it("builds the signed envelope exactly as withSignature does", () => {
    const e = {
      actor: "a@co",
      data: { z: 1, a: "x" },
      hlc: "h",
      id: "i",
      origin: "co",
      prev: "p",
      seq: 7,
      space: "s",
      subject: "o",
      type: "t.x",
      v: 1,
    };
    assert.equal(canonicalSignedEnvelope({ ...e, sig: "S" }), withSignature(canonicalEnvelope(e), "S"));
    assert.equal(canonicalSignedEnvelope({ ...e, sig: "S" }), canonicalize({ ...e, sig: "S" }));
  });
});
