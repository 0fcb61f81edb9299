import { z } from "zod";
import { attachmentRef, precedenceSchema, RECEIPT_KINDS, tlpSchema } from "./schema";

/**
 * What the channel API answers, declared once: the server serialises with these schemas,
 * the OpenAPI document shows them, and the console reads its types from them.
 */
export const conversationView = z.object({
  id: z.string(),
  space: z.string(),
  /** The node that created the conversation: the only one that may change it. */
  ownerNode: z.string(),
  kind: z.enum(["direct", "group"]),
  title: z.string(),
  tlp: tlpSchema,
  members: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastMessageAt: z.string().nullable(),
  /** Messages of others the caller has not read. */
  unread: z.number().int(),
  /** Messages addressed to the caller that ask for an acknowledgement it has not given. */
  pendingAcks: z.number().int(),
});
export type ConversationView = z.infer<typeof conversationView>;

export const messageView = z.object({
  id: z.string(),
  conversation: z.string(),
  space: z.string(),
  author: z.string(),
  /** The node that wrote and signed it, with the event's position in its chain. */
  origin: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  precedence: precedenceSchema,
  ackRequired: z.boolean(),
  tlp: tlpSchema,
  replyTo: z.string().nullable(),
  /** The markdown as written (current version); empty once withdrawn. */
  body: z.string(),
  /** The body rendered to sanitised HTML (a fixed set of tags, no attributes but a vetted href). */
  html: z.string(),
  version: z.number().int(),
  editedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  attachments: z.array(attachmentRef),
  recipients: z.array(z.string()),
  postedAt: z.string(),
  /** When this node stored it: with `postedAt`, the delay of a message queued while a peer was unreachable. */
  storedAt: z.string(),
  delayMs: z.number(),
  /** Acknowledgement due (handling objective), for messages that require one. */
  dueAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  acknowledgedBy: z.array(z.string()),
  /** The caller's own state. */
  mine: z.object({
    isAuthor: z.boolean(),
    isAddressee: z.boolean(),
    read: z.boolean(),
    acknowledged: z.boolean(),
    /** A receipt given while the message was still provisional, to be signed once it is held. */
    pending: z.array(z.enum(["delivered", "read", "acknowledged"])),
  }),
  /** Shown from the express lane, verified by its origin's signature; not yet applied in its chain. */
  provisional: z.boolean(),
});
export type MessageView = z.infer<typeof messageView>;

export const messagePage = z.object({ messages: z.array(messageView), next: z.string().nullable() });

export const recipientReceipts = z.object({
  member: z.string(),
  node: z.string(),
  acceptedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  comment: z.string().nullable(),
  /** The version of the body that was acknowledged. */
  acknowledgedVersion: z.number().int().nullable(),
});

export const receiptsView = z.object({
  message: z.string(),
  postedAt: z.string(),
  dueAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  recipients: z.array(recipientReceipts),
  /** Each receipt is a signed event: its id, writer and hash let anyone check it in the log. */
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(RECEIPT_KINDS),
      member: z.string(),
      origin: z.string(),
      at: z.string(),
      hash: z.string(),
    }),
  ),
});
export type ReceiptsView = z.infer<typeof receiptsView>;

export const receiptAnswer = z.object({
  /** `recorded`: signed into the log; `pending`: kept until the provisional message is held. */
  status: z.enum(["recorded", "pending", "unchanged"]),
  message: z.string(),
  kind: z.enum(["delivered", "read", "acknowledged"]),
});

export const versionView = z.object({ version: z.number().int(), body: z.string(), html: z.string(), at: z.string() });

export const searchHit = z.object({ message: messageView, conversationTitle: z.string() });

export const channelSummary = z.object({
  unread: z.number().int(),
  pendingAcks: z.number().int(),
  /** Escalated messages the caller wrote, or (as a commander) is a member of the conversation of. */
  escalated: z.number().int(),
});
