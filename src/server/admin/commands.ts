import { createHash, randomBytes } from "node:crypto";
import { decideCreateToken, decideCreateUser, decideRevokeToken, decideUpdateUser } from "../../core/admin/decide";
import { type AdminAction, canAdmin } from "../../core/admin/policy";
import type { CreateTokenInput, CreateUserInput, Role, Scope, TokenView, UpdateUserInput, UserView } from "../../core/admin/schema";
import { DomainError } from "../../core/errors";
import { uuidv7 } from "../../core/log/ids";
import type { EventStore } from "../db/event-store";
import { hashPassword } from "./passwords";
import { activeAdminCount, tokenById, toUserState, toUserView, userById, userByUsername } from "./queries";
import { forgetTokens } from "./token-cache";

/** Who is acting: a logged-in user, a token's user, or the node's console (`cli`). */
export interface Actor {
  readonly userId?: string;
  readonly username: string;
  readonly role: Role;
  readonly node: string;
  /** An officer's sectors and units; null means unrestricted. */
  readonly scope?: Scope | null;
}

export interface CommandContext {
  readonly store: EventStore;
  readonly actor: Actor;
}

export const actorName = (a: Actor) => `${a.username}@${a.node}`;

/** The node's operator at the console: the CLI acts as an admin of its own node. */
export function consoleActor(node: string): Actor {
  return { username: "cli", role: "admin", node };
}

export function authorize(actor: Actor, action: AdminAction): void {
  if (!canAdmin(actor.role, action)) throw new DomainError("auth.forbidden", `role ${actor.role} may not ${action}`);
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createUser(ctx: CommandContext, input: CreateUserInput): Promise<UserView> {
  authorize(ctx.actor, "user.manage");
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  return ctx.store.write(async (tx) => {
    const existing = await userByUsername(tx.sql, input.username);
    await tx.append(
      decideCreateUser(
        existing && toUserState(existing),
        { id, username: input.username, role: input.role, scope: input.scope ?? null, passwordHash },
        actorName(ctx.actor),
      ),
    );
    const row = await userById(tx.sql, id);
    if (!row) throw new DomainError("internal", "user projection missing after create");
    return toUserView(row);
  });
}

export async function updateUser(ctx: CommandContext, username: string, input: UpdateUserInput): Promise<UserView> {
  authorize(ctx.actor, "user.manage");
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const view = await ctx.store.write(async (tx) => {
    const row = await userByUsername(tx.sql, username);
    const events = decideUpdateUser(
      row && toUserState(row),
      {
        ...(input.role ? { role: input.role } : {}),
        ...(input.scope !== undefined ? { scope: input.scope } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      },
      actorName(ctx.actor),
      await activeAdminCount(tx.sql),
    );
    if (events.length > 0) await tx.append(events);
    const after = await userByUsername(tx.sql, username);
    if (!after) throw new DomainError("user.not_found", "no such user");
    // A new password or a disabled account ends every open session of that user.
    if (passwordHash || input.disabled === true) await tx.sql.run("DELETE FROM sessions WHERE user_id = ?", [after.id]);
    return toUserView(after);
  });
  // A role, scope or disabled account changes what the user's tokens grant.
  forgetTokens(ctx.store.db);
  return view;
}

/** Creates an API token; the token itself is returned once and only its hash is kept. */
export async function createToken(ctx: CommandContext, input: CreateTokenInput): Promise<{ token: string; view: TokenView }> {
  const forOther = input.username !== undefined && input.username !== ctx.actor.username;
  authorize(ctx.actor, forOther || !ctx.actor.userId ? "token.any" : "token.own");
  const username = input.username ?? ctx.actor.username;
  const token = `enl_${randomBytes(32).toString("base64url")}`;
  const id = uuidv7();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  return ctx.store.write(async (tx) => {
    const row = await userByUsername(tx.sql, username);
    await tx.append(
      decideCreateToken(
        row && toUserState(row),
        { id, label: input.label, tokenHash: hashToken(token), expiresAt, now: new Date().toISOString() },
        actorName(ctx.actor),
      ),
    );
    const view = await tokenById(tx.sql, id);
    if (!view) throw new DomainError("internal", "token projection missing after create");
    const { userId: _owner, ...rest } = view;
    return { token, view: rest };
  });
}

export async function revokeToken(ctx: CommandContext, id: string): Promise<void> {
  await ctx.store.write(async (tx) => {
    const token = await tokenById(tx.sql, id);
    const own = token !== undefined && token.userId === ctx.actor.userId;
    authorize(ctx.actor, own ? "token.own" : "token.any");
    await tx.append(decideRevokeToken(token && { id: token.id, revoked: token.revokedAt !== null }, actorName(ctx.actor)));
  });
  forgetTokens(ctx.store.db);
}
