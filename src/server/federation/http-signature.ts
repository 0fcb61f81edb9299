import { createHash, type KeyObject, randomBytes } from "node:crypto";
import { signBytes, verifyBytes } from "../../core/log/crypto";

/**
 * HTTP Message Signatures (RFC 9421, Ed25519) and Content-Digest (RFC 9530) for the federation
 * API, as pure functions over a framework-free message shape. Profile: label `enlace`, keyid =
 * node id, parameters created;expires (created + 300 s);nonce;alg="ed25519";keyid, covering
 *   request  ("@method" "@target-uri" "date" "content-digest")
 *   response ("@status" "date" "content-digest" "@method";req "@target-uri";req "signature";req;key="enlace")
 * Leaving one out is refused; further covered fields are accepted. Structured fields are parsed
 * and re-serialised strictly (RFC 8941), without decimals, which the profile never uses.
 */
export interface HttpMessage {
  method?: string;
  /** The absolute target URI as the client addressed it (behind a proxy: the public one). */
  url?: string;
  /** Present on responses only; its presence is what makes a message a response. */
  status?: number;
  headers: Record<string, string | undefined>;
  /** A string body is hashed as UTF-8; no body hashes as empty. */
  body?: Uint8Array | string;
}

export type SignatureFailure =
  | "missing_signature"
  | "malformed"
  | "unknown_key"
  | "bad_signature"
  | "digest_mismatch"
  | "stale"
  | "replayed"
  | "missing_component";

const LABEL = "enlace";
const DEFAULT_MAX_SKEW_MS = 5 * 60_000;
type BareItem = number | string | boolean | Uint8Array | { readonly token: string };
type Params = Map<string, BareItem>;
interface Item {
  value: BareItem;
  params: Params;
}
interface InnerList {
  items: readonly Item[];
  params: Params;
}
type Member = Item | InnerList;
class Refusal extends Error {
  constructor(
    readonly reason: SignatureFailure,
    detail: string,
  ) {
    super(detail);
  }
}
function refuse(reason: SignatureFailure, detail: string): never {
  throw new Refusal(reason, detail);
}

/** RFC 9530 Content-Digest of a body: `sha-256=:<base64>:`. */
export function contentDigest(body: Uint8Array | string): string {
  return `sha-256=:${createHash("sha256").update(body).digest("base64")}:`;
}

/** A field by case-insensitive name; repeated fields join with ", " (RFC 9110 §5.2). */
function field(headers: HttpMessage["headers"], name: string): string | undefined {
  let out: string | undefined;
  for (const key in headers) {
    const value = headers[key];
    if (value === undefined || (key !== name && key.toLowerCase() !== name)) continue;
    const trimmed = value.replace(OWS_EDGES, "");
    out = out === undefined ? trimmed : `${out}, ${trimmed}`;
  }
  return out;
}
const OWS_EDGES = /^[ \t]+|[ \t]+$/g;

/** RFC 8941 §4.2 Dictionary parser; anything outside the grammar is `malformed`. */
function parseDictionary(text: string): Map<string, Member> {
  const p: Cursor = { text, i: 0 };
  const out = new Map<string, Member>();
  take(p, SP);
  while (p.i < text.length) {
    out.set(need(p, KEY, "a key"), take(p, EQ) ? member(p) : { value: true, params: params(p) });
    take(p, OWS);
    if (p.i === text.length) break;
    need(p, COMMA, "a comma");
    if (p.i === text.length) refuse("malformed", "a trailing comma");
  }
  return out;
}

// The grammar's tokens, sticky: each matches only at the cursor. Module-level, so parsing a
// field allocates no patterns and no closures (every federation request parses three).
const SP = / */y;
const OWS = /[ \t]*/y;
const EQ = /=/y;
const COMMA = /,[ \t]*/y;
const SEMI = /; */y;
const OPEN = /\(/y;
const CLOSE = /\)/y;
const KEY = /[a-z*][a-z0-9_.*-]*/y;
const STRING = /"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*"/y;
const BYTES = /:[A-Za-z0-9+/]*={0,2}:/y;
const BOOLEAN = /\?[01]/y;
const TOKEN = /[A-Za-z*][-!#$%&'*+.^_`|~0-9A-Za-z:/]*/y;
const INTEGER = /-?[0-9]{1,15}(?![0-9.])/y;
const TOKEN_START = /[A-Za-z*]/;
const ESCAPED = /\\(.)/g;

interface Cursor {
  readonly text: string;
  i: number;
}
function take(p: Cursor, re: RegExp): string | undefined {
  re.lastIndex = p.i;
  const m = re.exec(p.text);
  if (!m) return undefined;
  p.i = re.lastIndex;
  return m[0];
}
function need(p: Cursor, re: RegExp, what: string): string {
  return take(p, re) ?? refuse("malformed", `expected ${what} at ${p.i} of ${p.text}`);
}
function bare(p: Cursor): BareItem {
  const c = p.text[p.i] ?? "";
  if (c === '"') return need(p, STRING, "a string").slice(1, -1).replace(ESCAPED, "$1");
  if (c === ":") return Buffer.from(need(p, BYTES, "a byte sequence").slice(1, -1), "base64");
  if (c === "?") return need(p, BOOLEAN, "a boolean") === "?1";
  if (TOKEN_START.test(c)) return { token: need(p, TOKEN, "a token") };
  return Number(need(p, INTEGER, "an integer"));
}
function params(p: Cursor): Params {
  const out: Params = new Map();
  // A repeated key overwrites in place (§4.2.3.2): the key is read before the value.
  while (take(p, SEMI)) {
    const key = need(p, KEY, "a key");
    out.set(key, take(p, EQ) ? bare(p) : true);
  }
  return out;
}
function member(p: Cursor): Member {
  if (!take(p, OPEN)) return { value: bare(p), params: params(p) };
  const items: Item[] = [];
  for (;;) {
    take(p, SP);
    if (take(p, CLOSE)) return { items, params: params(p) };
    items.push({ value: bare(p), params: params(p) });
    const c = p.text[p.i];
    if (c !== " " && c !== ")") refuse("malformed", `expected a space or ")" at ${p.i} of ${p.text}`);
  }
}

/** RFC 8941 §4.1. Refusing control characters keeps a keyid or nonce from adding a line to
 * the signature base. */
function serializeBare(v: BareItem): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "?1" : "?0";
  if (v instanceof Uint8Array) return `:${Buffer.from(v).toString("base64")}:`;
  if (typeof v !== "string") return v.token;
  if (!PRINTABLE.test(v)) throw new TypeError(`not a structured-field string: ${JSON.stringify(v)}`);
  return `"${v.replace(TO_ESCAPE, "\\$&")}"`;
}
const PRINTABLE = /^[\x20-\x7e]*$/;
const TO_ESCAPE = /[\\"]/g;
function serializeParams(params: Params): string {
  let out = "";
  for (const [k, v] of params) out += v === true ? `;${k}` : `;${k}=${serializeBare(v)}`;
  return out;
}
function serializeMember(m: Member): string {
  if ("items" in m) return `(${m.items.map(serializeMember).join(" ")})${serializeParams(m.params)}`;
  return serializeBare(m.value) + serializeParams(m.params);
}
/** Identity of a component identifier: the order of its parameters does not matter (§2). */
function identity(id: Item): string {
  const params: string[] = [];
  for (const [k, v] of id.params) params.push(v === true ? `;${k}` : `;${k}=${serializeBare(v)}`);
  return serializeBare(id.value) + params.sort().join("");
}

/**
 * What must be covered, in signing order. Requests: @method and @target-uri pin the operation
 * and the whole URI (host, path and query, so a pull cursor cannot be moved); date dates the
 * message for HTTP; content-digest binds the body. Responses: @status and content-digest pin
 * the answer; the request's @method, @target-uri and, above all, its signature (which carries
 * its nonce) bind the answer to that one request, so a recorded response cannot be replayed
 * to a later request for the same URL.
 */
function requiredComponents(response: boolean): readonly Item[] {
  return response ? RESPONSE_COMPONENTS : REQUEST_COMPONENTS;
}
const component = (name: string, ...params: [string, BareItem][]): Item => ({ value: name, params: new Map(params) });
const REQUEST_COMPONENTS: readonly Item[] = [
  component("@method"),
  component("@target-uri"),
  component("date"),
  component("content-digest"),
];
const RESPONSE_COMPONENTS: readonly Item[] = [
  component("@status"),
  component("date"),
  component("content-digest"),
  component("@method", ["req", true]),
  component("@target-uri", ["req", true]),
  component("signature", ["req", true], ["key", LABEL]),
];
/** The identities of the required components, computed once. */
const REQUIRED_IDENTITIES = { request: REQUEST_COMPONENTS.map(identity), response: RESPONSE_COMPONENTS.map(identity) };

type Context = { msg: HttpMessage; request: HttpMessage | undefined };

/** RFC 9421 §2.5: one component's value, never holding a newline, so no line can be forged. */
function componentValue(id: Item, ctx: Context): string {
  const name = typeof id.value === "string" ? id.value : refuse("malformed", "a component name is a string");
  const unknown = [...id.params.keys()].find((k) => k !== "req" && (k !== "key" || name.startsWith("@")));
  if (unknown) refuse("malformed", `unsupported parameter ${unknown} on ${name}`);
  const fromRequest = id.params.get("req") === true;
  const isResponse = ctx.msg.status !== undefined;
  if (fromRequest && !isResponse) refuse("malformed", "req applies to responses only");
  const source = fromRequest ? (ctx.request ?? refuse("missing_component", "a response needs its request")) : ctx.msg;
  const value = name.startsWith("@") ? derived(name, source, isResponse && !fromRequest) : fieldValue(name, id.params.get("key"), source);
  return /[\r\n]/.test(value) ? refuse("malformed", `a newline in ${name}`) : value;
}

function derived(name: string, m: HttpMessage, isResponse: boolean): string {
  const status = String(m.status);
  if (name === "@status") return isResponse && /^[1-9]\d\d$/.test(status) ? status : refuse("malformed", "no @status");
  if (isResponse) refuse("malformed", `${name} needs ;req on a response`);
  if (name === "@method") return m.method ?? refuse("missing_component", "no method");
  const url = URL.canParse(m.url ?? "") ? new URL(m.url ?? "") : refuse("missing_component", "no absolute target URI");
  url.hash = ""; // a fragment is not part of the target URI
  // WHATWG-normalised on both sides (host case, default port); @authority/@path/@query unneeded.
  return name === "@target-uri" ? url.href : refuse("malformed", `unsupported derived component ${name}`);
}

function fieldValue(name: string, key: BareItem | undefined, m: HttpMessage): string {
  const raw = field(m.headers, name) ?? refuse("missing_component", `${name} is covered but absent`);
  if (key === undefined) return raw;
  if (typeof key !== "string") refuse("malformed", "key must be a string");
  return serializeMember(parseDictionary(raw).get(key) ?? refuse("missing_component", `${name} has no member ${key}`));
}

/** RFC 9421 §2.5: a line per covered component, then `"@signature-params"`, with no final LF. */
function signatureBase(covered: InnerList, ctx: Context): string {
  const lines = covered.items.map((id) => `${serializeMember(id)}: ${componentValue(id, ctx)}`);
  lines.push(`"@signature-params": ${serializeMember(covered)}`);
  return lines.join("\n");
}

/**
 * Signs a request (or, given `request`, its response); returns the headers to add: content-digest
 * (always recomputed from the body), date (only when absent), signature-input, signature. Throws
 * if it cannot sign: no URL, a response without its signed request, a keyid not printable ASCII.
 */
export function signMessage(
  msg: HttpMessage,
  opts: { keyId: string; privateKey: KeyObject; now?: number; nonce?: string; request?: HttpMessage },
): Record<string, string> {
  const created = Math.floor((opts.now ?? Date.now()) / 1000);
  const added: Record<string, string> = { "content-digest": contentDigest(msg.body ?? "") };
  if (field(msg.headers, "date") === undefined) added.date = new Date(created * 1000).toUTCString();
  const kept = Object.entries(msg.headers).filter(([k]) => !Object.hasOwn(added, k.toLowerCase()));
  const signed = { ...msg, headers: { ...Object.fromEntries(kept), ...added } };
  const nonce = opts.nonce ?? randomBytes(16).toString("base64url");
  const expires = created + DEFAULT_MAX_SKEW_MS / 1000;
  const params: Params = new Map(Object.entries({ created, expires, nonce, alg: "ed25519", keyid: opts.keyId }));
  const covered: InnerList = { items: requiredComponents(msg.status !== undefined), params };
  const base = signatureBase(covered, { msg: signed, request: opts.request });
  const signature = Buffer.from(signBytes(Buffer.from(base), opts.privateKey), "base64url");
  const input = `${LABEL}=${serializeMember(covered)}`;
  return { ...added, "signature-input": input, signature: `${LABEL}=${serializeBare(signature)}` };
}

export interface VerifyOptions {
  /** The pinned public key of a peer, by node id; undefined for a stranger. */
  keyOf(keyId: string): KeyObject | undefined;
  now?: number;
  maxSkewMs?: number;
  /** Records a nonce and says whether it was already seen; see createNonceCache. */
  seenNonce?(keyId: string, nonce: string, expiresAt: number): boolean;
  /** For a response: the request as sent, with its Signature field. */
  request?: HttpMessage;
}

export type VerifyResult = { ok: true; keyId: string } | { ok: false; reason: SignatureFailure; detail: string };
/** Verifies the `enlace` signature of a request or response; never throws on peer input. */
export function verifyMessage(msg: HttpMessage, opts: VerifyOptions): VerifyResult {
  try {
    return { ok: true, keyId: check(msg, opts) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, detail: error.message };
    throw error;
  }
}

/**
 * The key id of the `enlace` signature of a message, read from its Signature-Input
 * dictionary (not from any other label), so the verifier knows which pinned key to load.
 */
export function signatureKeyId(headers: HttpMessage["headers"]): string | undefined {
  try {
    const member = parseDictionary(field(headers, "signature-input") ?? "").get(LABEL);
    if (!member || !("items" in member)) return undefined;
    const keyid = Object.fromEntries(member.params).keyid;
    return typeof keyid === "string" ? keyid : undefined;
  } catch {
    return undefined;
  }
}

/** Cheap refusals first; the nonce is spent last, so a forgery can never burn one. */
function check(msg: HttpMessage, opts: VerifyOptions): string {
  const covered = parseDictionary(field(msg.headers, "signature-input") ?? "").get(LABEL);
  const sig = parseDictionary(field(msg.headers, "signature") ?? "").get(LABEL);
  if (!covered && !sig) refuse("missing_signature", `no "${LABEL}" signature`);
  if (!covered || !("items" in covered)) return refuse("malformed", "Signature-Input lacks an enlace inner list");
  if (!sig || "items" in sig || !(sig.value instanceof Uint8Array)) return refuse("malformed", "no enlace Signature");
  const { created, expires, nonce, keyid, alg } = Object.fromEntries(covered.params); // keys are [a-z*][a-z0-9_.*-]*
  if (typeof created !== "number") return refuse("malformed", "created must be an integer");
  if (expires !== undefined && typeof expires !== "number") return refuse("malformed", "expires must be an integer");
  if (typeof nonce !== "string" || typeof keyid !== "string") return refuse("malformed", "no nonce or keyid");
  if (alg !== undefined && alg !== "ed25519") refuse("malformed", "alg must be ed25519");
  requireCoverage(covered.items, msg.status !== undefined);
  const key = opts.keyOf(keyid);
  if (key?.asymmetricKeyType !== "ed25519") return refuse("unknown_key", `no Ed25519 key pinned for ${keyid}`);
  const now = opts.now ?? Date.now();
  const skew = opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const expiresMs = expires === undefined ? Number.POSITIVE_INFINITY : expires * 1000;
  if (Math.abs(now - created * 1000) > skew) refuse("stale", `created ${created} is more than ${skew} ms from now`);
  if (now > expiresMs) refuse("stale", `expired at ${expires}`);
  const base = signatureBase(covered, { msg, request: opts.request });
  const valid = verifyBytes(Buffer.from(base), Buffer.from(sig.value).toString("base64url"), key);
  if (!valid) refuse("bad_signature", "the signature does not verify");
  checkDigest(msg);
  // Freshness bounds the replay window: past it the message is stale, so the nonce can go.
  const replayed = opts.seenNonce?.(keyid, nonce, Math.min(created * 1000 + skew, expiresMs));
  if (replayed) refuse("replayed", `nonce ${nonce} already seen for ${keyid}`);
  return keyid;
}

function requireCoverage(items: readonly Item[], response: boolean): void {
  const seen = new Set(items.map(identity));
  if (seen.size !== items.length) refuse("malformed", "a component is covered twice");
  const required = response ? REQUIRED_IDENTITIES.response : REQUIRED_IDENTITIES.request;
  const missing = required.findIndex((id) => !seen.has(id));
  if (missing !== -1) refuse("missing_component", `${serializeMember(requiredComponents(response)[missing] as Item)} is not covered`);
}

/** The covered Content-Digest must hold a sha-256 equal to the body's (RFC 9530). */
function checkDigest(msg: HttpMessage): void {
  const claimed = parseDictionary(field(msg.headers, "content-digest") ?? "").get("sha-256");
  if (!claimed || "items" in claimed || !(claimed.value instanceof Uint8Array)) refuse("digest_mismatch", "no sha-256");
  const actual = createHash("sha256")
    .update(msg.body ?? "")
    .digest();
  if (!actual.equals(claimed.value)) refuse("digest_mismatch", "the body does not match Content-Digest");
}

/**
 * A bounded replay memory for verifyMessage's `seenNonce`: true when (keyId, nonce) is still
 * remembered, else it is recorded until `expiresAt` (ms). Expired entries are evicted; when
 * full of live ones it fails closed (reports a replay) rather than forget a nonce early.
 */
export function createNonceCache(
  opts: { max?: number; now?: () => number } = {},
): (keyId: string, nonce: string, expiresAt: number) => boolean {
  const max = opts.max ?? 50_000;
  const clock = opts.now ?? Date.now;
  const forgetAt = new Map<string, number>(); // insertion order is roughly expiry order
  return (keyId, nonce, expiresAt) => {
    const now = clock();
    const key = `${keyId}\n${nonce}`; // sf-strings hold no newline, so the pair is unambiguous
    if ((forgetAt.get(key) ?? Number.NEGATIVE_INFINITY) >= now) return true;
    for (const [k, at] of forgetAt) {
      if (at < now) forgetAt.delete(k);
      else if (forgetAt.size < max) break; // sweep the expired front; sweep everything when full
    }
    if (forgetAt.size >= max) return true;
    forgetAt.delete(key);
    forgetAt.set(key, expiresAt);
    return false;
  };
}
