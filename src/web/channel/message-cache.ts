import type { InfiniteData } from "@tanstack/react-query";
import type { MessagePage, MessageView, ReceiptFrame } from "./types";

/**
 * Pure edits of a conversation's cached pages (newest page first, each oldest-first), so a
 * frame from the stream shows at once without refetching the conversation.
 */
export type MessagesData = InfiniteData<MessagePage, string>;

/** Inserts by posting time, keeping the server's order for equal times. */
function insertOrdered(list: readonly MessageView[], m: MessageView): MessageView[] {
  let i = list.length;
  while (i > 0 && (list[i - 1] as MessageView).postedAt > m.postedAt) i--;
  return [...list.slice(0, i), m, ...list.slice(i)];
}

/** Replaces a message wherever it is shown, or adds it to the newest page; a held version is never replaced by a provisional one. */
export function upsertMessage(data: MessagesData | undefined, m: MessageView): MessagesData | undefined {
  if (!data) return data;
  let found = false;
  const pages = data.pages.map((p) => {
    const i = p.messages.findIndex((x) => x.id === m.id);
    if (i === -1) return p;
    found = true;
    const old = p.messages[i] as MessageView;
    if (m.provisional && !old.provisional) return p;
    const messages = p.messages.slice();
    messages[i] = m;
    return { ...p, messages };
  });
  if (found) return { ...data, pages };
  const [newest, ...older] = data.pages;
  if (!newest) return { ...data, pages: [{ messages: [m], next: null }] };
  return { ...data, pages: [{ ...newest, messages: insertOrdered(newest.messages, m) }, ...older] };
}

/** Changes one message, if shown. */
export function patchMessage(
  data: MessagesData | undefined,
  id: string,
  change: (m: MessageView) => MessageView,
): MessagesData | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((p) =>
      p.messages.some((x) => x.id === id) ? { ...p, messages: p.messages.map((x) => (x.id === id ? change(x) : x)) } : p,
    ),
  };
}

/** Drops a message (one the express lane showed and its chain contradicted). */
export function removeMessage(data: MessagesData | undefined, id: string): MessagesData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((p) => ({ ...p, messages: p.messages.filter((x) => x.id !== id) })) };
}

/** What a receipt changes in the message as `me` sees it: who acknowledged, and my own read/acknowledged state. */
export function withReceipt(m: MessageView, r: ReceiptFrame, me: string): MessageView {
  if (r.kind === "acknowledged") {
    const acknowledgedBy = m.acknowledgedBy.includes(r.member) ? m.acknowledgedBy : [...m.acknowledgedBy, r.member].sort();
    const mine = r.member === me ? { ...m.mine, acknowledged: true, read: true } : m.mine;
    return { ...m, acknowledgedBy, mine };
  }
  if (r.kind === "read" && r.member === me) return { ...m, mine: { ...m.mine, read: true } };
  return m;
}

/** Every message of the cached pages, oldest first. */
export function flatten(data: MessagesData | undefined): MessageView[] {
  if (!data) return [];
  return [...data.pages].reverse().flatMap((p) => p.messages);
}
