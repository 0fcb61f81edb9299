import { z } from "zod";
import { eventSchema, nodeIdSchema } from "../log/envelope";
import { defineEvent } from "../log/registry";

/**
 * Federation events. Peering and quarantine are each node's own business (national space);
 * a space's genesis, joins and receipts live in the shared space they are about.
 */
const headSchema = z.strictObject({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });
const publicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a base64url Ed25519 public key");

export const peerInvited = defineEvent({
  type: "peer.invited",
  v: 1,
  writer: "create",
  spaces: "national",
  secret: ["secretHash"],
  data: z.strictObject({ secretHash: z.string().regex(/^[0-9a-f]{64}$/), expiresAt: z.string() }),
});

export const peerInviteUsed = defineEvent({
  type: "peer.invite_used",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({ node: nodeIdSchema }),
});

export const peerPinned = defineEvent({
  type: "peer.pinned",
  v: 1,
  writer: "create",
  spaces: "national",
  data: z.strictObject({
    node: nodeIdSchema,
    name: z.string().min(1).max(200),
    country: z.string().regex(/^[A-Z]{2}$/),
    url: z.string().url(),
    publicKey,
  }),
});

export const peerRemoved = defineEvent({
  type: "peer.removed",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({ node: nodeIdSchema }),
});

export const peerEventQuarantined = defineEvent({
  type: "peer.event_quarantined",
  v: 1,
  writer: "create",
  spaces: "national",
  data: z.strictObject({
    peer: nodeIdSchema,
    space: z.string(),
    origin: z.string(),
    seq: z.number().int(),
    code: z.string(),
    reason: z.string(),
    event: z.unknown(),
  }),
});

export const peerQuarantineResolved = defineEvent({
  type: "peer.quarantine_resolved",
  v: 1,
  writer: "owner",
  spaces: "national",
  data: z.strictObject({ action: z.enum(["retry", "drop"]) }),
});

export const spaceCreated = defineEvent({
  type: "space.created",
  v: 1,
  writer: "create",
  spaces: "shared",
  data: z.strictObject({
    name: z.string().trim().min(1).max(200),
    members: z.array(nodeIdSchema).min(2).max(16),
  }),
});

export const spaceJoined = defineEvent({
  type: "space.joined",
  v: 1,
  writer: "member",
  spaces: "shared",
  data: z.strictObject({}),
});

export const receiptCheckpoint = defineEvent({
  type: "receipt.checkpoint",
  v: 1,
  writer: "member",
  spaces: "shared",
  data: z.strictObject({ heads: z.record(nodeIdSchema, headSchema) }),
});

export const FEDERATION_EVENTS = [
  peerInvited,
  peerInviteUsed,
  peerPinned,
  peerRemoved,
  peerEventQuarantined,
  peerQuarantineResolved,
  spaceCreated,
  spaceJoined,
  receiptCheckpoint,
];

/** An event as it travels between nodes (the envelope, nothing local). */
export const wireEventSchema = eventSchema;
