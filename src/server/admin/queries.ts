import type { UserState } from "../../core/admin/decide";
import type { Role, Scope, TokenView, UserView } from "../../core/admin/schema";
import type { Sql } from "../db/database";
import type { UsersTable } from "../db/tables";

/** Reads of the users projection, shared by commands, auth and routes. */
export type UserRow = UsersTable;

export function toUserState(row: UserRow): UserState {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    scope: row.scope ? (JSON.parse(row.scope) as Scope) : null,
    disabled: Number(row.disabled) === 1,
  };
}

export function toUserView(row: UserRow): UserView {
  const s = toUserState(row);
  return { ...s, createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function userByUsername(sql: Sql, username: string): Promise<UserRow | undefined> {
  return (await sql.all<UserRow>("SELECT * FROM users WHERE username = ?", [username]))[0];
}

export async function userById(sql: Sql, id: string): Promise<UserRow | undefined> {
  return (await sql.all<UserRow>("SELECT * FROM users WHERE id = ?", [id]))[0];
}

export async function activeAdminCount(sql: Sql): Promise<number> {
  const rows = await sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0");
  return Number(rows[0]?.n ?? 0);
}

export async function listUsers(sql: Sql): Promise<UserView[]> {
  return (await sql.all<UserRow>("SELECT * FROM users ORDER BY username")).map(toUserView);
}

interface TokenRow {
  id: string;
  user_id: string;
  username: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

const toTokenView = (r: TokenRow): TokenView => ({
  id: r.id,
  username: r.username,
  label: r.label,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

const TOKEN_SELECT =
  "SELECT t.id, t.user_id, u.username, t.label, t.created_at, t.expires_at, t.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id";

export async function tokenById(sql: Sql, id: string): Promise<(TokenView & { userId: string }) | undefined> {
  const row = (await sql.all<TokenRow>(`${TOKEN_SELECT} WHERE t.id = ?`, [id]))[0];
  return row ? { ...toTokenView(row), userId: row.user_id } : undefined;
}

export async function listTokens(sql: Sql, userId?: string): Promise<TokenView[]> {
  const rows =
    userId === undefined
      ? await sql.all<TokenRow>(`${TOKEN_SELECT} ORDER BY t.created_at DESC`)
      : await sql.all<TokenRow>(`${TOKEN_SELECT} WHERE t.user_id = ? ORDER BY t.created_at DESC`, [userId]);
  return rows.map(toTokenView);
}

/** The user behind a token hash, with the token's own state. */
export async function tokenOwner(
  sql: Sql,
  tokenHash: string,
): Promise<{ user: UserRow; expiresAt: string | null; revokedAt: string | null } | undefined> {
  const rows = await sql.all<UserRow & { t_expires_at: string | null; t_revoked_at: string | null }>(
    "SELECT u.*, t.expires_at AS t_expires_at, t.revoked_at AS t_revoked_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { t_expires_at, t_revoked_at, ...user } = row;
  return { user, expiresAt: t_expires_at, revokedAt: t_revoked_at };
}
