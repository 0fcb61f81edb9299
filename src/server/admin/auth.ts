import { createHash, randomBytes } from "node:crypto";
import type { UserState } from "../../core/admin/decide";
import { DomainError } from "../../core/errors";
import type { Database } from "../db/database";
import type { Actor } from "./commands";
import { hashToken } from "./commands";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import { tokenById, tokenOwner, toUserState, userById, userByUsername } from "./queries";
import { cachedToken, tokenLookup } from "./token-cache";

/**
 * Sessions and API tokens. Sessions are operational state (a table of hashed ids with an
 * expiry), not domain data, so they are not events; who created which token is.
 */
const sessionHash = (id: string) => createHash("sha256").update(id).digest("hex");

const actorFor = (s: UserState, node: string): Actor => ({ userId: s.id, username: s.username, role: s.role, node, scope: s.scope });

export interface Session {
  readonly id: string;
  readonly expiresAt: number;
  readonly actor: Actor;
}

export async function login(
  db: Database,
  input: { username: string; password: string; node: string; ttlMs: number; now?: number },
): Promise<Session> {
  const now = input.now ?? Date.now();
  const row = await db.connection((sql) => userByUsername(sql, input.username));
  // Check a hash even for an unknown user, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || Number(row.disabled) === 1) throw new DomainError("auth.bad_credentials", "wrong username or password");
  const id = randomBytes(32).toString("base64url");
  const expiresAt = now + input.ttlMs;
  await db.kysely
    .insertInto("sessions")
    .values({ id_hash: sessionHash(id), user_id: row.id, created_at: now, expires_at: expiresAt })
    .execute();
  await db.kysely.deleteFrom("sessions").where("expires_at", "<", now).execute();
  return { id, expiresAt, actor: actorFor(toUserState(row), input.node) };
}

export async function logout(db: Database, sessionId: string): Promise<void> {
  await db.kysely.deleteFrom("sessions").where("id_hash", "=", sessionHash(sessionId)).execute();
}

export async function sessionActor(db: Database, sessionId: string, node: string, now = Date.now()): Promise<Actor> {
  return db.connection(async (sql) => {
    const rows = await sql.all<{ user_id: string; expires_at: number }>("SELECT user_id, expires_at FROM sessions WHERE id_hash = ?", [
      sessionHash(sessionId),
    ]);
    const session = rows[0];
    if (!session) throw new DomainError("auth.required", "not logged in");
    if (Number(session.expires_at) <= now) throw new DomainError("auth.session_expired", "the session has expired; log in again");
    const user = await userById(sql, session.user_id);
    if (!user || Number(user.disabled) === 1) throw new DomainError("auth.required", "the account is disabled");
    return actorFor(toUserState(user), node);
  });
}

export async function tokenActor(db: Database, token: string, node: string, now = Date.now()): Promise<Actor> {
  const tokenHash = hashToken(token);
  const cached = cachedToken(db, tokenHash);
  if (cached && (cached.expiresAt === null || cached.expiresAt > now)) return actorFor(cached.user, node);
  const keep = tokenLookup(db);
  const found = await db.connection((sql) => tokenOwner(sql, tokenHash));
  if (!found) throw new DomainError("auth.bad_token", "unknown API token");
  if (found.revokedAt) throw new DomainError("auth.token_revoked", "the API token was revoked");
  const expiresAt = found.expiresAt ? Date.parse(found.expiresAt) : null;
  if (expiresAt !== null && expiresAt <= now) throw new DomainError("auth.token_expired", "the API token has expired");
  const s = toUserState(found.user);
  if (s.disabled) throw new DomainError("auth.required", "the account is disabled");
  keep(tokenHash, { user: s, expiresAt });
  return actorFor(s, node);
}

/**
 * The owner of an API token named by its id, for links that carry a token's id and their own
 * proof instead of the token's secret (calendar subscriptions): the same refusals as a token
 * presented whole, revoked, expired, or its account disabled.
 */
export async function tokenIdActor(db: Database, tokenId: string, node: string, now = Date.now()): Promise<Actor> {
  const found = await db.connection(async (sql) => {
    const token = await tokenById(sql, tokenId);
    return token && { token, user: await userById(sql, token.userId) };
  });
  if (!found?.user) throw new DomainError("auth.bad_token", "unknown API token");
  if (found.token.revokedAt) throw new DomainError("auth.token_revoked", "the API token was revoked");
  if (found.token.expiresAt && Date.parse(found.token.expiresAt) <= now)
    throw new DomainError("auth.token_expired", "the API token has expired");
  const s = toUserState(found.user);
  if (s.disabled) throw new DomainError("auth.required", "the account is disabled");
  return actorFor(s, node);
}
