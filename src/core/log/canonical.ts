import canonicalize from "canonicalize";

/**
 * RFC 8785 canonical JSON. Both sides of a federation must produce the same bytes for
 * the same event, whatever order their JSON serialiser emits keys in, or signatures
 * made on one node would not verify on another.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("value cannot be canonicalised");
  return text;
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of the canonical form: what is hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

/**
 * The canonical form of an envelope without `sig`, built field by field. It equals
 * `canonicalJson(event)` (the envelope's keys are fixed and already in RFC 8785 order, and
 * RFC 8785 serialises strings and numbers exactly as JSON.stringify does) but costs a third:
 * only `data` needs the general algorithm. This is on the append and apply hot paths.
 */
export function canonicalEnvelope(e: {
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
}): string {
  const s = JSON.stringify;
  return `{"actor":${s(e.actor)},"data":${canonicalJson(e.data)},"hlc":${s(e.hlc)},"id":${s(e.id)},"origin":${s(e.origin)},"prev":${s(e.prev)},"seq":${s(e.seq)},"space":${s(e.space)},"subject":${s(e.subject)},"type":${s(e.type)},"v":${s(e.v)}}`;
}

/**
 * Inserts `sig` into an envelope's canonical form: its key sorts between "seq" and
 * "space". The last `,"space":` is the top-level one, since only scalar strings follow it.
 */
export function withSignature(canonicalUnsigned: string, sig: string): string {
  const at = canonicalUnsigned.lastIndexOf(',"space":');
  return `${canonicalUnsigned.slice(0, at)},"sig":${JSON.stringify(sig)}${canonicalUnsigned.slice(at)}`;
}
