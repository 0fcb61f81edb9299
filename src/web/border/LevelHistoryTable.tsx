import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SectorDetailView } from "../../core/border/views";
import { StatusBadge, type Tone } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { SectorLevelBadge } from "./SectorLevelBadge";

const STATE_TONE: Record<SectorDetailView["proposals"][number]["state"], Tone> = {
  pending: "grape",
  accepted: "green",
  rejected: "gray",
};

/** Every level proposal for a sector, newest first: who proposed what, why, and how it was answered. */
export function LevelHistoryTable({ proposals }: { proposals: SectorDetailView["proposals"] }) {
  const { t, i18n } = useTranslation();
  if (proposals.length === 0) return <Text c="dimmed">{t("sectors.noHistory")}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={t("sectors.history")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("sectors.proposedAt")}</Table.Th>
            <Table.Th scope="col">{t("sectors.levelLabel")}</Table.Th>
            <Table.Th scope="col">{t("sectors.proposedBy")}</Table.Th>
            <Table.Th scope="col">{t("sectors.reason")}</Table.Th>
            <Table.Th scope="col">{t("sectors.answer")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{formatDateTime(p.proposedAt, i18n.language)}</Table.Td>
              <Table.Td>
                <SectorLevelBadge level={p.level} />
              </Table.Td>
              <Table.Td>{p.proposedBy.toUpperCase()}</Table.Td>
              <Table.Td>
                <Text size="sm">{p.reason}</Text>
                {p.citations.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t("sectors.citationsList", { list: p.citations.join("; ") })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge tone={STATE_TONE[p.state]} label={t(`sectors.state.${p.state}`)} />
                {p.answeredBy && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {t("sectors.answeredBy", { side: p.answeredBy.toUpperCase(), at: formatDateTime(p.answeredAt, i18n.language) })}
                  </Text>
                )}
                {p.comment && <Text size="xs">{p.comment}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
