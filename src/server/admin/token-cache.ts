import type { UserState } from "../../core/admin/decide";
import type { Database } from "../db/database";

/**
 * Tokens recently found valid, per database: every API request authenticates, and the
 * answer rarely changes. Only a valid token is kept (a refusal always reads the database,
 * so it names its reason), and only briefly.
 *
 * The commands that change what a token grants (revoking it; changing a user's role or
 * scope, disabling it) forget the cache once they commit, so such a change holds for every
 * request that starts after its command answered. A change written by another process (the
 * CLI on a running node's folder) is not seen here: it holds within TOKEN_CACHE_MS.
 */
export const TOKEN_CACHE_MS = 1000;

export interface CachedToken {
  readonly user: UserState;
  /** Milliseconds since the epoch; null when the token does not expire. */
  readonly expiresAt: number | null;
}

interface TokenCache {
  /** Moves on every forget, so a lookup that read before it does not store what it read. */
  generation: number;
  readonly entries: Map<string, CachedToken & { readonly until: number }>;
}

const caches = new WeakMap<Database, TokenCache>();

function cacheOf(db: Database): TokenCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { generation: 0, entries: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/** The cached token of this hash, if it was found valid within TOKEN_CACHE_MS. */
export function cachedToken(db: Database, tokenHash: string): CachedToken | undefined {
  const hit = caches.get(db)?.entries.get(tokenHash);
  return hit && hit.until > Date.now() ? hit : undefined;
}

/**
 * Starts a lookup: returns how to keep what it finds, which does nothing when the cache was
 * forgotten meanwhile (a commit may have changed the token after the lookup read it).
 */
export function tokenLookup(db: Database): (tokenHash: string, found: CachedToken) => void {
  const cache = cacheOf(db);
  const generation = cache.generation;
  return (tokenHash, found) => {
    if (cache.generation === generation) cache.entries.set(tokenHash, { ...found, until: Date.now() + TOKEN_CACHE_MS });
  };
}

/** Drops every cached token of `db`; called after a commit that may change what a token grants. */
export function forgetTokens(db: Database): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.generation++;
  cache.entries.clear();
}
