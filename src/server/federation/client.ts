import type { KeyObject } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { DomainError } from "../../core/errors";
import type { NodeKeys } from "../../core/log/crypto";
import { PROBLEMS } from "../http/errors";
import { createNonceCache, type HttpMessage, signMessage, verifyMessage } from "./http-signature";

/**
 * A client for one peer's federation API. Every request is signed with this node's key
 * (RFC 9421, keyid = node id) and every answer must carry the peer's signature over its
 * status, body and our request, checked against the key pinned when we peered.
 */
export interface PeerEndpoint {
  readonly node: string;
  readonly url: string;
  readonly publicKey: KeyObject;
}

export interface SignedResponse {
  readonly status: number;
  readonly body: Buffer;
  readonly contentType: string;
}

/** Response headers as single strings (repeated fields joined, as a fetch Headers object shows them). */
function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** The peer answered, but not with a valid signature of its pinned key. */
export class PeerSignatureError extends Error {}

export function createPeerClient(self: { id: string; keys: NodeKeys }, peer: PeerEndpoint, opts: { timeoutMs?: number } = {}) {
  const seen = createNonceCache();
  // node:http over kept-alive connections: a fraction of the CPU `fetch` spends per request,
  // which a long-poll at the live tail pays once per page.
  const tls = new URL(peer.url).protocol === "https:";
  const agent = tls ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });

  function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const sent = { ...headers, ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}) };
      const req = (tls ? httpsRequest : httpRequest)(url, { method, headers: sent, agent, signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
        res.on("close", () => {
          if (!res.complete) reject(new Error(`${peer.node} closed the connection before the answer was complete`));
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  async function request(method: "GET" | "POST", path: string, init: { json?: unknown; signal?: AbortSignal; timeoutMs?: number } = {}) {
    const url = new URL(path, peer.url).toString();
    const body = init.json === undefined ? "" : JSON.stringify(init.json);
    const headers: Record<string, string> = { accept: "application/json, application/x-ndjson" };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const req: HttpMessage = { method, url, headers, body };
    Object.assign(headers, signMessage(req, { keyId: self.id, privateKey: self.keys.privateKey }));
    const timeout = AbortSignal.timeout(init.timeoutMs ?? opts.timeoutMs ?? 30_000);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const res = await send(new URL(url), method, headers, init.json !== undefined ? body : undefined, signal);
    const buf = res.body;
    const resHeaders = flatHeaders(res.headers);
    const check = verifyMessage(
      { status: res.status, headers: resHeaders, body: buf },
      { keyOf: (id) => (id === peer.node ? peer.publicKey : undefined), request: req, seenNonce: seen },
    );
    if (!check.ok)
      throw new PeerSignatureError(`${peer.node} answered ${res.status} without a valid signature: ${check.reason} (${check.detail})`);
    return { status: res.status, body: buf, contentType: resHeaders["content-type"] ?? "" } satisfies SignedResponse;
  }

  /** A JSON answer, or a DomainError carrying the peer's problem code. */
  async function json<T>(method: "GET" | "POST", path: string, init: Parameters<typeof request>[2] = {}): Promise<T> {
    const res = await request(method, path, init);
    const parsed = res.body.length ? (JSON.parse(res.body.toString("utf8")) as unknown) : undefined;
    if (res.status >= 400) {
      const p = parsed as { code?: string; detail?: string; title?: string } | undefined;
      // A code this node does not know must not become a local 500.
      const code = p?.code && Object.hasOwn(PROBLEMS, p.code) ? p.code : "federation.peer_error";
      throw new DomainError(code, `${peer.node} refused: ${p?.detail ?? p?.title ?? res.status}`);
    }
    return parsed as T;
  }

  return { peer, request, json, close: () => agent.destroy() };
}

export type PeerClient = ReturnType<typeof createPeerClient>;
