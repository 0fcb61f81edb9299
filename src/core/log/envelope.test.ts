import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { signEvent } from "./chain";
import { generateNodeKeys } from "./crypto";
import { eventSchema, GENESIS_PREV, readEnvelope } from "./envelope";
import { uuidv7 } from "./ids";

const keys = generateNodeKeys();
const valid = signEvent(
  {
    id: uuidv7(),
    space: "co-ve",
    origin: "co",
    seq: 3,
    prev: GENESIS_PREV,
    hlc: "2026-11-27T18:40:00.000Z/0000",
    actor: "ana@co",
    type: "note.created",
    v: 1,
    subject: uuidv7(),
    data: { text: "hola", n: 2 },
  },
  keys.privateKey,
).event;

/** What the schema alone says, in readEnvelope's shape. */
function bySchema(value: unknown) {
  const parsed = eventSchema.safeParse(value);
  return parsed.success ? { event: parsed.data } : { error: parsed.error.issues[0]?.message ?? "not an event" };
}

describe("readEnvelope", () => {
  it("reads a valid envelope as the schema does, in the schema's field order", () => {
    const wire = JSON.parse(JSON.stringify({ ...valid, data: { z: 1, a: "x" } })) as unknown;
    const got = readEnvelope(wire);
    assert.deepEqual(got, bySchema(wire));
    const event = "event" in got ? got.event : undefined;
    assert.ok(event);
    assert.deepEqual(Object.keys(event), Object.keys(eventSchema.shape));
  });

  it("agrees with the schema on every mutation of a received envelope (property)", () => {
    const field = fc.constantFrom(...Object.keys(eventSchema.shape), "extra", "__proto__", "toJSON");
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.string({ maxLength: 130 }),
      fc.constantFrom(0, -1, 1.5, 2 ** 53, 2 ** 53 - 1, "", "x".repeat(40), "x".repeat(41), "x".repeat(200), "x".repeat(201)),
      fc.constantFrom(valid.prev.toUpperCase(), `${valid.sig}A`, valid.sig.slice(1), "CO", "co_ve", "a.b", "a", "national", []),
      fc.constantFrom({ __proto__: null, a: 1 }, JSON.parse('{"__proto__": {"x": 1}, "a": 1}'), JSON.parse('{"a": {"b": 1}}')),
    );
    const mutation = fc.array(fc.tuple(fc.boolean(), field, value), { minLength: 0, maxLength: 3 });
    fc.assert(
      fc.property(mutation, (changes) => {
        const wire = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
        for (const [remove, k, v] of changes) {
          if (remove) delete wire[k];
          else Object.defineProperty(wire, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        const got = readEnvelope(wire);
        const want = bySchema(wire);
        assert.deepEqual(got, want);
        const event = "event" in got ? got.event : undefined;
        if (event) assert.deepEqual(Object.keys(event.data), Object.keys((want as { event: { data: object } }).event.data));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves data with a __proto__ key to the schema, which drops the key", () => {
    const wire = JSON.parse(JSON.stringify(valid).replace('"data":{', '"data":{"__proto__":{"x":1},')) as unknown;
    const got = readEnvelope(wire);
    assert.deepEqual(got, bySchema(wire));
    const event = "event" in got ? got.event : undefined;
    assert.ok(event && !Object.hasOwn(event.data, "__proto__"));
  });
});
