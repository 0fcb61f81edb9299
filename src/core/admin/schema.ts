import { z } from "zod";

/** The roles of DESIGN.md's security model, most to least privileged. */
export const ROLES = ["admin", "commander", "officer", "analyst", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, "2–32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter");

export const passwordSchema = z.string().min(10, "at least 10 characters").max(200);

/** An officer may be limited to some sectors and units; empty means no limit. */
export const scopeSchema = z.strictObject({
  sectors: z.array(z.string().min(1).max(100)).max(200).default([]),
  units: z.array(z.string().min(1).max(100)).max(200).default([]),
});
export type Scope = z.infer<typeof scopeSchema>;

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  role: roleSchema,
  password: passwordSchema,
  scope: scopeSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    role: roleSchema.optional(),
    scope: scopeSchema.nullable().optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const createTokenSchema = z.strictObject({
  username: usernameSchema.optional(),
  label: z.string().trim().min(1).max(100).default("api"),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** A user as the API shows it: never a credential. */
export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  scope: scopeSchema.nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const tokenViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const meSchema = z.object({ username: z.string(), role: roleSchema, node: z.string(), scope: scopeSchema.nullable() });
