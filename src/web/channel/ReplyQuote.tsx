import { Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { plainText } from "../../core/channel/markdown";
import type { MessageView } from "./types";

const SNIPPET = 120;

/** The message replied to, in a line; a click brings it into view when it is loaded. */
export function ReplyQuote({ target, onJump }: { target: MessageView | undefined; onJump: (id: string) => void }) {
  const { t } = useTranslation();
  if (!target) {
    return (
      <Text size="xs" c="dimmed" fs="italic">
        {t("channel.reply.earlier")}
      </Text>
    );
  }
  const text = target.withdrawnAt ? t("channel.message.withdrawnShort") : plainText(target.body);
  const snippet = text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text;
  return (
    <UnstyledButton
      onClick={() => onJump(target.id)}
      aria-label={t("channel.reply.jump", { author: target.author })}
      style={{ borderLeft: "3px solid var(--mantine-color-gray-5)", paddingLeft: 8, display: "block", maxWidth: "100%" }}
    >
      <Text size="xs" c="dimmed" lineClamp={2}>
        <Text span fw={600} size="xs">
          {t("channel.reply.to", { author: target.author })}
        </Text>{" "}
        {snippet}
      </Text>
    </UnstyledButton>
  );
}
