import { z } from "zod";
import { DomainError } from "../../core/errors";
import { nodeIdSchema } from "../../core/log/envelope";

/**
 * The invitation an admin hands to the other side out of band. It carries everything the
 * other node pins (URL, node id, public key) and a single-use secret that authorises the
 * answer. Text form: `enlace-invite.` + base64url(JSON).
 */
export const inviteTokenSchema = z.strictObject({
  v: z.literal(1),
  url: z.string().url(),
  node: nodeIdSchema,
  name: z.string().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  invite: z.string().uuid(),
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  expiresAt: z.string(),
});
export type InviteToken = z.infer<typeof inviteTokenSchema>;

const PREFIX = "enlace-invite.";

export function encodeInvite(token: InviteToken): string {
  return PREFIX + Buffer.from(JSON.stringify(token)).toString("base64url");
}

export function decodeInvite(text: string): InviteToken {
  const body = text.trim();
  if (!body.startsWith(PREFIX)) throw new DomainError("peer.bad_invite", "not an Enlace invitation token", "token");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw new DomainError("peer.bad_invite", "the invitation token is damaged", "token");
  }
  const parsed = inviteTokenSchema.safeParse(json);
  if (!parsed.success) throw new DomainError("peer.bad_invite", "the invitation token is damaged", "token");
  return parsed.data;
}

/** What the invited node sends back (signed with its own key) to complete the peering. */
export const peerAnswerSchema = z.strictObject({
  invite: z.string().uuid(),
  secret: z.string().min(1).max(100),
  node: nodeIdSchema,
  name: z.string().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/),
  url: z.string().url(),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type PeerAnswer = z.infer<typeof peerAnswerSchema>;
