import canonicalize from "canonicalize";

/**
 * RFC 8785 canonical JSON. Both sides of a federation must produce the same bytes for
 * the same event, whatever order their JSON serialiser emits keys in, or signatures
 * made on one node would not verify on another.
 */
export function canonicalJson(value: unknown): string {
  const text = flatCanonical(value) ?? canonicalize(value);
  if (text === undefined) throw new TypeError("value cannot be canonicalised");
  return text;
}

/**
 * The canonical form of a plain object whose values are all strings, finite numbers,
 * booleans, null or undefined (most event data), or undefined for anything else, which
 * then takes the general algorithm. It gives exactly what `canonicalize` gives for such an
 * object: keys sorted by UTF-16 code units, undefined members dropped, and strings, keys
 * and numbers written by JSON.stringify (RFC 8785 specifies ECMAScript's forms for both).
 * It skips the general algorithm's recursion and string rebuilding on the hot paths.
 */
function flatCanonical(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.toJSON === "function") return undefined;
  const keys = Object.keys(o);
  if (keys.length > 1) keys.sort();
  let out = "{";
  for (const k of keys) {
    const v = o[k];
    let text: string;
    if (typeof v === "string" || typeof v === "boolean" || v === null) text = JSON.stringify(v);
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) return undefined;
      text = JSON.stringify(v);
    } else if (v === undefined) continue;
    else return undefined;
    out += `${out.length === 1 ? "" : ","}${JSON.stringify(k)}:${text}`;
  }
  return `${out}}`;
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of the canonical form: what is hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

/** The fields of an envelope that the canonical forms below cover. */
export interface EnvelopeFields {
  actor: string;
  data: Record<string, unknown>;
  hlc: string;
  id: string;
  origin: string;
  prev: string;
  seq: number;
  space: string;
  subject: string;
  type: string;
  v: number;
}

/**
 * The canonical form of an envelope without `sig`, built field by field. It equals
 * `canonicalJson(event)` (the envelope's keys are fixed and already in RFC 8785 order, and
 * RFC 8785 serialises strings and numbers exactly as JSON.stringify does) but costs a third:
 * only `data` needs the general algorithm. This is on the append and apply hot paths.
 */
export function canonicalEnvelope(e: EnvelopeFields): string {
  const s = JSON.stringify;
  return `{"actor":${s(e.actor)},"data":${canonicalJson(e.data)},"hlc":${s(e.hlc)},"id":${s(e.id)},"origin":${s(e.origin)},"prev":${s(e.prev)},"seq":${s(e.seq)},"space":${s(e.space)},"subject":${s(e.subject)},"type":${s(e.type)},"v":${s(e.v)}}`;
}

/**
 * The canonical form of a signed envelope (`sig` sorts between "seq" and "space"), built
 * directly: what an event's hash covers. Equals `withSignature(canonicalEnvelope(e), sig)`.
 */
export function canonicalSignedEnvelope(e: EnvelopeFields & { sig: string }): string {
  const s = JSON.stringify;
  return `{"actor":${s(e.actor)},"data":${canonicalJson(e.data)},"hlc":${s(e.hlc)},"id":${s(e.id)},"origin":${s(e.origin)},"prev":${s(e.prev)},"seq":${s(e.seq)},"sig":${s(e.sig)},"space":${s(e.space)},"subject":${s(e.subject)},"type":${s(e.type)},"v":${s(e.v)}}`;
}

/**
 * Inserts `sig` into an envelope's canonical form: its key sorts between "seq" and
 * "space". The last `,"space":` is the top-level one, since only scalar strings follow it.
 */
export function withSignature(canonicalUnsigned: string, sig: string): string {
  const at = canonicalUnsigned.lastIndexOf(',"space":');
  return `${canonicalUnsigned.slice(0, at)},"sig":${JSON.stringify(sig)}${canonicalUnsigned.slice(at)}`;
}
