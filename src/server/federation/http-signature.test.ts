import assert from "node:assert/strict";
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, test } from "node:test";
import { loadNodeKeys } from "../../core/log/crypto";
import { contentDigest, createNonceCache, type HttpMessage, signMessage, type VerifyResult, verifyMessage } from "./http-signature";

// Fixed keys for the test vectors (docs/federation.md reuses them). Test keys only.
const NODE_A_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEINDhIQke0e0Z7JeAr1qWwkT20pRn/lqH7iyxFrQiuzOy
-----END PRIVATE KEY-----
`;
const NODE_B_PEM = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJ9C6bSJdW+RvmkiOVMHYoyLcDI9TpBOUqFL5JfpaJ83
-----END PRIVATE KEY-----
`;
const nodeA = loadNodeKeys(NODE_A_PEM);
const nodeB = loadNodeKeys(NODE_B_PEM);
const PINNED = new Map([
  ["node-a", nodeA.publicKey],
  ["node-b", nodeB.publicKey],
]);
const keyOf = (id: string) => PINNED.get(id);

const T0 = Date.UTC(2026, 0, 1); // 1767225600 s
const URI = "https://node-b.example/federation/v1/events?origin=node-a&after=41&limit=500";
const RESPONSE_BODY = '{"origin":"node-a","seq":42}\n';
const REQUEST_NONCE = "AAECAwQFBgcICQoLDA0ODw";
const RESPONSE_NONCE = "EBESExQVFhcYGRobHB0eHw";

const withHeaders = (msg: HttpMessage, headers: Record<string, string | undefined>): HttpMessage => ({
  ...msg,
  headers: { ...msg.headers, ...headers },
});

function signedRequest(over: Partial<HttpMessage> = {}, opts: { nonce?: string; now?: number } = {}): HttpMessage {
  const msg: HttpMessage = { method: "GET", url: URI, headers: { accept: "application/x-ndjson" }, ...over };
  return withHeaders(msg, signMessage(msg, { keyId: "node-a", privateKey: nodeA.privateKey, now: T0, ...opts }));
}

function signedResponse(request: HttpMessage, opts: { nonce?: string } = {}): HttpMessage {
  const msg: HttpMessage = { status: 200, headers: { "content-type": "application/x-ndjson" }, body: RESPONSE_BODY };
  const added = signMessage(msg, { keyId: "node-b", privateKey: nodeB.privateKey, now: T0 + 1000, request, ...opts });
  return withHeaders(msg, added);
}

const reasonOf = (r: VerifyResult) => (r.ok ? "ok" : r.reason);
const verifyAt = (msg: HttpMessage, extra: Partial<Parameters<typeof verifyMessage>[1]> = {}) =>
  reasonOf(verifyMessage(msg, { keyOf, now: T0 + 1000, ...extra }));
const input = (msg: HttpMessage) => msg.headers["signature-input"] ?? "";

describe("contentDigest", () => {
  test("is RFC 9530 sha-256 over the body bytes, a string taken as UTF-8", () => {
    assert.equal(contentDigest(""), "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    assert.equal(contentDigest(RESPONSE_BODY), "sha-256=:dIsTkQd5sMQ1U8jtqYru7mie7f2WpyrWJX9FLr3kksw=:");
    assert.equal(contentDigest("señal"), contentDigest(Buffer.from("señal", "utf8")));
  });
});

describe("fixed test vector (docs/federation.md)", () => {
  const REQUEST_BASE = [
    '"@method": GET',
    `"@target-uri": ${URI}`,
    '"date": Thu, 01 Jan 2026 00:00:00 GMT',
    '"content-digest": sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:',
    '"@signature-params": ("@method" "@target-uri" "date" "content-digest");created=1767225600' +
      ';expires=1767225900;nonce="AAECAwQFBgcICQoLDA0ODw";alg="ed25519";keyid="node-a"',
  ].join("\n");
  const REQUEST_SIGNATURE = "pxgmOBsFD4jhShQh+Nzu4kz2+eO6ZoFozmII1jTAyyeLn09QO4Sp0avSSeVK+iu5O+JHGnjFjVCE6UthP3RADQ==";
  const RESPONSE_BASE = [
    '"@status": 200',
    '"date": Thu, 01 Jan 2026 00:00:01 GMT',
    '"content-digest": sha-256=:dIsTkQd5sMQ1U8jtqYru7mie7f2WpyrWJX9FLr3kksw=:',
    '"@method";req: GET',
    `"@target-uri";req: ${URI}`,
    `"signature";req;key="enlace": :${REQUEST_SIGNATURE}:`,
    '"@signature-params": ("@status" "date" "content-digest" "@method";req "@target-uri";req' +
      ' "signature";req;key="enlace");created=1767225601;expires=1767225901;nonce="EBESExQVFhcYGRobHB0eHw"' +
      ';alg="ed25519";keyid="node-b"',
  ].join("\n");
  const RESPONSE_SIGNATURE = "iJByj1Ro0Etugc5OLwVnzZS6dYbEnaXwHiOHWZi944vOYTmirmmIO3D0/re3H5fmpikdQ/55prY+eko+SPx0Cw==";
  const request = signedRequest({}, { nonce: REQUEST_NONCE });

  test("the request's headers are exactly these", () => {
    const { accept, ...added } = request.headers;
    assert.equal(accept, "application/x-ndjson");
    assert.deepEqual(added, {
      "content-digest": "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:",
      date: "Thu, 01 Jan 2026 00:00:00 GMT",
      "signature-input": `enlace=${REQUEST_BASE.split('"@signature-params": ')[1]}`,
      signature: `enlace=:${REQUEST_SIGNATURE}:`,
    });
    assert.equal(verifyAt(request), "ok");
  });

  test("the request's Signature is Ed25519 over exactly this signature base", () => {
    assert.equal(sign(null, Buffer.from(REQUEST_BASE), nodeA.privateKey).toString("base64"), REQUEST_SIGNATURE);
    assert.equal(nodeA.publicKeyText, "q8dil-VBwSdcUVZz1kzq7utFa62MI-6P7uoE2C3HqyQ");
  });

  test("the response, bound to that request, has exactly these headers and base", () => {
    const response = signedResponse(request, { nonce: RESPONSE_NONCE });
    assert.deepEqual(response.headers, {
      "content-type": "application/x-ndjson",
      "content-digest": "sha-256=:dIsTkQd5sMQ1U8jtqYru7mie7f2WpyrWJX9FLr3kksw=:",
      date: "Thu, 01 Jan 2026 00:00:01 GMT",
      "signature-input": `enlace=${RESPONSE_BASE.split('"@signature-params": ')[1]}`,
      signature: `enlace=:${RESPONSE_SIGNATURE}:`,
    });
    assert.equal(sign(null, Buffer.from(RESPONSE_BASE), nodeB.privateKey).toString("base64"), RESPONSE_SIGNATURE);
    assert.equal(verifyAt(response, { request }), "ok");
  });
});

describe("round trip", () => {
  test("a POST with a body verifies and names its signer", () => {
    const msg = signedRequest({ method: "POST", body: '{"hello":"world"}', headers: {} });
    assert.deepEqual(verifyMessage(msg, { keyOf, now: T0 }), { ok: true, keyId: "node-a" });
  });

  test("a response verifies against its own request only", () => {
    const request = signedRequest();
    const response = signedResponse(request);
    assert.equal(verifyAt(response, { request }), "ok");
    assert.equal(verifyAt(response, { request: signedRequest() }), "bad_signature", "same URL, another request");
    assert.equal(verifyAt(response), "missing_component", "no request to bind to");
  });

  test("signing a response needs the signed request", () => {
    const msg: HttpMessage = { status: 200, headers: {} };
    assert.throws(() => signMessage(msg, { keyId: "node-b", privateKey: nodeB.privateKey }));
    const unsigned: HttpMessage = { method: "GET", url: URI, headers: {} };
    assert.throws(() => signMessage(msg, { keyId: "node-b", privateKey: nodeB.privateKey, request: unsigned }));
  });
});

describe("each failure has its reason", () => {
  const good = signedRequest({ method: "POST", body: "[1,2,3]" });

  test("missing_signature: unsigned, or signed under another label only", () => {
    assert.equal(verifyAt({ method: "GET", url: URI, headers: {} }), "missing_signature");
    const other = withHeaders(good, { "signature-input": 'sig1=("@method");keyid="x"', signature: "sig1=:AAAA:" });
    assert.equal(verifyAt(other), "missing_signature");
  });

  test("malformed: bad syntax, half a signature, wrong types, another alg", () => {
    assert.equal(verifyAt(withHeaders(good, { "signature-input": 'enlace=("@method"' })), "malformed");
    assert.equal(verifyAt(withHeaders(good, { signature: undefined })), "malformed");
    assert.equal(verifyAt(withHeaders(good, { signature: 'enlace="not bytes"' })), "malformed");
    const retyped = input(good).replace(/created=\d+/, 'created="soon"');
    assert.equal(verifyAt(withHeaders(good, { "signature-input": retyped })), "malformed");
    const rsa = input(good).replace('alg="ed25519"', 'alg="rsa-pss-sha512"');
    assert.equal(verifyAt(withHeaders(good, { "signature-input": rsa })), "malformed");
  });

  test("unknown_key: a keyid with no pinned key", () => {
    assert.equal(verifyAt(good, { keyOf: () => undefined }), "unknown_key");
  });

  test("bad_signature: signed by another key under the same keyid", () => {
    const impostor = generateKeyPairSync("ed25519").privateKey;
    const msg: HttpMessage = { method: "GET", url: URI, headers: {} };
    const forged = withHeaders(msg, signMessage(msg, { keyId: "node-a", privateKey: impostor, now: T0 }));
    assert.equal(verifyAt(forged), "bad_signature");
  });

  test("digest_mismatch: the body is not the one digested", () => {
    assert.equal(verifyAt({ ...good, body: "[1,2,4]" }), "digest_mismatch");
    assert.equal(verifyAt({ ...good, body: undefined }), "digest_mismatch");
  });

  test("stale: created too old or too far ahead; the window is configurable", () => {
    const skew = 5 * 60_000;
    assert.equal(verifyAt(good, { now: T0 + skew }), "ok");
    assert.equal(verifyAt(good, { now: T0 + skew + 1 }), "stale");
    assert.equal(verifyAt(good, { now: T0 - skew }), "ok");
    assert.equal(verifyAt(good, { now: T0 - skew - 1 }), "stale");
    assert.equal(verifyAt(good, { now: T0 + 2000, maxSkewMs: 1000 }), "stale");
  });

  test("replayed: the same signed message twice", () => {
    const seenNonce = createNonceCache({ now: () => T0 + 1000 });
    assert.equal(verifyAt(good, { seenNonce }), "ok");
    assert.equal(verifyAt(good, { seenNonce }), "replayed");
    assert.equal(verifyAt(signedRequest({ method: "POST", body: "[1,2,3]" }), { seenNonce }), "ok", "fresh nonce");
  });

  test("replay memory is spent only by authentic messages", () => {
    const seenNonce = createNonceCache({ now: () => T0 + 1000 });
    assert.equal(verifyAt({ ...good, body: "tampered" }, { seenNonce }), "digest_mismatch");
    assert.equal(verifyAt(good, { seenNonce }), "ok");
  });

  test("missing_component: a required component not covered, or covered but absent", () => {
    const noDate = input(good).replace(' "date"', "");
    assert.equal(verifyAt(withHeaders(good, { "signature-input": noDate })), "missing_component");
    const noDigest = input(good).replace(' "content-digest"', "");
    assert.equal(verifyAt(withHeaders(good, { "signature-input": noDigest })), "missing_component");
    assert.equal(verifyAt(withHeaders(good, { date: undefined })), "missing_component");
  });
});

describe("tampering is detected", () => {
  const good = signedRequest({ method: "POST", body: '{"since":41}' });
  const cases: [string, HttpMessage][] = [
    ["method", { ...good, method: "DELETE" }],
    ["path", { ...good, url: URI.replace("/events", "/heads") }],
    ["query", { ...good, url: URI.replace("after=41", "after=0") }],
    ["host", { ...good, url: URI.replace("node-b.example", "node-c.example") }],
    ["body with a matching digest", withHeaders({ ...good, body: "{}" }, { "content-digest": contentDigest("{}") })],
    ["date", withHeaders(good, { date: "Thu, 01 Jan 2026 00:00:01 GMT" })],
    ["created", withHeaders(good, { "signature-input": input(good).replace("created=1767225600", "created=1767225601") })],
    ["expires", withHeaders(good, { "signature-input": input(good).replace("expires=1767225900", "expires=1767229500") })],
    ["nonce", withHeaders(good, { "signature-input": input(good).replace(/nonce="[^"]+"/, 'nonce="fresh"') })],
    ["keyid", withHeaders(good, { "signature-input": input(good).replace('keyid="node-a"', 'keyid="node-b"') })],
    ["order", withHeaders(good, { "signature-input": input(good).replace('"date" "content-digest"', '"content-digest" "date"') })],
  ];
  for (const [what, msg] of cases) {
    test(`${what}: bad_signature`, () => assert.equal(verifyAt(msg), "bad_signature"));
  }
  test("body alone: digest_mismatch", () => assert.equal(verifyAt({ ...good, body: "{}" }), "digest_mismatch"));
});

describe("header names and structured fields", () => {
  test("header names are case-insensitive on both sides", () => {
    const msg: HttpMessage = { method: "GET", url: URI, headers: { DATE: "Thu, 01 Jan 2026 00:00:00 GMT" } };
    const added = signMessage(msg, { keyId: "node-a", privateKey: nodeA.privateKey, now: T0 });
    assert.equal(added.date, undefined, "an existing Date is kept, whatever its case");
    const shouted = Object.fromEntries(Object.entries(added).map(([k, v]) => [k.toUpperCase(), v]));
    assert.equal(verifyAt(withHeaders(msg, shouted)), "ok");
  });

  test("the signer's own Content-Digest replaces a caller's stale one", () => {
    const msg: HttpMessage = { method: "PUT", url: URI, headers: { "Content-Digest": "sha-256=:AAAA:" }, body: "x" };
    const added = signMessage(msg, { keyId: "node-a", privateKey: nodeA.privateKey, now: T0 });
    assert.equal(added["content-digest"], contentDigest("x"));
    assert.equal(verifyAt({ ...msg, headers: { ...added } }), "ok");
  });

  test("optional whitespace and other labels do not matter; re-serialisation is strict", () => {
    const good = signedRequest();
    const loose = input(good).replace("enlace=(", "  enlace=(  ").replace(/ "/g, '   "').replace(";expires", "; expires");
    const mixed = withHeaders(good, {
      "signature-input": `sig1=("@method");keyid="other";tag=tok/en , ${loose}  `,
      signature: `sig1=:AAAA:,\t${good.headers.signature}`,
    });
    assert.equal(verifyAt(mixed), "ok");
  });

  test("repeated fields are combined with a comma (RFC 9110 §5.2)", () => {
    const good = signedRequest();
    const split = withHeaders(good, { "Signature-Input": 'sig1=("@method");keyid="x"', Signature: "sig1=:AAAA:" });
    assert.equal(verifyAt(split), "ok");
  });

  test("trailing commas, decimals and repeated components are malformed", () => {
    const good = signedRequest();
    assert.equal(verifyAt(withHeaders(good, { "signature-input": `${input(good)},` })), "malformed");
    const decimal = input(good).replace(/created=\d+/, "created=1767225600.5");
    assert.equal(verifyAt(withHeaders(good, { "signature-input": decimal })), "malformed");
    const twice = input(good).replace('"date"', '"date" "date"');
    assert.equal(verifyAt(withHeaders(good, { "signature-input": twice })), "malformed");
  });

  test("string escapes round-trip; control characters cannot enter the signature base", () => {
    const odd = 'odd"key\\id';
    const msg: HttpMessage = { method: "GET", url: URI, headers: {} };
    const signed = withHeaders(msg, signMessage(msg, { keyId: odd, privateKey: nodeA.privateKey, now: T0 }));
    assert.match(input(signed), /keyid="odd\\"key\\\\id"/);
    assert.equal(verifyAt(signed, { keyOf: (id) => (id === odd ? nodeA.publicKey : undefined) }), "ok");
    const evil = 'node-a"\n"@method": POST';
    assert.throws(() => signMessage(msg, { keyId: evil, privateKey: nodeA.privateKey }), TypeError);
  });

  test("a newline smuggled into a covered value is malformed", () => {
    const good = signedRequest();
    assert.equal(verifyAt(withHeaders(good, { date: "Thu, 01 Jan 2026\n00:00:00 GMT" })), "malformed");
  });
});

describe("createNonceCache", () => {
  test("remembers (keyId, nonce) until it expires", () => {
    let now = 1000;
    const seen = createNonceCache({ now: () => now });
    assert.equal(seen("node-a", "n1", 2000), false);
    assert.equal(seen("node-a", "n1", 2000), true);
    assert.equal(seen("node-b", "n1", 2000), false, "nonces are per key");
    now = 2001;
    assert.equal(seen("node-a", "n1", 3000), false, "forgotten once the message would be stale anyway");
  });

  test("is bounded: expired entries go first; full of live ones, it refuses", () => {
    let now = 0;
    const seen = createNonceCache({ max: 2, now: () => now });
    assert.equal(seen("k", "a", 100), false);
    assert.equal(seen("k", "b", 200), false);
    assert.equal(seen("k", "c", 300), true, "fails closed rather than forget a live nonce");
    now = 150;
    assert.equal(seen("k", "c", 300), false, "a expired, so c fits");
    assert.equal(seen("k", "b", 200), true);
  });
});
