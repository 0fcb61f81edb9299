import assert from "node:assert/strict";
import { sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { canonicalEnvelope, canonicalJson, withSignature } from "../../core/log/canonical";
import { checkChain, eventHash, signEvent, verifyEventSignature } from "../../core/log/chain";
import { importPublicKey, loadNodeKeys, type NodeKeys, sha256Hex } from "../../core/log/crypto";
import { EMPTY_HEAD, type Event, eventSchema, GENESIS_PREV, type UnsignedEvent } from "../../core/log/envelope";
import { parseHlc } from "../../core/log/hlc";
import { nodeModel } from "../registry";
import { type HttpMessage, signMessage, verifyMessage } from "./http-signature";
import { eventLine } from "./wire";

/**
 * Keeps docs/federation.md honest: every block marked `<!-- vector:NAME -->` there is read
 * back and recomputed with the protocol's own functions, so the document cannot drift from
 * the code a second implementation is told to match.
 */
const DOC = readFileSync(new URL("../../../docs/federation.md", import.meta.url), "utf8");

/** The content of each marked fenced block, without its final newline. */
function readVectors(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of markdown.matchAll(/<!-- vector:([a-z0-9-]+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)) {
    const [, name = "", body = ""] = m;
    assert.ok(!found.has(name), `vector ${name} appears twice`);
    found.set(name, body);
  }
  return found;
}

const vectors = readVectors(DOC);
const vector = (name: string): string => {
  const text = vectors.get(name);
  assert.ok(text !== undefined, `docs/federation.md has no vector ${name}`);
  return text;
};

const keys: Record<string, NodeKeys> = {
  "node-a": loadNodeKeys(`${vector("node-a-private-key")}\n`),
  "node-b": loadNodeKeys(`${vector("node-b-private-key")}\n`),
};
const keyOf = (node: string): NodeKeys => keys[node] ?? assert.fail(`no key for ${node}`);

describe("docs/federation.md: keys", () => {
  test("each public key is the raw 32 bytes of its private key in base64url", () => {
    for (const node of ["node-a", "node-b"]) {
      assert.equal(keyOf(node).publicKeyText, vector(`${node}-public-key`));
      assert.equal(importPublicKey(vector(`${node}-public-key`)).export({ format: "jwk" }).x, vector(`${node}-public-key`));
    }
  });
});

describe("docs/federation.md: events", () => {
  const registry = nodeModel().registry;
  const signed = new Map<string, { event: Event; hash: string }>();
  for (const name of ["a1", "b1", "a2"]) {
    const unsigned = JSON.parse(vector(`event-${name}-unsigned`)) as UnsignedEvent;
    const key = keyOf(unsigned.origin);

    test(`${name}: signed bytes are the RFC 8785 form without sig`, () => {
      assert.equal(canonicalJson(unsigned), vector(`event-${name}-signed-bytes`));
      assert.equal(canonicalEnvelope(unsigned), vector(`event-${name}-signed-bytes`), "the fast path agrees");
      parseHlc(unsigned.hlc);
    });

    test(`${name}: sig is Ed25519 of the signed bytes, hash is SHA-256 of the bytes with sig`, () => {
      const result = signEvent(unsigned, key.privateKey);
      signed.set(name, result);
      assert.equal(result.event.sig, vector(`event-${name}-sig`));
      assert.ok(verifyEventSignature(result.event, key.publicKey));
      assert.equal(canonicalJson(result.event), vector(`event-${name}-hashed-bytes`));
      assert.equal(withSignature(vector(`event-${name}-signed-bytes`), result.event.sig), vector(`event-${name}-hashed-bytes`));
      assert.equal(sha256Hex(vector(`event-${name}-hashed-bytes`)), vector(`event-${name}-hash`));
      assert.equal(result.hash, vector(`event-${name}-hash`));
      assert.equal(eventHash(result.event), vector(`event-${name}-hash`));
    });

    test(`${name}: is a valid Enlace event with exactly the documented wire line`, () => {
      const { event, hash } = signed.get(name) ?? assert.fail("signed first");
      assert.deepEqual(eventSchema.parse(JSON.parse(vector(`event-${name}-wire`))), event);
      assert.equal(registry.check(event), undefined);
      const row = { ...event, data: JSON.stringify(event.data), hash, pos: 1, stored_at: 0 };
      assert.equal(eventLine(row), `${vector(`event-${name}-wire`)}\n`);
    });
  }

  test("chains: each starts at the genesis prev; a2 links to a1 and records b1's head", () => {
    const a1 = signed.get("a1")?.event ?? assert.fail("a1");
    const b1 = signed.get("b1")?.event ?? assert.fail("b1");
    const a2 = signed.get("a2")?.event ?? assert.fail("a2");
    assert.equal(a1.prev, GENESIS_PREV);
    assert.equal(b1.prev, GENESIS_PREV);
    assert.equal(a2.prev, vector("event-a1-hash"));
    assert.deepEqual(a2.data, { heads: { "node-b": { seq: 1, hash: vector("event-b1-hash") } } });
    const check = checkChain([a1, a2], EMPTY_HEAD, keyOf("node-a").publicKey, "last");
    assert.deepEqual(check, { ok: true, head: { seq: 2, hash: vector("event-a2-hash") } });
    const forged = { ...a1, data: { ...a1.data, name: "otra" } };
    assert.equal(checkChain([forged, a2], EMPTY_HEAD, keyOf("node-a").publicKey, "last").fault?.reason, "broken_link");
  });

  test("RFC 8785 corner cases", () => {
    assert.equal(canonicalJson(JSON.parse(vector("jcs-input"))), vector("jcs-output"));
  });
});

describe("docs/federation.md: RFC 9421 request and response", () => {
  const input = JSON.parse(vector("rfc9421-inputs")) as {
    method: string;
    targetUri: string;
    requestHeaders: Record<string, string>;
    requestKeyId: string;
    requestCreated: number;
    requestNonce: string;
    status: number;
    responseHeaders: Record<string, string>;
    responseBody: string;
    responseKeyId: string;
    responseCreated: number;
    responseNonce: string;
  };
  /** `name: value` lines, as the document prints the added fields. */
  const fields = (text: string) =>
    Object.fromEntries(text.split("\n").map((l) => [l.slice(0, l.indexOf(": ")), l.slice(l.indexOf(": ") + 2)]));
  const sigOf = (added: Record<string, string>) => Buffer.from(/^enlace=:(.*):$/.exec(added.signature ?? "")?.[1] ?? "", "base64");

  const bare: HttpMessage = { method: input.method, url: input.targetUri, headers: { ...input.requestHeaders } };
  const requestKey = keyOf(input.requestKeyId);
  const addedToRequest = signMessage(bare, {
    keyId: input.requestKeyId,
    privateKey: requestKey.privateKey,
    now: input.requestCreated * 1000,
    nonce: input.requestNonce,
  });
  const request: HttpMessage = { ...bare, headers: { ...bare.headers, ...addedToRequest } };

  test("the request's fields and signature base are as documented", () => {
    assert.deepEqual(addedToRequest, fields(vector("rfc9421-request-fields")));
    assert.deepEqual(sign(null, Buffer.from(vector("rfc9421-request-base")), requestKey.privateKey), sigOf(addedToRequest));
    const at = input.requestCreated * 1000;
    assert.deepEqual(verifyMessage(request, { keyOf: () => requestKey.publicKey, now: at }), { ok: true, keyId: input.requestKeyId });
  });

  test("the response, bound to that request, has the documented fields and base", () => {
    const responseKey = keyOf(input.responseKeyId);
    const bareResponse: HttpMessage = { status: input.status, headers: { ...input.responseHeaders }, body: input.responseBody };
    const added = signMessage(bareResponse, {
      keyId: input.responseKeyId,
      privateKey: responseKey.privateKey,
      now: input.responseCreated * 1000,
      nonce: input.responseNonce,
      request,
    });
    assert.deepEqual(added, fields(vector("rfc9421-response-fields")));
    assert.deepEqual(sign(null, Buffer.from(vector("rfc9421-response-base")), responseKey.privateKey), sigOf(added));
    const response = { ...bareResponse, headers: { ...bareResponse.headers, ...added } };
    const verify = (req: HttpMessage) =>
      verifyMessage(response, { keyOf: () => responseKey.publicKey, now: input.responseCreated * 1000, request: req });
    assert.deepEqual(verify(request), { ok: true, keyId: input.responseKeyId });
    const forged = `enlace=:${Buffer.alloc(64).toString("base64")}:`;
    const other = { ...request, headers: { ...request.headers, signature: forged } };
    assert.equal(verify(other).ok, false, "bound to the request's signature");
  });
});
