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
