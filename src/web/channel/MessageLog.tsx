import { Button, Center, Stack, Text } from "@mantine/core";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MessageCard } from "./MessageCard";
import type { MessageView } from "./types";

const NEAR_BOTTOM_PX = 160;
const HIGHLIGHT_MS = 4000;

/**
 * The conversation's messages, oldest at the top, kept scrolled to the newest while the
 * reader is at the bottom (a new message does not pull away someone reading older ones).
 * It is an ARIA log: a screen reader announces what arrives.
 */
export function MessageLog({
  messages,
  focus,
  canPost,
  hasOlder,
  loadingOlder,
  onOlder,
  onReply,
}: {
  messages: MessageView[];
  /** A message to bring into view and highlight (from a search or a notification). */
  focus: string | undefined;
  canPost: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  onOlder: () => void;
  onReply: (m: MessageView) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [highlight, setHighlight] = useState<string | undefined>(focus);
  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);
  const last = messages.at(-1);

  const jump = useCallback((id: string) => {
    const el = document.getElementById(`m-${id}`);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    setHighlight(id);
  }, []);
  useEffect(() => {
    if (!highlight) return;
    const timer = setTimeout(() => setHighlight(undefined), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlight]);
  useEffect(() => {
    if (focus && byId.has(focus)) jump(focus);
  }, [focus, byId, jump]);
  // Follow the newest message while the reader is at the bottom, or when it is their own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the newest message changes
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || (focus && byId.has(focus) && !atBottom.current)) return;
    if (atBottom.current || last?.mine.isAuthor) el.scrollTop = el.scrollHeight;
  }, [last?.id, last?.version]);

  return (
    <div
      ref={box}
      className="channel-log"
      role="log"
      aria-label={t("channel.messages.label")}
      aria-live="polite"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so it can be scrolled from the keyboard
      tabIndex={0}
      style={{ flex: 1, minHeight: 200 }}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
      }}
    >
      <Stack gap="sm" p={4}>
        {hasOlder && (
          <Center>
            <Button variant="subtle" size="xs" onClick={onOlder} loading={loadingOlder}>
              {t("channel.messages.older")}
            </Button>
          </Center>
        )}
        {messages.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {t("channel.messages.none")}
          </Text>
        )}
        {messages.map((m) => (
          <MessageCard
            key={m.id}
            message={m}
            replyTarget={m.replyTo ? byId.get(m.replyTo) : undefined}
            canPost={canPost}
            highlight={highlight === m.id}
            onReply={onReply}
            onJump={jump}
          />
        ))}
      </Stack>
    </div>
  );
}
