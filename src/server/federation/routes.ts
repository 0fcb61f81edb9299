import type { KeyObject } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { DomainError } from "../../core/errors";
import { importPublicKey } from "../../core/log/crypto";
import { NATIONAL_SPACE, nodeIdSchema, spaceIdSchema } from "../../core/log/envelope";
import { expressRoutes } from "../channel/express-serve";
import { publicUrlOf } from "../config";
import { problem, sendProblem } from "../http/errors";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { registerPeer } from "./commands";
import { createNonceCache, type HttpMessage, signatureKeyId, signMessage, verifyMessage } from "./http-signature";
import { peerAnswerSchema } from "./invite";
import { activePeer, isSpaceMember } from "./queries";
import { genesisOf, readEventLines, waitForEvents } from "./wire";

declare module "fastify" {
  interface FastifyRequest {
    /** The peer whose signature this federation request carries. */
    peer?: string;
    /** The raw body, as signed. */
    rawBody?: string;
  }
  interface FastifyContextConfig {
    /** The peering handshake: the key comes with the request, the invite secret authorises it. */
    handshake?: boolean;
  }
}

const spaceParams = z.strictObject({ space: spaceIdSchema });
const eventsQuery = z.strictObject({
  origin: nodeIdSchema,
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  wait: z.coerce.number().int().min(0).max(30_000).default(0),
});
/** Imported pinned keys kept at most (a node has a handful of peers); past it, the cache starts afresh. */
const KEYS_KEPT = 256;

/**
 * The federation API (docs/federation.md). Every request must carry a valid RFC 9421
 * signature of a pinned peer, and every answer is signed by this node. Only members of a
 * space are answered about it; the national space is never served, whatever is asked.
 */
export async function federationRoutes(app: App, node: NodeRuntime): Promise<void> {
  const { db, store, config, keys } = node;
  const seen = createNonceCache();
  // Pinned keys as imported, by their text: importing one (DER decoding in OpenSSL) costs
  // about as much as checking a signature, and every federation request needs its peer's.
  // The pin itself is still read on every request, so a removed or re-keyed peer is refused at once.
  const imported = new Map<string, KeyObject>();
  const pinnedKey = (text: string): KeyObject => {
    let key = imported.get(text);
    if (!key) {
      if (imported.size >= KEYS_KEPT) imported.clear();
      key = importPublicKey(text);
      imported.set(text, key);
    }
    return key;
  };
  const closing = new AbortController();
  app.addHook("preClose", async () => closing.abort());
  const publicUrl = publicUrlOf(config);
  // The node-to-node protocol is specified in docs/federation.md, not in the REST API's document.
  app.addHook("onRoute", (route) => {
    route.schema = { ...route.schema, hide: true };
  });

  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === "" ? undefined : JSON.parse(body as string));
    } catch {
      done(new DomainError("request.malformed", "the body is not valid JSON", "body"));
    }
  });

  const asMessage = (request: FastifyRequest): HttpMessage => ({
    method: request.method,
    // Peers sign the URL they were given (our public URL), which a TLS proxy in front of
    // us does not change; rebuilding it from the socket would not match behind one.
    url: new URL(request.url, publicUrl).href,
    headers: request.headers as Record<string, string | undefined>,
    body: request.rawBody ?? "",
  });

  app.addHook("preHandler", async (request) => {
    const keyId = signatureKeyId(request.headers as Record<string, string | undefined>);
    if (!keyId) throw new DomainError("federation.unsigned", "federation requests must be signed (RFC 9421)", "header.signature");
    let key: KeyObject | undefined;
    if (request.routeOptions.config?.handshake) {
      const offered = (request.body as { publicKey?: unknown } | undefined)?.publicKey;
      if (typeof offered === "string") key = safeImport(offered);
    } else {
      const peer = await db.connection((sql) => activePeer(sql, keyId));
      key = peer ? pinnedKey(peer.public_key) : undefined;
    }
    if (!key) throw new DomainError("federation.unknown_peer", `no peer ${keyId} is pinned here`, "header.signature-input");
    const check = verifyMessage(asMessage(request), { keyOf: (id) => (id === keyId ? key : undefined), seenNonce: seen });
    if (!check.ok) throw new DomainError("federation.bad_signature", `signature refused: ${check.reason}`, "header.signature");
    request.peer = keyId;
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.headers.signature) return payload;
    const body = typeof payload === "string" || Buffer.isBuffer(payload) ? payload : "";
    try {
      const signed = signMessage(
        { status: reply.statusCode, headers: {}, body },
        { keyId: config.node, privateKey: keys.privateKey, request: asMessage(request) },
      );
      for (const [k, v] of Object.entries(signed)) reply.header(k, v);
    } catch {
      // A request without an `enlace` signature cannot be answered with one bound to it.
    }
    return payload;
  });

  // A route of its own rather than a not-found handler: the console's catch-all GET route
  // would otherwise answer misses here, unsigned. Being a route of this plugin, a miss is
  // checked (signed requests only) and answered signed like any other federation answer.
  app.all("/*", async (request, reply) =>
    sendProblem(reply, problem(request, "not_found", `no federation route ${request.method} ${request.url.split("?")[0]}`)),
  );

  /** The requester must be a member of the space; the national space does not exist here. */
  async function memberSpace(request: FastifyRequest, space: string): Promise<void> {
    const member = space !== NATIONAL_SPACE && (await db.connection((sql) => isSpaceMember(sql, space, request.peer ?? "")));
    if (!member) throw new DomainError("space.unknown", `no space ${space} shared with ${request.peer}`, "path.space");
  }

  app.post(
    "/peers",
    { config: { handshake: true }, schema: { tags: ["federation"], summary: "Answer a peering invitation", body: peerAnswerSchema } },
    async (request) => {
      if (request.body.node !== request.peer)
        throw new DomainError("federation.bad_signature", "the answer is not signed by the node it names");
      await registerPeer(store, config, request.body);
      return { node: config.node, name: config.name, country: config.country, publicKey: keys.publicKeyText };
    },
  );

  app.get("/spaces/:space/genesis", { schema: { tags: ["federation"], params: spaceParams } }, async (request, reply) => {
    await memberSpace(request, request.params.space);
    const line = await genesisOf(db, request.params.space);
    if (!line) throw new DomainError("space.unknown", "the space has no genesis here", "path.space");
    return reply.type("application/json").send(line);
  });

  app.get("/spaces/:space/heads", { schema: { tags: ["federation"], params: spaceParams } }, async (request) => {
    await memberSpace(request, request.params.space);
    return { space: request.params.space, heads: await store.heads(request.params.space) };
  });

  app.get(
    "/spaces/:space/events",
    { schema: { tags: ["federation"], params: spaceParams, querystring: eventsQuery } },
    async (request, reply) => {
      const { space } = request.params;
      await memberSpace(request, space);
      const { origin, after, limit, wait } = request.query;
      let lines = await readEventLines(db, space, origin, after, limit);
      if (lines.length === 0 && wait > 0) {
        await waitForEvents(store, db, { space, origin, after }, wait, reply.raw, closing.signal);
        // The peer left or the server is closing: nothing to read, no one to answer.
        if (request.raw.socket.destroyed || closing.signal.aborted) return reply.send("");
        lines = await readEventLines(db, space, origin, after, limit);
      }
      return reply.type("application/x-ndjson").send(lines.join(""));
    },
  );

  expressRoutes(app, node, closing.signal);
}

function safeImport(text: string) {
  try {
    return importPublicKey(text);
  } catch {
    return undefined;
  }
}
