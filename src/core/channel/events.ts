import { z } from "zod";
import { sha256Hex } from "../log/crypto";
import { spaceIdSchema } from "../log/envelope";
import { defineEvent } from "../log/registry";
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_BODY,
  MAX_MEMBERS,
  memberSchema,
  nodeOfMember,
  precedenceSchema,
  tlpSchema,
  usernameSchema,
} from "./schema";

/**
 * Channel events. A conversation is created and changed by one node (its creator's); each
 * message is its author's node's subject; receipts about a message are written only by the
 * nodes it is addressed to (the `addressee` rule), each for its own users. Conversations
 * may live in a shared space or, for a node's internal groups, in its national space.
 */
const members = z.array(memberSchema).min(2).max(MAX_MEMBERS);
const at = z.iso.datetime({ offset: false });

export const conversationCreated = defineEvent({
  type: "conversation.created",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({
    title: z.string().max(200),
    kind: z.enum(["direct", "group"]),
    members,
    tlp: tlpSchema,
    createdBy: memberSchema,
  }),
});

export const conversationUpdated = defineEvent({
  type: "conversation.updated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ title: z.string().min(1).max(200).optional(), members: members.optional(), tlp: tlpSchema.optional() }),
});

/** An attachment carries its bytes (base64), checked against its declared size and hash. */
const attachment = z
  .strictObject({
    name: z.string().min(1).max(200),
    type: z.enum(ATTACHMENT_TYPES),
    size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    content: z.base64(),
  })
  .refine((a) => {
    const bytes = Buffer.from(a.content, "base64");
    return bytes.length === a.size && sha256Hex(bytes) === a.sha256;
  }, "attachment content does not match its size and hash");

export const messagePosted = defineEvent({
  type: "message.posted",
  v: 1,
  writer: "create",
  spaces: "any",
  secret: ["body", "attachments"],
  data: z.strictObject({
    conversation: z.uuid(),
    body: z.string().min(1).max(MAX_BODY),
    precedence: precedenceSchema,
    ackRequired: z.boolean(),
    tlp: tlpSchema,
    replyTo: z.uuid().nullable(),
    attachments: z.array(attachment).max(MAX_ATTACHMENTS),
    /** Who it is addressed to: the conversation's members but its author, when posted. */
    to: z.array(memberSchema).min(1).max(50),
  }),
  addressees: (d) => [...new Set(d.to.map(nodeOfMember))],
});

export const messageEdited = defineEvent({
  type: "message.edited",
  v: 1,
  writer: "owner",
  spaces: "any",
  secret: ["body"],
  data: z.strictObject({ version: z.number().int().min(2), body: z.string().min(1).max(MAX_BODY) }),
});

export const messageWithdrawn = defineEvent({
  type: "message.withdrawn",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ reason: z.string().max(500).nullable() }),
});

/** The addressee's node holds the message (written when it applies it). */
export const messageAccepted = defineEvent({
  type: "message.accepted",
  v: 1,
  writer: "addressee",
  spaces: "any",
  data: z.strictObject({ at }),
});

/** A user of the writing node: the node vouches for its own users, never for another's. */
const byUser = { user: usernameSchema, at };

export const messageDelivered = defineEvent({
  type: "message.delivered",
  v: 1,
  writer: "addressee",
  spaces: "any",
  data: z.strictObject(byUser),
});

export const messageRead = defineEvent({
  type: "message.read",
  v: 1,
  writer: "addressee",
  spaces: "any",
  data: z.strictObject(byUser),
});

export const messageAcknowledged = defineEvent({
  type: "message.acknowledged",
  v: 1,
  writer: "addressee",
  spaces: "any",
  data: z.strictObject({ ...byUser, comment: z.string().max(2000).nullable(), version: z.number().int().min(1) }),
});

/** Unacknowledged past its handling objective; written by the author's node (the message's owner). */
export const messageEscalated = defineEvent({
  type: "message.escalated",
  v: 1,
  writer: "owner",
  spaces: "any",
  data: z.strictObject({ dueAt: at, pending: z.array(memberSchema).min(1).max(50) }),
});

/**
 * A receipt given while the message was only provisional (shown from the express lane, not
 * yet held): kept in the node's own log until the message is applied and the receipt can be
 * signed into the shared space. Never leaves the node.
 */
export const receiptDeferred = defineEvent({
  type: "message.receipt_deferred",
  v: 1,
  writer: "create",
  spaces: "national",
  data: z.strictObject({
    space: spaceIdSchema,
    message: z.uuid(),
    kind: z.enum(["delivered", "read", "acknowledged"]),
    user: usernameSchema,
    at,
    comment: z.string().max(2000).nullable(),
    version: z.number().int().min(1),
  }),
});

export const CHANNEL_EVENTS = [
  conversationCreated,
  conversationUpdated,
  messagePosted,
  messageEdited,
  messageWithdrawn,
  messageAccepted,
  messageDelivered,
  messageRead,
  messageAcknowledged,
  messageEscalated,
  receiptDeferred,
];
