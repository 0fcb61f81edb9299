import { Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { nodeOfMember } from "../../core/channel/schema";
import { formatMoment, formatSpan } from "./channel-format";
import type { MessageView, ReceiptsView } from "./types";
import { useNow } from "./use-now";

/** A delay below this is the link's ordinary latency, not worth a word. */
const NOTICE_MS = 5_000;

/** The nodes other than the author's that must accept a message, and when each did (null: not yet). */
export function acceptances(m: MessageView, receipts: ReceiptsView | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const r of receipts?.recipients ?? []) {
    if (r.node !== m.origin) out.set(r.node, out.get(r.node) ?? r.acceptedAt);
  }
  if (!receipts) for (const r of m.recipients) if (nodeOfMember(r) !== m.origin) out.set(nodeOfMember(r), null);
  return out;
}

/**
 * Whether a message waited on the way: for the author, queued until the peer's node accepts
 * it (with the time it has been waiting) and, once accepted, how late; for a recipient, how
 * long after its posting this node stored it. Messages queue while a peer is unreachable and
 * go in order when it returns.
 */
export function DeliveryState({ message: m, receipts }: { message: MessageView; receipts: ReceiptsView | undefined }) {
  const { t, i18n } = useTranslation();
  const posted = Date.parse(m.postedAt);
  const waiting = m.mine.isAuthor && receipts ? [...acceptances(m, receipts)].filter(([, at]) => at === null).map(([n]) => n) : [];
  const now = useNow(1000, waiting.length > 0);
  if (m.withdrawnAt) return null;
  if (!m.mine.isAuthor) {
    if (m.delayMs < NOTICE_MS) return null;
    return (
      <Tooltip
        label={t("channel.delivery.receivedTip", {
          posted: formatMoment(m.postedAt, i18n.language),
          stored: formatMoment(m.storedAt, i18n.language),
        })}
      >
        <Text size="xs" c="orange.9" fw={600} tabIndex={0}>
          {t("channel.delivery.receivedLate", { span: formatSpan(m.delayMs) })}
        </Text>
      </Tooltip>
    );
  }
  if (!receipts) return null;
  if (waiting.length > 0) {
    return (
      <Text size="xs" c="orange.9" fw={600} role="status">
        {t("channel.delivery.queued", { nodes: waiting.join(", "), span: formatSpan(now - posted) })}
      </Text>
    );
  }
  const late = [...acceptances(m, receipts)]
    .map(([node, at]) => ({ node, delay: at ? Date.parse(at) - posted : 0 }))
    .filter((x) => x.delay >= NOTICE_MS);
  if (late.length === 0) return null;
  return (
    <Text size="xs" c="orange.9" fw={600}>
      {late.map((x) => t("channel.delivery.acceptedLate", { node: x.node, span: formatSpan(x.delay) })).join(" · ")}
    </Text>
  );
}
