import type { QueryClient } from "@tanstack/react-query";
import { navigate } from "wouter/use-browser-location";
import { channelKeys } from "./keys";
import { type MessagesData, patchMessage, removeMessage, upsertMessage, withReceipt } from "./message-cache";
import { notifyEscalated, notifyMessage } from "./notify";
import type { ContradictedFrame, EscalatedFrame, MessageView, ReceiptFrame } from "./types";

const FLUSH_MS = 150;
const conversationPath = (id: string) => `/channel/${encodeURIComponent(id)}`;

function parse<T>(e: Event): T | undefined {
  try {
    return JSON.parse((e as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}

/**
 * The channel's frames on the console's one stream: a message shows in its open
 * conversation at once (no refetch), receipts and escalations patch it, and the counts of
 * the navigation and the list refresh once per burst. FLASH and IMMEDIATE messages from
 * others raise a system notification (once per message: a message shown from the express
 * lane arrives again when its chain holds it). Returns what stops its timers.
 */
export function listenToChannel(source: EventSource, qc: QueryClient): () => void {
  const stale = new Map<string, readonly string[]>();
  const notified = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const me = () => {
    const who = qc.getQueryData<{ username: string; node: string } | null>(["me"]);
    return who ? `${who.username}@${who.node}` : "";
  };
  const refresh = (...keys: (readonly string[])[]) => {
    for (const k of keys) stale.set(k.join("\u0000"), k);
    timer ??= setTimeout(() => {
      timer = undefined;
      for (const k of stale.values()) void qc.invalidateQueries({ queryKey: [...k] });
      stale.clear();
    }, FLUSH_MS);
  };
  const counts = () => refresh(channelKeys.summary(), channelKeys.conversations());
  const edit = (conversation: string, fn: (d: MessagesData | undefined) => MessagesData | undefined) =>
    qc.setQueryData<MessagesData>(channelKeys.messages(conversation), fn);
  const open = (conversation: string, message?: string) =>
    navigate(`${conversationPath(conversation)}${message ? `?m=${encodeURIComponent(message)}` : ""}`);

  const onPosted = (e: Event) => {
    const m = parse<MessageView>(e);
    if (!m?.id) return;
    edit(m.conversation, (d) => upsertMessage(d, m));
    counts();
    if (!notified.has(m.id)) {
      notified.add(m.id);
      // Not when the person is looking at that very conversation.
      const watching =
        document.visibilityState === "visible" && document.hasFocus() && window.location.pathname === conversationPath(m.conversation);
      if (!watching) notifyMessage(m, () => open(m.conversation, m.id));
    }
  };
  const onUpdated = (e: Event) => {
    const m = parse<MessageView>(e);
    if (!m?.id) return;
    edit(m.conversation, (d) => upsertMessage(d, m));
    refresh(channelKeys.versions(m.id));
    counts();
  };
  const onReceipt = (e: Event) => {
    const r = parse<ReceiptFrame>(e);
    if (!r?.message) return;
    const who = me();
    edit(r.conversation, (d) => patchMessage(d, r.message, (m) => withReceipt(m, r, who)));
    refresh(channelKeys.receipts(r.message));
    counts();
  };
  const onEscalated = (e: Event) => {
    const x = parse<EscalatedFrame>(e);
    if (!x?.message) return;
    const at = x.escalatedAt ?? new Date().toISOString();
    edit(x.conversation, (d) => patchMessage(d, x.message, (m) => ({ ...m, escalatedAt: m.escalatedAt ?? at })));
    refresh(channelKeys.receipts(x.message));
    counts();
    notifyEscalated(x, () => open(x.conversation, x.message));
  };
  const onContradicted = (e: Event) => {
    const x = parse<ContradictedFrame>(e);
    if (!x?.id) return;
    edit(x.conversation, (d) => removeMessage(d, x.id));
    counts();
  };
  source.addEventListener("message.posted", onPosted);
  source.addEventListener("message.updated", onUpdated);
  source.addEventListener("message.receipt", onReceipt);
  source.addEventListener("message.escalated", onEscalated);
  source.addEventListener("message.contradicted", onContradicted);
  return () => clearTimeout(timer);
}
