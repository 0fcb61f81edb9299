import type { ConversationState } from "../../core/channel/decide";
import { renderMarkdown } from "../../core/channel/markdown";
import { type AttachmentRef, HANDLING_OBJECTIVE_MS, type Precedence, type Tlp } from "../../core/channel/schema";
import type { MessageView } from "../../core/channel/view-schema";
import type { Event } from "../../core/log/envelope";
import { hlcIso } from "../../core/log/hlc";

/**
 * Messages shown ahead of their chain: urgent messages received on the express lane, each
 * verified by its origin's signature, kept in memory until the chain catch-up applies the
 * same event (then it is an ordinary, held message) or contradicts it. Memory is enough: a
 * restarted node asks its peers' express lanes again for what it does not hold yet.
 */
export interface ProvisionalMessage {
  readonly event: Event;
  readonly hash: string;
  readonly conversation: ConversationState;
  readonly receivedAt: number;
  /** The peer whose express lane delivered it. */
  readonly via: string;
}

export type ProvisionalChange = { readonly kind: "added" | "confirmed" | "contradicted"; readonly message: ProvisionalMessage };

const LIMIT = 1000;

export function createProvisionalStore() {
  const byId = new Map<string, ProvisionalMessage>();
  const listeners = new Set<(c: ProvisionalChange) => void>();
  const emit = (c: ProvisionalChange) => {
    for (const l of listeners) l(c);
  };
  return {
    /** Adds a verified message; false if it is already here. */
    add(p: ProvisionalMessage): boolean {
      if (byId.has(p.event.subject)) return false;
      // Oldest first out: the chain catches up with those first anyway.
      if (byId.size >= LIMIT) byId.delete(byId.keys().next().value as string);
      byId.set(p.event.subject, p);
      emit({ kind: "added", message: p });
      return true;
    },
    get: (id: string) => byId.get(id),
    forConversation: (conversation: string) => [...byId.values()].filter((p) => p.conversation.id === conversation),
    all: () => [...byId.values()],
    /**
     * The chain applied an event: the same one confirms a provisional message; another at its
     * position (its origin signed two different events there) contradicts it.
     */
    settle(e: { id: string; space: string; origin: string; seq: number; hash: string }): void {
      for (const p of byId.values()) {
        const same = p.event.id === e.id;
        const samePosition = p.event.space === e.space && p.event.origin === e.origin && p.event.seq === e.seq;
        if (!same && !samePosition) continue;
        byId.delete(p.event.subject);
        emit({ kind: same && p.hash === e.hash ? "confirmed" : "contradicted", message: p });
      }
    },
    subscribe(listener: (c: ProvisionalChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get size() {
      return byId.size;
    },
  };
}

export type ProvisionalStore = ReturnType<typeof createProvisionalStore>;

interface PostedData {
  conversation: string;
  body: string;
  precedence: Precedence;
  ackRequired: boolean;
  tlp: Tlp;
  replyTo: string | null;
  attachments: AttachmentRef[];
  to: string[];
}

/**
 * A message view straight from its `message.posted` event: for a provisional message, and
 * for the answer to a post (which then needs no read back).
 */
export function eventMessageView(
  event: Pick<Event, "subject" | "space" | "origin" | "seq" | "hlc" | "actor" | "data">,
  t: { hash: string; storedAt: number; member: string; provisional: boolean; pending?: MessageView["mine"]["pending"] },
): MessageView {
  const d = event.data as unknown as PostedData;
  const postedAt = hlcIso(event.hlc);
  const postedMs = Date.parse(postedAt);
  return {
    id: event.subject,
    conversation: d.conversation,
    space: event.space,
    author: event.actor,
    origin: event.origin,
    seq: event.seq,
    hash: t.hash,
    precedence: d.precedence,
    ackRequired: d.ackRequired,
    tlp: d.tlp,
    replyTo: d.replyTo,
    body: d.body,
    html: renderMarkdown(d.body),
    version: 1,
    editedAt: null,
    withdrawnAt: null,
    withdrawReason: null,
    attachments: d.attachments.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 })),
    recipients: d.to,
    postedAt,
    storedAt: new Date(t.storedAt).toISOString(),
    delayMs: Math.max(0, t.storedAt - postedMs),
    dueAt: d.ackRequired ? new Date(postedMs + HANDLING_OBJECTIVE_MS[d.precedence]).toISOString() : null,
    escalatedAt: null,
    acknowledgedBy: [],
    mine: {
      isAuthor: event.actor === t.member,
      isAddressee: d.to.includes(t.member),
      read: event.actor === t.member,
      acknowledged: false,
      pending: t.pending ?? [],
    },
    provisional: t.provisional,
  };
}

/** A provisional message as `member` sees it, or undefined when it is not a member. */
export function provisionalView(
  p: ProvisionalMessage,
  member: string,
  pending: MessageView["mine"]["pending"] = [],
): MessageView | undefined {
  if (!p.conversation.members.includes(member)) return undefined;
  return eventMessageView(p.event, { hash: p.hash, storedAt: p.receivedAt, member, provisional: true, pending });
}
