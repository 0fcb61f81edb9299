import assert from "node:assert/strict";
import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import {
  exportPrivateKeyPem,
  exportPublicKey,
  generateNodeKeys,
  importPublicKey,
  loadNodeKeys,
  sha256Hex,
  signBytes,
  verifyBytes,
} from "./crypto";

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const message = new TextEncoder().encode("incident.reported: paso fronterizo, 04:10");

/** RFC 8032 section 7.1, test 1: the 32-byte seed of the private key. */
const RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const PKCS8_ED25519_PREFIX = "302e020100300506032b657004220420";

/** The other texts whose lenient base64url decoding gives the same bytes as `text`. */
function aliasesOf(text: string): string[] {
  const bytes = Buffer.from(text, "base64url");
  const out: string[] = [];
  for (const c of BASE64URL) {
    const alt = text.slice(0, -1) + c;
    if (alt !== text && Buffer.from(alt, "base64url").equals(bytes)) out.push(alt);
  }
  return out;
}

describe("node keys", () => {
  it("derive the RFC 8032 public key and signature from its seed", () => {
    const privateKey = createPrivateKey({ key: Buffer.from(PKCS8_ED25519_PREFIX + RFC8032_SEED, "hex"), format: "der", type: "pkcs8" });
    const publicText = exportPublicKey(createPublicKey(privateKey));
    assert.equal(Buffer.from(publicText, "base64url").toString("hex"), "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assert.equal(
      Buffer.from(signBytes(new Uint8Array(0), privateKey), "base64url").toString("hex"),
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    );
  });

  it("export the public key as 43 characters of base64url (32 raw bytes)", () => {
    const keys = generateNodeKeys();
    assert.match(keys.publicKeyText, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(keys.publicKeyText, "base64url").length, 32);
    assert.equal(keys.publicKeyText, exportPublicKey(keys.publicKey));
  });

  it("survive a PEM round trip: the loaded key signs for the same public key", () => {
    const keys = generateNodeKeys();
    const pem = exportPrivateKeyPem(keys.privateKey);
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n/);
    const loaded = loadNodeKeys(pem);
    assert.equal(loaded.publicKeyText, keys.publicKeyText);
    assert.ok(verifyBytes(message, signBytes(message, loaded.privateKey), keys.publicKey));
    assert.ok(verifyBytes(message, signBytes(message, keys.privateKey), loaded.publicKey));
  });

  it("refuse to load a PEM key that is not Ed25519", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    assert.throws(() => loadNodeKeys(exportPrivateKeyPem(privateKey)), TypeError);
    const ed448 = generateKeyPairSync("ed448").privateKey;
    assert.throws(() => loadNodeKeys(exportPrivateKeyPem(ed448)), TypeError);
  });

  it("are distinct per generation", () => {
    assert.notEqual(generateNodeKeys().publicKeyText, generateNodeKeys().publicKeyText);
  });
});

describe("importPublicKey", () => {
  it("round-trips the exported text to a key that verifies", () => {
    const keys = generateNodeKeys();
    const imported = importPublicKey(keys.publicKeyText);
    assert.equal(exportPublicKey(imported), keys.publicKeyText);
    assert.ok(verifyBytes(message, signBytes(message, keys.privateKey), imported));
  });

  it("refuses a key of the wrong length", () => {
    const raw = Buffer.from(generateNodeKeys().publicKeyText, "base64url");
    for (const wrong of [raw.subarray(0, 31), Buffer.concat([raw, Buffer.from([0])]), Buffer.alloc(0), Buffer.alloc(64)]) {
      assert.throws(() => importPublicKey(wrong.toString("base64url")), TypeError, `${wrong.length} bytes`);
    }
  });

  it("refuses non-canonical spellings of a valid key", () => {
    // A raw key whose base64url text contains both '-' and '_' so the plain-base64 form differs.
    const raw = Buffer.alloc(32, 0xfb);
    raw[0] = 0xf8;
    const text = raw.toString("base64url");
    assert.match(text, /[-_]/);
    const spellings = [
      `${text}=`,
      text.replaceAll("-", "+").replaceAll("_", "/"),
      ` ${text}`,
      `${text.slice(0, 10)}.${text.slice(10)}`,
      ...aliasesOf(text),
    ];
    assert.ok(aliasesOf(text).length > 0, "the last character has unused bits to play with");
    for (const s of spellings) {
      assert.deepEqual(Buffer.from(s, "base64url"), raw, "Node's lenient decoder reads the same bytes");
      assert.throws(() => importPublicKey(s), TypeError, JSON.stringify(s));
    }
  });

  it("refuses text that is not base64url at all", () => {
    for (const s of ["", "not a key", "💥".repeat(11)]) assert.throws(() => importPublicKey(s), TypeError);
  });
});

describe("signBytes / verifyBytes", () => {
  const keys = generateNodeKeys();
  const other = generateNodeKeys();

  it("verifies a signature over the same bytes with the signer's key", () => {
    const sig = signBytes(message, keys.privateKey);
    assert.match(sig, /^[A-Za-z0-9_-]{86}$/);
    assert.ok(verifyBytes(message, sig, keys.publicKey));
  });

  it("is deterministic (Ed25519 derives its nonce from the key and message)", () => {
    assert.equal(signBytes(message, keys.privateKey), signBytes(message, keys.privateKey));
  });

  it("rejects another key, another message, or any flipped bit of the signature", () => {
    const sig = signBytes(message, keys.privateKey);
    assert.equal(verifyBytes(message, sig, other.publicKey), false);
    const changed = Uint8Array.from(message);
    changed[0] = (changed[0] ?? 0) ^ 1;
    assert.equal(verifyBytes(changed, sig, keys.publicKey), false);
    const raw = Buffer.from(sig, "base64url");
    for (let bit = 0; bit < 512; bit += 7) {
      const flipped = Buffer.from(raw);
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      assert.equal(verifyBytes(message, flipped.toString("base64url"), keys.publicKey), false, `bit ${bit}`);
    }
  });

  it("returns false, without throwing, for a 63- or 65-byte signature or an empty one", () => {
    const raw = Buffer.from(signBytes(message, keys.privateKey), "base64url");
    assert.equal(verifyBytes(message, raw.subarray(0, 63).toString("base64url"), keys.publicKey), false);
    assert.equal(verifyBytes(message, Buffer.concat([raw, Buffer.from([0])]).toString("base64url"), keys.publicKey), false);
    assert.equal(verifyBytes(message, "", keys.publicKey), false);
  });

  it("accepts only the canonical text of a valid signature", () => {
    // Each alias decodes to the very same 64 bytes; accepting them would let anyone relaying an
    // event change its hash (and so fork its chain) without a key.
    const sig = signBytes(message, keys.privateKey);
    const aliases = aliasesOf(sig);
    assert.equal(aliases.length, 15, "86 characters carry 516 bits for 512: 4 spare bits");
    for (const alias of [...aliases, `${sig}==`, ` ${sig}`, sig.replaceAll("-", "+").replaceAll("_", "/")]) {
      if (alias === sig) continue;
      assert.equal(verifyBytes(message, alias, keys.publicKey), false, alias);
    }
  });
});

describe("sha256Hex", () => {
  it("gives the FIPS 180-2 digests", () => {
    assert.equal(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert.equal(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashes a string as its UTF-8 bytes", () => {
    assert.equal(sha256Hex("é"), sha256Hex(new Uint8Array([0xc3, 0xa9])));
    assert.notEqual(sha256Hex("é"), sha256Hex(new Uint8Array([0xe9])));
  });
});
