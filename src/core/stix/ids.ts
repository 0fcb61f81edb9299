import { hash } from "node:crypto";

/**
 * STIX identifiers that do not change between exports. Each is `<type>--<UUIDv5>`, the name
 * hashed being `<type>/<Enlace id>` under one fixed namespace, so exporting the same report
 * twice (from either node) names every object the same way and a consumer updates instead of
 * duplicating. STIX 2.1 recommends UUIDv4 for domain objects; deterministic v5 ids are the
 * practice of OpenCTI too, and the only way both nodes agree on an id without talking.
 */
export const ENLACE_STIX_NAMESPACE = "5b0c6c4e-7f3a-4d59-9a2e-6f1c2b7d8e41";

const bytesOf = (uuid: string) => Buffer.from(uuid.replaceAll("-", ""), "hex");
const DEFAULT_NAMESPACE = bytesOf(ENLACE_STIX_NAMESPACE);

/** RFC 9562 UUID version 5: SHA-1 of namespace bytes and name, version and variant bits set. */
export function uuidv5(name: string, namespace: string = ENLACE_STIX_NAMESPACE): string {
  const ns = namespace === ENLACE_STIX_NAMESPACE ? DEFAULT_NAMESPACE : bytesOf(namespace);
  // One-shot hashing: thousands of ids per export, and a Hash object per id costs more than the digest.
  const h = hash("sha1", Buffer.concat([ns, Buffer.from(name, "utf8")]), "hex");
  const variant = ((Number.parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Ids already computed. The function is pure, so remembering its answers changes nothing but
 * time: an export or a TAXII page names the same sides and objects thousands of times. The
 * memo is dropped whole when it grows past its bound.
 */
const memo = new Map<string, string>();
const MEMO_MAX = 200_000;

/** The STIX id of the `type` object Enlace derives from one of its own objects (or a node). */
export function stixId(type: string, key: string): string {
  const name = `${type}/${key}`;
  let id = memo.get(name);
  if (id === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    id = `${type}--${uuidv5(name)}`;
    memo.set(name, id);
  }
  return id;
}

/** A STIX identifier: a type, two dashes, a UUID. */
export const STIX_ID_PATTERN =
  /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

/** The type part of a STIX id, or undefined when it is not one. */
export function typeOfStixId(id: string): string | undefined {
  return STIX_ID_PATTERN.exec(id)?.[1];
}

/** The type part of an id already known to be well formed (no pattern check: for sorting). */
export const typePrefix = (id: string) => id.slice(0, id.indexOf("--"));
