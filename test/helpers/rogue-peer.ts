import type { KeyObject } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { eventHash, signEvent } from "../../src/core/log/chain";
import type { NodeKeys } from "../../src/core/log/crypto";
import { EMPTY_HEAD, type Event, type UnsignedEvent } from "../../src/core/log/envelope";
import { formatHlc } from "../../src/core/log/hlc";
import { uuidv7 } from "../../src/core/log/ids";
import { createNonceCache, type HttpMessage, signMessage, verifyMessage } from "../../src/server/federation/http-signature";
import { eventLine } from "../../src/server/federation/wire";

/**
 * A misbehaving peer for the forgery suites: a tiny HTTP server that speaks the federation
 * protocol (requests checked against the victim's key, answers signed with its own, long-poll
 * honoured) but serves whatever chains the test hands it, honest or forged.
 */
export interface RoguePeer {
  readonly id: string;
  readonly url: string;
  /** Serves `events` as the chain of (space, origin); `ignoreAfter` sends them all whatever cursor is asked. */
  serve(space: string, origin: string, events: readonly Event[], opts?: { ignoreAfter?: boolean }): void;
  /** Serves the genesis event of a space it founded. */
  genesis(space: string, event: Event): void;
  close(): Promise<void>;
}

export async function startRoguePeer(id: string, keys: NodeKeys, victim: { id: string; publicKey: KeyObject }): Promise<RoguePeer> {
  const chains = new Map<string, { events: readonly Event[]; ignoreAfter: boolean }>();
  const geneses = new Map<string, Event>();
  const changed = new EventEmitter();
  changed.setMaxListeners(0);
  const seen = createNonceCache();

  function answer(req: IncomingMessage, res: ServerResponse, status: number, body: string, type: string): void {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const request: HttpMessage = { method: req.method ?? "GET", url: `http://${req.headers.host}${req.url}`, headers, body: "" };
    const signed = signMessage({ status, headers: { "content-type": type }, body }, { keyId: id, privateKey: keys.privateKey, request });
    res.writeHead(status, { "content-type": type, ...signed });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const check = verifyMessage(
      { method: req.method ?? "GET", url: url.href, headers, body: "" },
      {
        keyOf: (k) => (k === victim.id ? victim.publicKey : undefined),
        seenNonce: seen,
      },
    );
    if (!check.ok) return answer(req, res, 401, JSON.stringify({ code: "federation.bad_signature" }), "application/problem+json");
    const m = /^\/federation\/v1\/spaces\/([^/]+)\/(heads|events|genesis)$/.exec(url.pathname);
    const space = m?.[1] ?? "";
    if (m?.[2] === "genesis") {
      const g = geneses.get(space);
      return g ? answer(req, res, 200, eventLine(rowOf(g)), "application/json") : answer(req, res, 404, "{}", "application/problem+json");
    }
    if (m?.[2] === "heads") {
      const heads: Record<string, { seq: number; hash: string }> = {};
      for (const [key, chain] of chains) {
        const [s, origin] = key.split("\u0000");
        const last = chain.events.at(-1);
        if (s === space && origin && last) heads[origin] = { seq: last.seq, hash: eventHash(last) };
      }
      return answer(req, res, 200, JSON.stringify({ space, heads }), "application/json");
    }
    if (m?.[2] !== "events") return answer(req, res, 404, "{}", "application/problem+json");
    const key = `${space}\u0000${url.searchParams.get("origin")}`;
    const after = Number(url.searchParams.get("after") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 1000);
    const wait = Number(url.searchParams.get("wait") ?? 0);
    const page = () => {
      const chain = chains.get(key);
      if (!chain) return [];
      return (chain.ignoreAfter ? chain.events : chain.events.filter((e) => e.seq > after)).slice(0, limit);
    };
    let out = page();
    if (out.length === 0 && wait > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          changed.off(key, done);
          resolve();
        };
        const timer = setTimeout(done, wait);
        changed.on(key, done);
        res.once("close", done);
      });
      out = page();
    }
    if (res.destroyed) return;
    answer(req, res, 200, out.map((e) => eventLine(rowOf(e))).join(""), "application/x-ndjson");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      res.statusCode = 500;
      res.end(err.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  return {
    id,
    url: `http://127.0.0.1:${port}`,
    serve(space, origin, events, opts = {}) {
      const key = `${space}\u0000${origin}`;
      chains.set(key, { events, ignoreAfter: opts.ignoreAfter ?? false });
      changed.emit(key);
    },
    genesis(space, event) {
      geneses.set(space, event);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The columns `eventLine` reads, for an event that never was in a database. */
function rowOf(e: Event) {
  return { ...e, data: JSON.stringify(e.data), pos: 0, hash: "", stored_at: 0 };
}

/** What one new event of a chain says; the rest (id, seq, prev, hlc) is stamped by `extend`. */
export interface Step {
  readonly type: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
  /** Fields to force after stamping (a wrong prev, another space…). */
  readonly tamper?: Partial<UnsignedEvent>;
  /** Sign with this key instead of the chain's. */
  readonly key?: KeyObject;
}

/**
 * Continues `chain` (one space, one origin) with `steps`, signed with `key`: how an origin
 * writes its log. Each event links to the hash of the one before it, as it was finally signed.
 */
export function extend(chain: readonly Event[], at: { space: string; origin: string; key: KeyObject }, steps: readonly Step[]): Event[] {
  const out = [...chain];
  for (const step of steps) {
    const last = out.at(-1);
    const head = last ? { seq: last.seq, hash: eventHash(last) } : EMPTY_HEAD;
    const unsigned: UnsignedEvent = {
      id: uuidv7(),
      space: at.space,
      origin: at.origin,
      seq: head.seq + 1,
      prev: head.hash,
      hlc: formatHlc({ ms: Date.now(), counter: out.length }),
      actor: `rogue@${at.origin}`,
      type: step.type,
      v: 1,
      subject: step.subject,
      data: step.data,
      ...step.tamper,
    };
    out.push(signEvent(unsigned, step.key ?? at.key).event);
  }
  return out;
}
