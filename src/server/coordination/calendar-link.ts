import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { DomainError } from "../../core/errors";
import type { NodeKeys } from "../../core/log/crypto";

/**
 * Subscription links to a unit's calendar feed. Calendar applications subscribe to a URL and
 * cannot send an Authorization header, so the link carries its own proof: the id of an API
 * token created for it (revoking that token ends the subscription, its secret never leaves the
 * server) and an HMAC of the token id and the unit, under a key derived from the node's
 * private key. A link opens that one feed and nothing else.
 */
export interface CalendarLinks {
  /** The `feed` parameter of a link for this token and unit. */
  readonly param: (tokenId: string, unitId: string) => string;
  /** The token id a `feed` parameter names, once its proof holds for this unit. */
  readonly tokenOf: (feed: string, unitId: string) => string;
}

export function calendarLinks(keys: NodeKeys): CalendarLinks {
  const der = keys.privateKey.export({ format: "der", type: "pkcs8" });
  const key = Buffer.from(hkdfSync("sha256", der, Buffer.alloc(0), "enlace calendar feed links", 32));
  const mac = (tokenId: string, unitId: string) => createHmac("sha256", key).update(`${tokenId}\u0000${unitId}`).digest("base64url");
  return {
    param: (tokenId, unitId) => `${tokenId}.${mac(tokenId, unitId)}`,
    tokenOf(feed, unitId) {
      const dot = feed.indexOf(".");
      const tokenId = feed.slice(0, dot);
      const given = Buffer.from(feed.slice(dot + 1));
      const expected = Buffer.from(mac(tokenId, unitId));
      if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new DomainError("auth.bad_token", "this calendar link is not valid for this unit", "query.feed");
      return tokenId;
    },
  };
}
