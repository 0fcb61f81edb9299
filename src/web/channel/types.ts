import type { z } from "zod";
import type { ReceiptKind } from "../../core/channel/schema";
import type { channelSummary, messagePage, receiptAnswer, searchHit, versionView } from "../../core/channel/view-schema";

/** The channel's API answers as the console reads them: the server's own schemas, inferred. */
export type { ConversationView, MessageView, ReceiptsView } from "../../core/channel/view-schema";
export type ChannelSummary = z.infer<typeof channelSummary>;
export type MessagePage = z.infer<typeof messagePage>;
export type VersionView = z.infer<typeof versionView>;
export type SearchHit = z.infer<typeof searchHit>;
export type ReceiptAnswer = z.infer<typeof receiptAnswer>;

/** `message.receipt` on the stream (src/server/channel/stream-tap.ts). */
export interface ReceiptFrame {
  readonly message: string;
  readonly conversation: string;
  readonly kind: ReceiptKind;
  /** `user@node`, or the node alone for an acceptance. */
  readonly member: string;
  readonly at: string;
  readonly comment: string | null;
  readonly event: string;
}

/** `message.escalated` on the stream: sent to the author and to the conversation's commanders. */
export interface EscalatedFrame {
  readonly message: string;
  readonly conversation: string;
  readonly precedence: string;
  readonly escalatedAt: string | null;
}

/** `message.contradicted`: a message shown from the express lane that its chain did not confirm. */
export interface ContradictedFrame {
  readonly id: string;
  readonly conversation: string;
}
