import assert from "node:assert/strict";
import type { KeyObject } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import { canonicalBytes, canonicalJson } from "./canonical";
import { type ChainCheck, type ChainFault, checkChain, eventHash, signEvent, verifyEventSignature } from "./chain";
import { generateNodeKeys, sha256Hex, signBytes } from "./crypto";
import { type ChainHead, EMPTY_HEAD, type Event, eventSchema, GENESIS_PREV, type UnsignedEvent } from "./envelope";
import { createHlc } from "./hlc";
import { uuidv7 } from "./ids";

/**
 * Ed25519 signing costs ~40 µs and verifying ~100 µs here, so the property tests keep chains
 * short (≤ 6 events) and runs bounded; the whole file stays within a few seconds.
 */
const RUNS = 40;
const MODES = ["all", "last"] as const;
type Mode = (typeof MODES)[number];

const origin = generateNodeKeys();
const foreign = generateNodeKeys();

type Data = Record<string, unknown>;

interface Chain {
  readonly from: ChainHead;
  readonly events: Event[];
}

/** Builds a well-formed chain the way the store does: stamp seq, prev and HLC, then sign. */
function buildChain(datas: readonly Data[], from: ChainHead = EMPTY_HEAD, key: KeyObject = origin.privateKey): Chain {
  let t = Date.UTC(2026, 4, 10, 12);
  const clock = createHlc(() => t);
  const events: Event[] = [];
  let head = from;
  for (const data of datas) {
    const unsigned: UnsignedEvent = {
      id: uuidv7(t),
      space: "co-ve",
      origin: "co",
      seq: head.seq + 1,
      prev: head.hash,
      hlc: clock.now(),
      actor: "ana.rojas@co",
      type: "incident.reported",
      v: 1,
      subject: "019e0f2f-0400-7000-8000-000000000001",
      data,
    };
    const { event, hash } = signEvent(unsigned, key);
    events.push(event);
    head = { seq: event.seq, hash };
    t += 7;
  }
  return { from, events };
}

/** The head a checker must report after accepting the first `n` events of `events`. */
function headAfter(from: ChainHead, events: readonly Event[], n: number): ChainHead {
  const last = events[n - 1];
  return last ? { seq: last.seq, hash: eventHash(last) } : from;
}

function assertFault(result: ChainCheck, chain: Chain, events: readonly Event[], index: number, reason: ChainFault, note = ""): void {
  assert.deepEqual(result.fault, { index, reason }, note);
  assert.equal(result.ok, false, note);
  assert.deepEqual(result.head, headAfter(chain.from, events, index), note);
}

/** Re-signs `event` (content unchanged) with `key`. */
const resign = (event: Event, key: KeyObject): Event => {
  const { sig: _old, ...unsigned } = event;
  return signEvent(unsigned, key).event;
};

/** Re-links and re-signs every event from `start` on with `key`, as a forger would. */
function relink(chain: Chain, events: readonly Event[], start: number, key: KeyObject): Event[] {
  const out = events.slice(0, start);
  let head = headAfter(chain.from, out, start);
  for (const e of events.slice(start)) {
    const { sig: _old, ...unsigned } = e;
    const { event, hash } = signEvent({ ...unsigned, seq: head.seq + 1, prev: head.hash }, key);
    out.push(event);
    head = { seq: event.seq, hash };
  }
  return out;
}

// Random event data: unicode (astral planes included) in keys and values, nested arrays and objects.
const text = fc.string({ unit: "binary", maxLength: 12 });
const json = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" });
const dataArb: fc.Arbitrary<Data> = fc
  .record({
    title: text,
    rows: fc.array(
      fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), text, fc.boolean(), fc.constant(null)), {
        maxLength: 4,
      }),
      { maxLength: 3 },
    ),
    extra: fc.dictionary(text, json, { maxKeys: 3 }),
  })
  .map((r) => ({ ...r }));
const headArb: fc.Arbitrary<ChainHead> = fc.oneof(
  fc.constant(EMPTY_HEAD),
  fc.record({ seq: fc.integer({ min: 1, max: 1_000_000 }), hash: fc.stringMatching(/^[0-9a-f]{64}$/) }).map((h) => ({ ...h })),
);
const chainArb = (minLength: number) =>
  fc.tuple(fc.array(dataArb, { minLength, maxLength: 6 }), headArb).map(([datas, from]) => buildChain(datas, from));

describe("signEvent / eventHash", () => {
  const chain = buildChain([{ title: "cruce", n: [1e21, -0, "ñandú 🦤"] }]);
  const event = chain.events[0] as Event;

  it("signs the canonical bytes without sig and hashes them with sig", () => {
    const { sig, ...unsigned } = event;
    assert.equal(event.prev, GENESIS_PREV);
    assert.equal(sig, signBytes(canonicalBytes(unsigned), origin.privateKey));
    assert.equal(eventHash(event), sha256Hex(canonicalBytes(event)));
    assert.notEqual(eventHash(event), sha256Hex(canonicalBytes(unsigned)));
    assert.ok(eventSchema.safeParse(event).success);
  });

  it("does not depend on the order the event's keys were written in", () => {
    const { sig: _sig, ...unsigned } = event;
    const reversed = Object.fromEntries(Object.entries(unsigned).reverse()) as UnsignedEvent;
    assert.deepEqual(signEvent(reversed, origin.privateKey), { event: { ...reversed, sig: event.sig }, hash: eventHash(event) });
  });

  it("verifies with the signer's key only", () => {
    assert.ok(verifyEventSignature(event, origin.publicKey));
    assert.equal(verifyEventSignature(event, foreign.publicKey), false);
  });

  it("gives a different hash to the same content signed by another key", () => {
    assert.notEqual(eventHash(resign(event, foreign.privateKey)), eventHash(event));
  });
});

describe("checkChain: valid chains", () => {
  it("accepts an empty batch and keeps the head", () => {
    const from = { seq: 5, hash: "a".repeat(64) };
    assert.deepEqual(checkChain([], from, origin.publicKey), { ok: true, head: from });
  });

  it("accepts random chains in both modes and reports the last event's head (property)", () => {
    fc.assert(
      fc.property(chainArb(1), (chain) => {
        for (const mode of MODES) {
          const result = checkChain(chain.events, chain.from, origin.publicKey, mode);
          assert.deepEqual(result, { ok: true, head: headAfter(chain.from, chain.events, chain.events.length) }, mode);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("accepts any suffix from the head before it, and a chain that survived JSON transport (property)", () => {
    fc.assert(
      fc.property(chainArb(1), fc.nat(), (chain, cut) => {
        const k = cut % chain.events.length;
        const suffix = checkChain(chain.events.slice(k), headAfter(chain.from, chain.events, k), origin.publicKey);
        assert.equal(suffix.ok, true);
        const received = chain.events.map((e) => eventSchema.parse(JSON.parse(JSON.stringify(e))));
        const result = checkChain(received, chain.from, origin.publicKey, "all");
        assert.deepEqual(result, { ok: true, head: headAfter(chain.from, chain.events, chain.events.length) });
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses a valid chain checked against another key", () => {
    const chain = buildChain([{ a: 1 }, { a: 2 }]);
    assertFault(checkChain(chain.events, chain.from, foreign.publicKey, "all"), chain, chain.events, 0, "bad_signature");
    assertFault(checkChain(chain.events, chain.from, foreign.publicKey, "last"), chain, chain.events, 1, "bad_signature");
  });
});

type Outcome = "undecodable" | "not_json" | "schema" | "not_canonical" | "same_event" | "checked";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const EVENT_FIELDS = Object.keys(eventSchema.shape) as (keyof Event)[];

function canCanonicalise(value: unknown): boolean {
  try {
    canonicalJson(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces the byte at `pos` of the event's canonical text and reads it back as a receiver
 * would: UTF-8, JSON, then the envelope schema. A change that parses back to the same event
 * (e.g. `5e-324` → `4e-324`, both the smallest double) is not a change at all.
 */
function mutate(event: Event, pos: number, byte: number): { outcome: Outcome; event?: Event; field?: keyof Event } {
  const original = canonicalJson(event);
  const bytes = Buffer.from(original);
  bytes[pos] = byte;
  let textValue: string;
  let parsed: unknown;
  try {
    textValue = strictUtf8.decode(bytes);
  } catch {
    return { outcome: "undecodable" };
  }
  try {
    parsed = JSON.parse(textValue);
  } catch {
    return { outcome: "not_json" };
  }
  if (!eventSchema.safeParse(parsed).success) return { outcome: "schema" };
  // The raw parse, not zod's copy, so unusual keys in `data` (e.g. "__proto__") survive as sent.
  const changed = parsed as Event;
  // A literal such as 1e400 parses to Infinity, which has no canonical form; the schema lets it
  // through, and checkChain refuses it as malformed (tested below).
  if (!canCanonicalise(changed)) return { outcome: "not_canonical" };
  if (canonicalJson(changed) === original) return { outcome: "same_event" };
  const field = EVENT_FIELDS.find((f) => canonicalJson(changed[f]) !== canonicalJson(event[f]));
  return { outcome: "checked", event: changed, field };
}

/** Where and why a checker must stop once event `i` of `n` has been altered in `field`. */
function expectedFault(field: keyof Event, i: number, n: number, mode: Mode): { index: number; reason: ChainFault } {
  if (field === "seq") return { index: i, reason: "gap" };
  if (field === "prev") return { index: i, reason: "broken_link" };
  // Anything else breaks the signature; in "last" mode only the final one is checked, but the
  // altered event's hash no longer matches its successor's prev.
  if (mode === "all" || i === n - 1) return { index: i, reason: "bad_signature" };
  return { index: i + 1, reason: "broken_link" };
}

function assertDetected(chain: Chain, i: number, pos: number, byte: number, tally: Record<Outcome, number>): void {
  const target = chain.events[i] as Event;
  const m = mutate(target, pos, byte);
  tally[m.outcome]++;
  if (m.outcome !== "checked" || !m.event || !m.field) return;
  const events = chain.events.map((e, j) => (j === i ? (m.event as Event) : e));
  const where = `event ${i}, byte ${pos} -> 0x${byte.toString(16)}, field ${m.field}`;
  for (const mode of MODES) {
    const want = expectedFault(m.field, i, events.length, mode);
    assertFault(checkChain(events, chain.from, origin.publicKey, mode), chain, events, want.index, want.reason, `${mode}: ${where}`);
  }
}

const emptyTally = (): Record<Outcome, number> => ({ undecodable: 0, not_json: 0, schema: 0, not_canonical: 0, same_event: 0, checked: 0 });

describe("checkChain: any single-byte change is detected", () => {
  it("flipping the low bit of every byte of every event of a fixed chain", () => {
    const chain = buildChain(
      [
        { title: "Cruce no autorizado", at: [7.1234, -66.5], n: 1e21, tags: ["río", "🛶", ""] },
        { note: 'línea\u2028nueva \u0000 "quoted" \\', nested: [[1, [2, [3]]], { z: null, a: true }] },
        { "\u{1f600}": -0, "": [], big: 1.7976931348623157e308, tiny: 5e-324 },
      ],
      { seq: 41, hash: "c".repeat(64) },
    );
    const tally = emptyTally();
    chain.events.forEach((e, i) => {
      const length = Buffer.byteLength(canonicalJson(e));
      for (let pos = 0; pos < length; pos++) {
        const old = Buffer.from(canonicalJson(e))[pos] ?? 0;
        assertDetected(chain, i, pos, old ^ 0x01, tally);
      }
    });
    // Every field of every event, sig and prev included, was reached by the checker.
    assert.ok(tally.checked > 800, JSON.stringify(tally));
  });

  it("any byte at any position of any event of a random chain (property)", () => {
    const tally = emptyTally();
    const likely = fc.constantFrom(..."0123456789abcdefABCDEFxyz-_. ".split("").map((c) => c.charCodeAt(0)));
    fc.assert(
      fc.property(
        chainArb(1),
        fc.nat(),
        fc.nat(),
        fc.oneof({ arbitrary: fc.integer({ min: 0, max: 255 }), weight: 1 }, { arbitrary: likely, weight: 2 }),
        (chain, iSeed, posSeed, byte) => {
          const i = iSeed % chain.events.length;
          const text = Buffer.from(canonicalJson(chain.events[i] as Event));
          const pos = posSeed % text.length;
          assertDetected(chain, i, pos, byte === text[pos] ? byte ^ 0x01 : byte, tally);
        },
      ),
      { numRuns: 300 },
    );
    // About 80 of 300 reach the checker; the rest are refused earlier as bad UTF-8, JSON or envelope.
    assert.ok(tally.checked >= 50, `too few mutations reached checkChain: ${JSON.stringify(tally)}`);
  });

  it("every field, targeted: one character of seq, prev, sig, data values and the rest (property)", () => {
    const reached = new Map<keyof Event, number>();
    // A character of the same class keeps seq a number, prev hex and type lower-case, so the
    // change reaches checkChain rather than stopping at the schema.
    const poolOf = (c: string) =>
      /[0-9]/.test(c) ? "0123456789" : /[a-f]/.test(c) ? "abcdef" : /[g-z]/.test(c) ? "ghijklmnopqrstuvwxyz" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    fc.assert(
      fc.property(
        chainArb(1),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 2 * EVENT_FIELDS.length, maxLength: 2 * EVENT_FIELDS.length }),
        (chain, iSeed, seeds) => {
          const i = iSeed % chain.events.length;
          const e = chain.events[i] as Event;
          const body = Buffer.from(canonicalJson(e));
          EVENT_FIELDS.forEach((field, f) => {
            // Locate the field's value in the canonical text and change one of its characters. Keys
            // sort actor, data, …: a key after data is found last, as data may nest one like it.
            const key = `"${field}":`;
            const valueStart = (field === "actor" || field === "data" ? body.indexOf(key) : body.lastIndexOf(key)) + key.length;
            const valueLength = Buffer.byteLength(canonicalJson(e[field]));
            const offsets = [...Array(valueLength).keys()].filter((k) =>
              /[0-9A-Za-z]/.test(String.fromCharCode(body[valueStart + k] ?? 0)),
            );
            if (offsets.length === 0) return;
            const pos = valueStart + (offsets[(seeds[2 * f] ?? 0) % offsets.length] ?? 0);
            const old = String.fromCharCode(body[pos] ?? 0);
            const others = [...poolOf(old)].filter((c) => c !== old);
            const replacement = (others[(seeds[2 * f + 1] ?? 0) % others.length] ?? "0").charCodeAt(0);
            const tally = emptyTally();
            assertDetected(chain, i, pos, replacement, tally);
            reached.set(field, (reached.get(field) ?? 0) + tally.checked);
            // Only seq and v (a leading 0, or 0) and data (number syntax) can fall to the schema or JSON.
            if (!["seq", "v", "data"].includes(field)) assert.equal(tally.checked, 1, `${field}: ${JSON.stringify(tally)}`);
          });
        },
      ),
      { numRuns: RUNS },
    );
    for (const field of EVENT_FIELDS) assert.ok((reached.get(field) ?? 0) > 0, `no change to ${field} reached checkChain`);
  });

  it("a received event whose data overflows to Infinity is refused, not thrown on", () => {
    const chain = buildChain([{ big: 1e300 }]);
    const wire = canonicalJson(chain.events[0]).replace("1e+300", "1e+400");
    const parsed = eventSchema.safeParse(JSON.parse(wire));
    if (!parsed.success) return;
    const result = checkChain([parsed.data], chain.from, origin.publicKey);
    assert.equal(result.ok, false);
  });

  it("every other text of the last signature character is refused (base64url malleability)", () => {
    const chain = buildChain([{ a: 1 }, { a: 2 }]);
    const last = chain.events[1] as Event;
    for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") {
      const sig = last.sig.slice(0, -1) + c;
      if (sig === last.sig) continue;
      const events = [chain.events[0] as Event, { ...last, sig }];
      for (const mode of MODES)
        assertFault(checkChain(events, chain.from, origin.publicKey, mode), chain, events, 1, "bad_signature", `${mode} ${c}`);
    }
  });
});

describe("checkChain: reordered, missing and forged events", () => {
  it("a swap of two events is a gap at the first swapped position (property)", () => {
    fc.assert(
      fc.property(chainArb(2), fc.nat(), fc.nat(), (chain, a, b) => {
        const n = chain.events.length;
        const i = a % (n - 1);
        const j = i + 1 + (b % (n - 1 - i));
        const events = [...chain.events];
        [events[i], events[j]] = [events[j] as Event, events[i] as Event];
        for (const mode of MODES) assertFault(checkChain(events, chain.from, origin.publicKey, mode), chain, events, i, "gap", mode);
      }),
      { numRuns: RUNS },
    );
  });

  it("a swap that a forger re-links and re-signs with its own key is a bad signature (property)", () => {
    fc.assert(
      fc.property(chainArb(2), fc.nat(), (chain, a) => {
        const n = chain.events.length;
        const i = a % (n - 1);
        const swapped = [...chain.events];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1] as Event, swapped[i] as Event];
        const events = relink(chain, swapped, i, foreign.privateKey);
        assertFault(checkChain(events, chain.from, origin.publicKey, "all"), chain, events, i, "bad_signature");
        // The links are consistent, so "last" mode finds the forgery at the one signature it checks.
        assertFault(checkChain(events, chain.from, origin.publicKey, "last"), chain, events, n - 1, "bad_signature");
      }),
      { numRuns: RUNS },
    );
  });

  it("a dropped event is a gap where it was (property)", () => {
    fc.assert(
      fc.property(chainArb(2), fc.nat(), (chain, a) => {
        const k = a % (chain.events.length - 1);
        const events = chain.events.filter((_, j) => j !== k);
        for (const mode of MODES) assertFault(checkChain(events, chain.from, origin.publicKey, mode), chain, events, k, "gap", mode);
      }),
      { numRuns: RUNS },
    );
  });

  it("a dropped tail is still a valid prefix: truncation shows only when heads are compared", () => {
    const chain = buildChain([{ a: 1 }, { a: 2 }, { a: 3 }]);
    const prefix = chain.events.slice(0, 2);
    assert.deepEqual(checkChain(prefix, chain.from, origin.publicKey, "last"), { ok: true, head: headAfter(chain.from, chain.events, 2) });
  });

  it("an event re-signed with a foreign key is a bad signature, or a broken link after it in 'last' mode (property)", () => {
    fc.assert(
      fc.property(chainArb(1), fc.nat(), (chain, a) => {
        const n = chain.events.length;
        const i = a % n;
        const events = chain.events.map((e, j) => (j === i ? resign(e, foreign.privateKey) : e));
        assertFault(checkChain(events, chain.from, origin.publicKey, "all"), chain, events, i, "bad_signature", "all");
        const last = i === n - 1 ? { index: i, reason: "bad_signature" as const } : { index: i + 1, reason: "broken_link" as const };
        assertFault(checkChain(events, chain.from, origin.publicKey, "last"), chain, events, last.index, last.reason, "last");
      }),
      { numRuns: RUNS },
    );
  });

  it("in 'last' mode the origin's final signature vouches for the events it links back to", () => {
    // Event 1 carries a foreign signature, but the origin itself signed event 2 over its hash.
    const chain = buildChain([{ a: 1 }, { a: 2 }, { a: 3 }]);
    const events = relink(
      chain,
      chain.events.map((e, j) => (j === 1 ? resign(e, foreign.privateKey) : e)),
      2,
      origin.privateKey,
    );
    assert.equal(checkChain(events, chain.from, origin.publicKey, "last").ok, true);
    assertFault(checkChain(events, chain.from, origin.publicKey, "all"), chain, events, 1, "bad_signature");
  });

  it("a chain that does not start at the given head is refused at its first event", () => {
    const chain = buildChain([{ a: 1 }, { a: 2 }], { seq: 9, hash: "d".repeat(64) });
    const wrongHash = { seq: 9, hash: "e".repeat(64) };
    assertFault(checkChain(chain.events, wrongHash, origin.publicKey), { ...chain, from: wrongHash }, chain.events, 0, "broken_link");
    const wrongSeq = { seq: 8, hash: "d".repeat(64) };
    assertFault(checkChain(chain.events, wrongSeq, origin.publicKey), { ...chain, from: wrongSeq }, chain.events, 0, "gap");
  });
});
