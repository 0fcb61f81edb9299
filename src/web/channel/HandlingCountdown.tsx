import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { HANDLING_OBJECTIVE_MS } from "../../core/channel/schema";
import { formatClock, formatCountdown, formatMoment } from "./channel-format";
import type { MessageView } from "./types";
import { useNow } from "./use-now";

/** How many addressees have acknowledged, of how many. */
export function ackTally(m: Pick<MessageView, "recipients" | "acknowledgedBy">): { done: number; of: number } {
  return { done: m.recipients.filter((r) => m.acknowledgedBy.includes(r)).length, of: m.recipients.length };
}

/**
 * The acknowledgement's handling objective (ACP 121: flash 10 min, immediate 30 min,
 * priority 3 h, routine 6 h): a countdown while it runs, "objective passed" until the node
 * escalates, then the escalation; nothing once every addressee has acknowledged.
 */
export function HandlingCountdown({ message: m }: { message: MessageView }) {
  const { t, i18n } = useTranslation();
  const tally = ackTally(m);
  const running = m.ackRequired && !m.withdrawnAt && m.dueAt !== null && tally.done < tally.of;
  const now = useNow(1000, running && !m.escalatedAt);
  if (!running || !m.dueAt) return null;
  const due = Date.parse(m.dueAt);
  const left = due - now;
  const pending = t("channel.handling.pending", { done: tally.done, of: tally.of });
  if (m.escalatedAt) {
    return (
      <Group gap={6} wrap="wrap">
        <Badge color="red.9" variant="filled" radius="sm">
          {t("channel.handling.escalated")}
        </Badge>
        <Text size="xs" c="red.9" fw={600}>
          {t("channel.handling.escalatedAt", { time: formatClock(m.escalatedAt, i18n.language) })} · {pending}
        </Text>
      </Group>
    );
  }
  if (left <= 0) {
    return (
      <Text size="xs" c="red.9" fw={700} role="status">
        {t("channel.handling.overdue", { span: formatCountdown(-left) })} · {pending}
      </Text>
    );
  }
  const share = left / HANDLING_OBJECTIVE_MS[m.precedence];
  const colour = share < 0.25 ? "red.9" : share < 0.5 ? "orange.9" : "dark.6";
  return (
    <Group gap={6} wrap="wrap">
      <Text
        size="xs"
        fw={700}
        c={colour}
        role="timer"
        aria-label={t("channel.handling.timerLabel", { span: formatCountdown(left), time: formatMoment(m.dueAt, i18n.language) })}
        ff="monospace"
      >
        {t("channel.handling.countdown", { span: formatCountdown(left) })}
      </Text>
      <Text size="xs" c="dimmed">
        {t("channel.handling.due", { time: formatClock(m.dueAt, i18n.language) })} · {pending}
      </Text>
    </Group>
  );
}
