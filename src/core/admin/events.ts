import { z } from "zod";
import { nodeIdSchema } from "../log/envelope";
import { defineEvent } from "../log/registry";
import { roleSchema, scopeSchema, usernameSchema } from "./schema";

/**
 * Administrative events. They live in the national space only: who may log in to a node
 * is that node's business alone, and credential hashes must never cross the border.
 */
export const nodeCreated = defineEvent({
  type: "node.created",
  v: 1,
  writer: "create",
  spaces: "national",
  data: z.strictObject({
    node: nodeIdSchema,
    name: z.string().min(1).max(200),
    country: z.string().regex(/^[A-Z]{2}$/),
    publicKey: z.string(),
  }),
});

const passwordHash = z.string().regex(/^scrypt\$/);

export const userCreated = defineEvent({
  type: "user.created",
  v: 1,
  writer: "create",
  spaces: "national",
  secret: ["passwordHash"],
  data: z.strictObject({ username: usernameSchema, role: roleSchema, scope: scopeSchema.nullable(), passwordHash }),
});

export const userRoleSet = defineEvent({
  type: "user.role_set",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({ role: roleSchema, scope: scopeSchema.nullable() }),
});

export const userPasswordSet = defineEvent({
  type: "user.password_set",
  v: 1,
  writer: "owner",
  spaces: "national",
  secret: ["passwordHash"],
  data: z.strictObject({ passwordHash }),
});

export const userDisabled = defineEvent({
  type: "user.disabled",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({}),
});

export const userEnabled = defineEvent({
  type: "user.enabled",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({}),
});

export const tokenCreated = defineEvent({
  type: "token.created",
  v: 1,
  writer: "create",
  spaces: "national",
  secret: ["tokenHash"],
  data: z.strictObject({
    userId: z.string(),
    label: z.string().min(1).max(100),
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    expiresAt: z.string().nullable(),
  }),
});

export const tokenRevoked = defineEvent({
  type: "token.revoked",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({}),
});

export const ADMIN_EVENTS = [nodeCreated, userCreated, userRoleSet, userPasswordSet, userDisabled, userEnabled, tokenCreated, tokenRevoked];
