import { useEffect, useRef, useState } from "react";
import type { MessageView } from "./types";
import { useMarkRead } from "./use-conversations";

/**
 * Marks a conversation read while the person has it on screen: when unread messages of
 * others are shown and the tab is visible. Each message is asked for once per state, so one the
 * server cannot mark yet (still provisional) does not make it ask again and again.
 */
export function useMarkReadOnView(conversation: string, messages: readonly MessageView[]): void {
  const mark = useMarkRead(conversation);
  const asked = useRef(new Set<string>());
  const [visible, setVisible] = useState(() => document.visibilityState === "visible");
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);
  const { mutate, isPending } = mark;
  useEffect(() => {
    if (!visible || isPending) return;
    // Once as shown from the express lane, once more when its chain holds it.
    const key = (m: MessageView) => `${m.id}:${m.provisional}`;
    const fresh = messages.filter((m) => !m.mine.read && !m.mine.isAuthor && !asked.current.has(key(m)));
    if (fresh.length === 0) return;
    for (const m of fresh) asked.current.add(key(m));
    mutate();
  }, [messages, visible, isPending, mutate]);
}
