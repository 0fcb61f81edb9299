import { DomainError } from "../errors";
import { NATIONAL_SPACE, type NewEvent } from "../log/envelope";
import type { Role, Scope } from "./schema";

/**
 * Pure decisions of user administration: state and command in, events out. The server's
 * commands load the state in the write transaction and append what these return.
 */
export interface UserState {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly scope: Scope | null;
  readonly disabled: boolean;
}

export function decideCreateUser(
  existing: UserState | undefined,
  cmd: { id: string; username: string; role: Role; scope: Scope | null; passwordHash: string },
  actor: string,
): NewEvent[] {
  if (existing) throw new DomainError("user.exists", `user ${cmd.username} already exists`, "username");
  return [
    {
      space: NATIONAL_SPACE,
      type: "user.created",
      subject: cmd.id,
      actor,
      data: { username: cmd.username, role: cmd.role, scope: cmd.role === "officer" ? cmd.scope : null, passwordHash: cmd.passwordHash },
    },
  ];
}

export interface UserChange {
  readonly role?: Role;
  readonly scope?: Scope | null;
  readonly disabled?: boolean;
  readonly passwordHash?: string;
}

export function decideUpdateUser(user: UserState | undefined, change: UserChange, actor: string, adminsLeft: number): NewEvent[] {
  if (!user) throw new DomainError("user.not_found", "no such user");
  const base = { space: NATIONAL_SPACE, subject: user.id, actor } as const;
  const events: NewEvent[] = [];
  const role = change.role ?? user.role;
  // Only officers carry a scope; reduce it first so a scope sent for anyone else is a no-op.
  const scope = role !== "officer" ? null : change.scope === undefined ? user.scope : change.scope;
  const losesAdmin = user.role === "admin" && !user.disabled && (role !== "admin" || change.disabled === true);
  if (losesAdmin && adminsLeft <= 1) {
    throw new DomainError("user.last_admin", "the node's last active admin cannot be demoted or disabled", "role");
  }
  if (role !== user.role || JSON.stringify(scope) !== JSON.stringify(user.scope)) {
    events.push({ ...base, type: "user.role_set", data: { role, scope } });
  }
  if (change.passwordHash) events.push({ ...base, type: "user.password_set", data: { passwordHash: change.passwordHash } });
  if (change.disabled === true && !user.disabled) events.push({ ...base, type: "user.disabled", data: {} });
  if (change.disabled === false && user.disabled) events.push({ ...base, type: "user.enabled", data: {} });
  return events;
}

export function decideCreateToken(
  user: UserState | undefined,
  cmd: { id: string; label: string; tokenHash: string; expiresAt: string | null; now: string },
  actor: string,
): NewEvent[] {
  if (!user) throw new DomainError("user.not_found", "no such user", "username");
  if (user.disabled) throw new DomainError("user.disabled", "a disabled user cannot hold tokens", "username");
  if (cmd.expiresAt && cmd.expiresAt <= cmd.now) throw new DomainError("validation.failed", "the expiry is in the past", "expiresAt");
  return [
    {
      space: NATIONAL_SPACE,
      type: "token.created",
      subject: cmd.id,
      actor,
      data: { userId: user.id, label: cmd.label, tokenHash: cmd.tokenHash, expiresAt: cmd.expiresAt },
    },
  ];
}

export function decideRevokeToken(token: { id: string; revoked: boolean } | undefined, actor: string): NewEvent[] {
  if (!token) throw new DomainError("token.not_found", "no such token");
  if (token.revoked) return [];
  return [{ space: NATIONAL_SPACE, type: "token.revoked", subject: token.id, actor, data: {} }];
}
