import { Badge, Button, Collapse, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../session/use-session";
import { AckForm } from "./AckForm";
import { AttachmentList } from "./AttachmentList";
import { formatClock, formatMoment } from "./channel-format";
import { memberName } from "./conversation-title";
import { DeliveryState } from "./DeliveryState";
import { EditMessageForm } from "./EditMessageForm";
import { HandlingCountdown } from "./HandlingCountdown";
import { PrecedenceBadge } from "./PrecedenceBadge";
import { AckList, ReceiptsLine, ReceiptsTable } from "./ReceiptsTable";
import { ReplyQuote } from "./ReplyQuote";
import { SafeHtml } from "./SafeHtml";
import { TlpLabel } from "./TlpLabel";
import type { MessageView } from "./types";
import { useReceipts } from "./use-receipts";
import { VersionsModal } from "./VersionsModal";
import { WithdrawModal } from "./WithdrawModal";

interface Props {
  message: MessageView;
  /** The message replied to, when it is among those loaded. */
  replyTarget: MessageView | undefined;
  canPost: boolean;
  highlight: boolean;
  onReply: (m: MessageView) => void;
  onJump: (id: string) => void;
}

/**
 * One message: precedence, marking and author; the body the server rendered; files; the
 * acknowledgement countdown or escalation; delivery delays; receipts; and what the caller
 * may do with it (acknowledge, reply, edit or withdraw an own message, see its history).
 */
export function MessageCard({ message: m, replyTarget, canPost, highlight, onReply, onJump }: Props) {
  const { t, i18n } = useTranslation();
  const self = memberName(useMe().data);
  const [acking, setAcking] = useState(false);
  const [editing, setEditing] = useState(false);
  const [showReceipts, setShowReceipts] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [history, setHistory] = useState(false);
  const receipts = useReceipts(m.id, !m.provisional && (m.mine.isAuthor || showReceipts));
  const withdrawn = m.withdrawnAt !== null;
  const mayAck = m.mine.isAddressee && m.ackRequired && !m.mine.acknowledged && !withdrawn;
  const precedence = t(`channel.precedence.${m.precedence}`);
  const time = formatClock(m.postedAt, i18n.language);
  const receiptsId = `receipts-${m.id}`;
  // The caller's own acknowledgement has its own line.
  const othersAcked = m.acknowledgedBy.filter((x) => x !== self);

  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      className="channel-message"
      data-precedence={m.precedence}
      data-mine={m.mine.isAuthor}
      data-highlight={highlight}
      id={`m-${m.id}`}
      aria-label={t("channel.message.label", { precedence, author: m.author, time })}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="wrap">
            <PrecedenceBadge precedence={m.precedence} />
            <TlpLabel tlp={m.tlp} />
            {m.ackRequired && (
              <Badge variant="outline" color="dark.5" radius="sm">
                {t("channel.message.ackRequired")}
              </Badge>
            )}
            {m.provisional && (
              <Tooltip label={t("channel.message.provisionalTip")} multiline w={280}>
                <Badge variant="light" color="yellow.9" radius="sm" tabIndex={0}>
                  {t("channel.message.provisional")}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <Text span fw={700} c="dark.7" size="xs">
              {m.author}
            </Text>
            {m.mine.isAuthor && ` ${t("channel.message.you")}`} ·{" "}
            <time dateTime={m.postedAt} title={formatMoment(m.postedAt, i18n.language)}>
              {time}
            </time>
            {m.editedAt && !withdrawn && ` · ${t("channel.message.edited", { time: formatClock(m.editedAt, i18n.language) })}`}
          </Text>
        </Group>

        {m.replyTo && <ReplyQuote target={replyTarget} onJump={onJump} />}

        {withdrawn ? (
          <Text size="sm" fs="italic" c="dimmed">
            {t("channel.message.withdrawn", { time: formatClock(m.withdrawnAt, i18n.language) })}
            {m.withdrawReason ? ` ${t("channel.message.withdrawReason", { reason: m.withdrawReason })}` : ""}
          </Text>
        ) : editing ? (
          <EditMessageForm message={m} onDone={() => setEditing(false)} />
        ) : (
          <SafeHtml html={m.html} />
        )}

        {!withdrawn && <AttachmentList message={m} />}
        <HandlingCountdown message={m} />
        <DeliveryState message={m} receipts={receipts.data} />
        {m.ackRequired && receipts.data && <AckList receipts={receipts.data} />}
        {m.ackRequired && !receipts.data && othersAcked.length > 0 && (
          <Text size="xs" c="green.9" fw={600}>
            {t("channel.message.acknowledgedBy", { members: othersAcked.join(", ") })}
          </Text>
        )}
        {m.mine.isAuthor && receipts.data && <ReceiptsLine receipts={receipts.data} ackRequired={m.ackRequired} />}
        {m.mine.acknowledged && (
          <Text size="xs" c="green.9" fw={600} role="status">
            {m.mine.pending.includes("acknowledged") ? t("channel.ack.pending") : t("channel.ack.done")}
          </Text>
        )}

        {acking ? (
          <AckForm message={m} onDone={() => setAcking(false)} />
        ) : (
          <Group gap={4} wrap="wrap">
            {mayAck && (
              <Button size="xs" color={m.precedence === "flash" ? "red.8" : "green.9"} onClick={() => setAcking(true)}>
                {t("channel.ack.button")}
              </Button>
            )}
            {canPost && !withdrawn && (
              <Button size="xs" variant="subtle" onClick={() => onReply(m)}>
                {t("channel.reply.button")}
              </Button>
            )}
            {!m.provisional && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setShowReceipts((v) => !v)}
                aria-expanded={showReceipts}
                aria-controls={receiptsId}
              >
                {showReceipts ? t("channel.receipts.hide") : t("channel.receipts.show")}
              </Button>
            )}
            {m.version > 1 && !withdrawn && (
              <Button size="xs" variant="subtle" onClick={() => setHistory(true)}>
                {t("channel.history.button", { count: m.version })}
              </Button>
            )}
            {m.mine.isAuthor && !withdrawn && !m.provisional && (
              <>
                <Button size="xs" variant="subtle" onClick={() => setEditing(true)} disabled={editing}>
                  {t("channel.edit.button")}
                </Button>
                <Button size="xs" variant="subtle" color="red.8" onClick={() => setWithdrawing(true)}>
                  {t("channel.withdraw.button")}
                </Button>
              </>
            )}
          </Group>
        )}

        <Collapse expanded={showReceipts} id={receiptsId}>
          {receipts.data ? (
            <ReceiptsTable
              receipts={receipts.data}
              ackRequired={m.ackRequired}
              label={t("channel.receipts.tableLabel", { author: m.author, time })}
            />
          ) : (
            <Text size="xs" c="dimmed">
              {receipts.isError ? t("channel.receipts.unavailable") : t("common.loading")}
            </Text>
          )}
        </Collapse>
      </Stack>
      {m.mine.isAuthor && <WithdrawModal message={m} opened={withdrawing} onClose={() => setWithdrawing(false)} />}
      {m.version > 1 && !withdrawn && <VersionsModal id={m.id} opened={history} onClose={() => setHistory(false)} />}
    </Paper>
  );
}
