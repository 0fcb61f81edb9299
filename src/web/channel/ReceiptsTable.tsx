import { Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RECEIPT_KINDS, type ReceiptKind } from "../../core/channel/schema";
import { formatClock, formatMoment } from "./channel-format";
import type { ReceiptsView } from "./types";

type Recipient = ReceiptsView["recipients"][number];
const AT: Record<ReceiptKind, (r: Recipient) => string | null> = {
  accepted: (r) => r.acceptedAt,
  delivered: (r) => r.deliveredAt,
  read: (r) => r.readAt,
  acknowledged: (r) => r.acknowledgedAt,
};

/**
 * Each recipient's receipts with their times: accepted by its node, delivered to its screen,
 * read, acknowledged. A message that asked for no acknowledgement shows that column (and the
 * comment that goes with one) only if someone acknowledged it anyway: otherwise "pending" would
 * announce something that is not coming.
 */
export function ReceiptsTable({ receipts, label, ackRequired }: { receipts: ReceiptsView; label: string; ackRequired: boolean }) {
  const { t, i18n } = useTranslation();
  const withAck = ackRequired || receipts.recipients.some((r) => r.acknowledgedAt !== null);
  const kinds = RECEIPT_KINDS.filter((k) => withAck || k !== "acknowledged");
  const cell = (at: string | null) =>
    at ? (
      <Tooltip label={formatMoment(at, i18n.language)}>
        <Text span size="xs" ff="monospace" tabIndex={0}>
          {formatClock(at, i18n.language)}
        </Text>
      </Tooltip>
    ) : (
      <Text span size="xs" c="dimmed">
        {t("channel.receipts.notYet")}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={label} verticalSpacing={4} horizontalSpacing="xs" fz="xs" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("channel.receipts.recipient")}</Table.Th>
            {kinds.map((k) => (
              <Table.Th scope="col" key={k}>
                {t(`channel.receipts.kind.${k}`)}
              </Table.Th>
            ))}
            {withAck && <Table.Th scope="col">{t("channel.receipts.comment")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {receipts.recipients.map((r) => (
            <Table.Tr key={r.member}>
              <Table.Th scope="row" fw={600}>
                {r.member}
              </Table.Th>
              {kinds.map((k) => (
                <Table.Td key={k}>{cell(AT[k](r))}</Table.Td>
              ))}
              {withAck && <Table.Td>{r.comment ?? ""}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The receipts of a message in one line: how many recipients reached each stage. */
export function ReceiptsLine({ receipts, ackRequired }: { receipts: ReceiptsView; ackRequired: boolean }) {
  const { t } = useTranslation();
  const of = receipts.recipients.length;
  // An acknowledgement nobody was asked for is not a stage still to come.
  const kinds = RECEIPT_KINDS.filter((k) => ackRequired || k !== "acknowledged");
  const parts = kinds.map((k) => {
    const done = receipts.recipients.filter((r) => AT[k](r) !== null).length;
    return { k, done, text: t("channel.receipts.count", { kind: t(`channel.receipts.kind.${k}`), done, of }) };
  });
  return (
    <Text size="xs" c="dimmed" component="p" m={0}>
      {parts.map((p, i) => (
        <Text span key={p.k} size="xs" c={p.done === of ? "green.9" : "dimmed"} fw={p.done === of ? 600 : 400}>
          {i > 0 ? " · " : ""}
          {p.done === of ? "✓ " : ""}
          {p.text}
        </Text>
      ))}
    </Text>
  );
}

/** The acknowledgements given, with their comments and times. */
export function AckList({ receipts }: { receipts: ReceiptsView }) {
  const { t, i18n } = useTranslation();
  const acks = receipts.recipients.filter((r) => r.acknowledgedAt);
  if (acks.length === 0) return null;
  return (
    <ul className="channel-acks" aria-label={t("channel.receipts.acksLabel")} style={{ margin: 0, paddingLeft: 0, listStyle: "none" }}>
      {acks.map((r) => (
        <li key={r.member}>
          <Text size="sm" c="green.9" fw={600} span>
            {t("channel.receipts.ackedBy", { member: r.member, time: formatClock(r.acknowledgedAt, i18n.language) })}
          </Text>
          {r.comment && (
            <Text size="sm" span>
              {" "}
              {t("channel.receipts.ackComment", { comment: r.comment })}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}
