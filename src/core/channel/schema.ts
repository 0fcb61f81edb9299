import { z } from "zod";
import { usernameSchema } from "../admin/schema";
import { NODE_ID_PATTERN, spaceIdSchema } from "../log/envelope";

/**
 * The command channel (agreement 3): conversations between users of the federated nodes,
 * messages with an ACP 121 precedence and a TLP 2.0 marking, and signed receipts.
 */

/** ACP 121 precedences, most urgent first. */
export const PRECEDENCES = ["flash", "immediate", "priority", "routine"] as const;
export const precedenceSchema = z.enum(PRECEDENCES);
export type Precedence = z.infer<typeof precedenceSchema>;

/** How long each precedence may wait for its acknowledgement before it is escalated (ACP 121). */
export const HANDLING_OBJECTIVE_MS: Record<Precedence, number> = {
  flash: 10 * 60_000,
  immediate: 30 * 60_000,
  priority: 3 * 3600_000,
  routine: 6 * 3600_000,
};

/** Precedences that take the federation's express lane (docs/federation.md, section 14). */
export const URGENT: readonly Precedence[] = ["flash", "immediate"];
export const isUrgent = (p: string) => (URGENT as readonly string[]).includes(p);

/** TLP 2.0 (FIRST), least to most restrictive. */
export const TLPS = ["clear", "green", "amber", "amber+strict", "red"] as const;
export const tlpSchema = z.enum(TLPS);
export type Tlp = z.infer<typeof tlpSchema>;
export const tlpRank = (t: Tlp) => TLPS.indexOf(t);

/** A user of a node, `username@node`: how members and addressees are named across the federation. */
export const MEMBER_PATTERN = new RegExp(`^[a-z][a-z0-9._-]{1,31}@${NODE_ID_PATTERN.source.slice(1, -1)}$`);
export const memberSchema = z.string().regex(MEMBER_PATTERN, "a member is username@node, e.g. ana@co");
export const nodeOfMember = (m: string) => m.slice(m.lastIndexOf("@") + 1);
export const userOfMember = (m: string) => m.slice(0, m.lastIndexOf("@"));

/** Text a person types: no control characters but line breaks and tabs. */
const noControl = (s: string) => ![...s].some((c) => c !== "\n" && c !== "\r" && c !== "\t" && (c.charCodeAt(0) < 32 || c === "\u007f"));
export const MAX_BODY = 20_000;
export const bodySchema = z
  .string()
  .trim()
  .min(1, "an empty message")
  .max(MAX_BODY, `at most ${MAX_BODY} characters`)
  .refine(noControl, "control characters are not allowed");

/** Attachments travel inside the message event, so every member node holds the same bytes. */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;
export const MAX_ATTACHMENTS = 4;
export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "text/plain"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const attachmentInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((n) => !/[/\\]/.test(n) && noControl(n) && !/[\n\r\t]/.test(n), "a file name without path separators or control characters"),
  // Any text here: a type outside the allow-list is refused with its own code, not as malformed input.
  type: z.string().min(1).max(100),
  contentBase64: z.base64("base64 content").min(4, "an empty file"),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;

export const attachmentRef = z.object({
  name: z.string(),
  type: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  sha256: z.string(),
});
export type AttachmentRef = z.infer<typeof attachmentRef>;

const uniqueMembers = (ms: readonly string[]) => new Set(ms).size === ms.length;
/** Members of one conversation, its creator included. */
export const MAX_MEMBERS = 50;

export const conversationInput = z
  .strictObject({
    title: z.string().trim().max(200).default(""),
    members: z
      .array(memberSchema)
      .min(1, "name at least one other member")
      .max(MAX_MEMBERS)
      .refine(uniqueMembers, "a member is named twice"),
    space: spaceIdSchema.optional(),
    tlp: tlpSchema.default("amber"),
    /** A one-to-one conversation: exactly one other member, at most one per pair and space. */
    direct: z.boolean().default(false),
  })
  .refine((c) => c.direct || c.title.length > 0, { message: "a group conversation needs a title", path: ["title"] });
export type ConversationInput = z.infer<typeof conversationInput>;

export const conversationPatch = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    members: z.array(memberSchema).min(1).max(MAX_MEMBERS).refine(uniqueMembers, "a member is named twice").optional(),
    tlp: tlpSchema.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: "nothing to change" });
export type ConversationPatch = z.infer<typeof conversationPatch>;

export const messageInput = z.strictObject({
  body: bodySchema,
  precedence: precedenceSchema.default("routine"),
  ackRequired: z.boolean().default(false),
  /** Defaults to the conversation's marking; never less restrictive than it. */
  tlp: tlpSchema.optional(),
  replyTo: z.uuid().optional(),
  attachments: z.array(attachmentInput).max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments`).default([]),
});
export type MessageInput = z.infer<typeof messageInput>;

export const messagePatch = z.strictObject({ body: bodySchema });
export const withdrawInput = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const ackInput = z.strictObject({ comment: z.string().trim().max(2000).refine(noControl, "control characters").optional() });

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, "say what to look for").max(200),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const messagesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque: the `next` of the previous page (older messages). */
  before: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
});

export const RECEIPT_KINDS = ["accepted", "delivered", "read", "acknowledged"] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

export { usernameSchema };
