import type { KeyObject } from "node:crypto";
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

/** The peer answered, but not with a valid signature of its pinned key. */
export class PeerSignatureError extends Error {}

export function createPeerClient(self: { id: string; keys: NodeKeys }, peer: PeerEndpoint, opts: { timeoutMs?: number } = {}) {
  const seen = createNonceCache();

  async function request(method: "GET" | "POST", path: string, init: { json?: unknown; signal?: AbortSignal; timeoutMs?: number } = {}) {
    const url = new URL(path, peer.url).toString();
    const body = init.json === undefined ? "" : JSON.stringify(init.json);
    const headers: Record<string, string> = { accept: "application/json, application/x-ndjson" };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const req: HttpMessage = { method, url, headers, body };
    Object.assign(headers, signMessage(req, { keyId: self.id, privateKey: self.keys.privateKey }));
    const timeout = AbortSignal.timeout(init.timeoutMs ?? opts.timeoutMs ?? 30_000);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const res = await fetch(url, { method, headers, ...(init.json !== undefined ? { body } : {}), signal });
    const buf = Buffer.from(await res.arrayBuffer());
    const resHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      resHeaders[k] = v;
    });
    const check = verifyMessage(
      { status: res.status, headers: resHeaders, body: buf },
      { keyOf: (id) => (id === peer.node ? peer.publicKey : undefined), request: req, seenNonce: seen },
    );
    if (!check.ok)
      throw new PeerSignatureError(`${peer.node} answered ${res.status} without a valid signature: ${check.reason} (${check.detail})`);
    return { status: res.status, body: buf, contentType: res.headers.get("content-type") ?? "" } satisfies SignedResponse;
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

  return { peer, request, json };
}

export type PeerClient = ReturnType<typeof createPeerClient>;
