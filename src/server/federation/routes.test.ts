import assert from "node:assert/strict";
import type { KeyObject } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sampleModel } from "../../../test/fixtures/sample-model";
import { createCluster } from "../../../test/helpers/cluster";
import { adminOf, type Cluster, disposeCluster } from "../../../test/helpers/federation";
import { generateNodeKeys, type NodeKeys } from "../../core/log/crypto";
import { NATIONAL_SPACE, type NewEvent } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import type { RunningNode } from "../main";
import { createInvite, createSpace } from "./commands";
import { type HttpMessage, signMessage, verifyMessage } from "./http-signature";
import { decodeInvite } from "./invite";

// The federation API of a running node (co), asked over real HTTP with requests signed by
// hand: as its member ve, as a pinned non-member (br), as strangers and forgers.

interface Exchange {
  readonly request: HttpMessage;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly ms: number;
}

interface Signer {
  readonly keyId: string;
  readonly key: KeyObject;
  readonly now?: number;
}

/** Sends `request` exactly as given (so a signed request can be sent twice). */
async function send(request: HttpMessage): Promise<Exchange> {
  const t0 = Date.now();
  const body = typeof request.body === "string" && request.body !== "" ? request.body : undefined;
  const headers = Object.fromEntries(Object.entries(request.headers).filter((e): e is [string, string] => e[1] !== undefined));
  const res = await fetch(String(request.url), { method: request.method ?? "GET", headers, ...(body ? { body } : {}) });
  const text = await res.text();
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return { request, status: res.status, headers: out, body: text, ms: Date.now() - t0 };
}

/** A request to `url`, signed by `signer` (RFC 9421) unless it is undefined. */
function build(url: string, signer: Signer | undefined, json?: unknown): HttpMessage {
  const headers: Record<string, string | undefined> = { accept: "application/json, application/x-ndjson" };
  const body = json === undefined ? "" : JSON.stringify(json);
  if (json !== undefined) headers["content-type"] = "application/json";
  const msg: HttpMessage = { method: json === undefined ? "GET" : "POST", url, headers, body };
  if (!signer) return msg;
  return {
    ...msg,
    headers: {
      ...headers,
      ...signMessage(msg, { keyId: signer.keyId, privateKey: signer.key, ...(signer.now ? { now: signer.now } : {}) }),
    },
  };
}

const problemCode = (x: Exchange) => (JSON.parse(x.body) as { code?: string }).code;

describe("federation routes", () => {
  let cluster: Cluster;
  let co: RunningNode;
  let space: string;
  let coBrSpace: string;
  let asVe: Signer;
  let asBr: Signer;
  const br: NodeKeys = generateNodeKeys();
  const exchanges: Exchange[] = [];

  const get = async (path: string, signer: Signer | undefined) => {
    const x = await send(build(`${co.url}/federation/v1${path}`, signer));
    exchanges.push(x);
    return x;
  };
  const write = (space: string, text: string): NewEvent => ({
    space,
    type: "note.created",
    subject: uuidv7(),
    data: { text },
    actor: "ana@co",
  });
  /** Every event id co holds in its national space: none may appear in an answer to anyone. */
  const nationalIds = async () =>
    (await co.node.db.connection((sql) => sql.all<{ id: string }>("SELECT id FROM events WHERE space = ?", [NATIONAL_SPACE]))).map(
      (r) => r.id,
    );
  const assertNoNationalData = async (x: Exchange) => {
    for (const id of await nationalIds()) assert.ok(!x.body.includes(id), `national event ${id} in ${x.body}`);
    assert.ok(!x.body.includes("node.created") && !x.body.includes("solo Colombia"), x.body);
  };
  /** A refused request learns nothing: no event of any space. */
  const assertNoEvents = async (x: Exchange) => {
    await assertNoNationalData(x);
    assert.ok(!x.body.includes('"sig"') && !x.body.includes("compartido con ve"), x.body);
  };

  before(async () => {
    cluster = await createCluster(["co", "ve"], { model: sampleModel() });
    co = await cluster.start("co");
    const ve = await cluster.start("ve");
    space = await cluster.link();
    asVe = { keyId: "ve", key: ve.node.keys.privateKey };
    asBr = { keyId: "br", key: br.privateKey };
    // br answers an invitation of co over the signed handshake: pinned, but not in co–ve.
    const token = decodeInvite((await createInvite(adminOf(co), co.node)).token);
    const answer = {
      invite: token.invite,
      secret: token.secret,
      node: "br",
      name: "Brasil",
      country: "BR",
      url: "http://127.0.0.1:9",
      publicKey: br.publicKeyText,
    };
    const pinned = await send(build(`${co.url}/federation/v1/peers`, asBr, answer));
    assert.equal(pinned.status, 200, pinned.body);
    coBrSpace = await createSpace(adminOf(co), { name: "Colombia–Brasil", members: ["br"] });
    await co.node.store.append([
      write(space, "compartido con ve"),
      write(coBrSpace, "solo para Brasil"),
      write(NATIONAL_SPACE, "solo Colombia"),
    ]);
  });
  after(() => disposeCluster(cluster));

  it("answers a member: heads and events of a space it shares", async () => {
    // co–br: co signs no receipts there, so its head cannot move between the two requests.
    const heads = await get(`/spaces/${coBrSpace}/heads`, asBr);
    assert.equal(heads.status, 200, heads.body);
    const seq = (await co.node.store.heads(coBrSpace)).co?.seq;
    assert.equal((JSON.parse(heads.body) as { heads: Record<string, { seq: number }> }).heads.co?.seq, seq);
    const events = await get(`/spaces/${coBrSpace}/events?origin=co&after=0`, asBr);
    assert.equal(events.status, 200);
    assert.match(events.headers["content-type"] ?? "", /^application\/x-ndjson/);
    const lines = events.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { seq: number; space: string });
    assert.deepEqual(
      lines.map((l) => l.seq),
      Array.from({ length: seq ?? 0 }, (_, i) => i + 1),
    );
    assert.ok(lines.every((l) => l.space === coBrSpace));
    await assertNoNationalData(events);
  });

  it("refuses an unsigned request with 401 problem+json", async () => {
    const x = await get(`/spaces/${space}/events?origin=co`, undefined);
    assert.equal(x.status, 401, x.body);
    assert.match(x.headers["content-type"] ?? "", /^application\/problem\+json/);
    assert.equal(problemCode(x), "federation.unsigned");
    await assertNoEvents(x);
  });

  it("refuses a key id that is not pinned with 401", async () => {
    const x = await get(`/spaces/${space}/events?origin=co`, { keyId: "pe", key: generateNodeKeys().privateKey });
    assert.equal(x.status, 401, x.body);
    assert.equal(problemCode(x), "federation.unknown_peer");
    await assertNoEvents(x);
  });

  it("refuses a request signed with another key under the key id of a member with 401", async () => {
    const x = await get(`/spaces/${space}/events?origin=co`, { keyId: "ve", key: br.privateKey });
    assert.equal(x.status, 401, x.body);
    assert.equal(problemCode(x), "federation.bad_signature");
    await assertNoEvents(x);
  });

  it("refuses the second sending of the same signed request (replay)", async () => {
    const request = build(`${co.url}/federation/v1/spaces/${space}/events?origin=co`, asVe);
    const first = await send(request);
    const second = await send(request);
    exchanges.push(first, second);
    assert.equal(first.status, 200);
    assert.match(first.body, /compartido con ve/);
    assert.equal(second.status, 401, second.body);
    assert.equal(problemCode(second), "federation.bad_signature");
    assert.match(second.body, /replayed/);
    await assertNoEvents(second);
  });

  it("refuses a signature created too far in the past or in the future", async () => {
    for (const skew of [-10 * 60_000, 10 * 60_000]) {
      const x = await get(`/spaces/${space}/events?origin=co`, { ...asVe, now: Date.now() + skew });
      assert.equal(x.status, 401, x.body);
      assert.match(x.body, /stale/);
      await assertNoEvents(x);
    }
  });

  it("never serves the national space, whatever is asked: 404 and no event data", async () => {
    for (const path of ["/events?origin=co", "/events?origin=co&after=0&limit=5000", "/events?origin=ve", "/heads", "/genesis"]) {
      const x = await get(`/spaces/${NATIONAL_SPACE}${path}`, asVe);
      assert.equal(x.status, 404, `${path}: ${x.body}`);
      assert.equal(problemCode(x), "space.unknown");
      await assertNoNationalData(x);
    }
  });

  it("answers 404 about a space the requester is not a member of", async () => {
    const own = await get(`/spaces/${coBrSpace}/events?origin=co`, asBr);
    assert.equal(own.status, 200);
    assert.match(own.body, /solo para Brasil/);
    for (const [path, signer] of [
      [`/spaces/${coBrSpace}/events?origin=co`, asVe],
      [`/spaces/${coBrSpace}/heads`, asVe],
      [`/spaces/${space}/events?origin=co`, asBr],
      [`/spaces/${space}/genesis`, asBr],
      [`/spaces/${uuidv7()}/events?origin=co`, asVe],
    ] as const) {
      const x = await get(path, signer);
      assert.equal(x.status, 404, `${signer.keyId} ${path}: ${x.body}`);
      assert.equal(problemCode(x), "space.unknown");
      assert.ok(!x.body.includes("solo para Brasil") && !x.body.includes("compartido con ve"), x.body);
    }
  });

  it("answers a cursor beyond the head with 200 and an empty body, after the wait asked for", async () => {
    const head = (await co.node.store.heads(space)).co?.seq ?? 0;
    const now = await get(`/spaces/${space}/events?origin=co&after=${head + 1000}`, asVe);
    assert.deepEqual([now.status, now.body], [200, ""]);
    // Any new event of the chain ends a long-poll early (with nothing to send past this
    // cursor), so the wait is measured on co–br, where co signs no receipts.
    const top = (await co.node.store.heads(coBrSpace)).co?.seq ?? 0;
    const waited = await get(`/spaces/${coBrSpace}/events?origin=co&after=${top + 1000}&wait=200`, asBr);
    assert.deepEqual([waited.status, waited.body], [200, ""]);
    assert.ok(waited.ms >= 190 && waited.ms < 1500, `answered after ${waited.ms} ms`);
  });

  it("answers a long-poll within milliseconds once an event is appended", async () => {
    // co–br, where co applies nothing and so signs no receipt of its own that could answer first.
    const head = (await co.node.store.heads(coBrSpace)).co?.seq ?? 0;
    const polling = get(`/spaces/${coBrSpace}/events?origin=co&after=${head}&wait=10000`, asBr);
    await new Promise((r) => setTimeout(r, 150));
    const [sent] = await co.node.store.append([write(coBrSpace, "nuevo aviso")]);
    const appendedAt = Date.now();
    const x = await polling;
    const lag = Date.now() - appendedAt;
    assert.equal(x.status, 200);
    assert.deepEqual(
      x.body
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { id: string }).id),
      [sent?.id],
    );
    assert.ok(lag < 250, `answered ${lag} ms after the append (the poll would have waited 10 s)`);
  });

  it("answers a signed request for a path it does not serve with a signed 404 problem", async () => {
    const x = await get(`/spaces/${space}/nothing-here`, asVe);
    assert.equal(x.status, 404, x.body);
    assert.equal(problemCode(x), "not_found");
    assert.match(x.headers["content-type"] ?? "", /application\/problem\+json/);
    assert.ok(x.headers.signature?.startsWith("enlace="), "the refusal is signed");
    const unsigned = await get("/nothing-here", undefined);
    assert.equal(unsigned.status, 401, unsigned.body);
    assert.equal(problemCode(unsigned), "federation.unsigned");
  });

  it("treats a signature under another label as no signature: 401 problem, never a 500", async () => {
    const signed = build(`${co.url}/federation/v1/spaces/${space}/heads`, asVe);
    const relabel = (v: string | undefined) => v?.replace(/^enlace=/, "other=");
    const x = await send({
      ...signed,
      headers: {
        ...signed.headers,
        signature: relabel(signed.headers.signature),
        "signature-input": relabel(signed.headers["signature-input"]),
      },
    });
    assert.equal(x.status, 401, x.body);
    assert.equal(problemCode(x), "federation.unsigned");
    assert.equal(x.headers.signature, undefined, "nothing to bind an answer to");
    // A damaged field is refused the same way.
    const garbled = await send({ ...signed, headers: { ...signed.headers, signature: "enlace=:%%%:", "signature-input": "(((" } });
    assert.equal(garbled.status, 401, garbled.body);
    assert.match(problemCode(garbled) ?? "", /^federation\./);
  });

  it("signs every answer to a signed request with co's key, bound to that request", async () => {
    const signed = exchanges.filter((x) => x.request.headers.signature !== undefined);
    assert.ok(signed.length >= 20);
    for (const x of signed) {
      const check = verifyMessage(
        { status: x.status, headers: x.headers, body: x.body },
        { keyOf: (id) => (id === "co" ? co.node.keys.publicKey : undefined), request: x.request },
      );
      assert.deepEqual(check, { ok: true, keyId: "co" }, `${x.status} ${x.request.url}`);
    }
    // Bound to its own request: the same answer does not verify against another one.
    const [a, b] = signed;
    assert.ok(a && b);
    const swapped = verifyMessage(
      { status: a.status, headers: a.headers, body: a.body },
      { keyOf: () => co.node.keys.publicKey, request: b.request },
    );
    assert.equal(swapped.ok, false);
  });
});
