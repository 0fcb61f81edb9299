import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, formatPercent } from "../format";
import { STATUS_ORDER } from "./status-colors";
import type { ProgressReport } from "./types";

/**
 * Per agreement: its text, percent and activities per status (the report's main table),
 * narrow enough for an A4 page without scrolling: the counts share one column.
 */
export function AgreementProgressTable({ agreements }: { agreements: ProgressReport["agreements"] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table withTableBorder aria-label={t("progress.byAgreement")} verticalSpacing={6} fz="sm" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={48}>
            {t("statements.number")}
          </Table.Th>
          <Table.Th scope="col">{t("statements.agreementText")}</Table.Th>
          <Table.Th scope="col" w={80}>
            {t("statements.progress")}
          </Table.Th>
          <Table.Th scope="col" w={170}>
            {t("progress.statusCounts")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agreements.map((a) => {
          const counts = STATUS_ORDER.filter((s) => (a.counts[s] ?? 0) > 0);
          return (
            <Table.Tr key={a.number}>
              <Table.Td fw={700}>{a.number}</Table.Td>
              <Table.Td>{a.text}</Table.Td>
              <Table.Td fw={600}>{formatPercent(a.percent, i18n.language)}</Table.Td>
              <Table.Td>
                {counts.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("progress.noActivities")}
                  </Text>
                ) : (
                  counts.map((s) => <Text size="sm" key={s}>{`${t(`status.${s}`)}: ${a.counts[s]}`}</Text>)
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Activities that will miss their due date at the current pace. */
export function AtRiskTable({ items }: { items: ProgressReport["atRisk"] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Text size="sm">{t("rollup.noneAtRisk")}</Text>;
  return (
    <Table withTableBorder aria-label={t("progress.atRisk")} verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("activities.title")}</Table.Th>
          <Table.Th scope="col">{t("activities.due")}</Table.Th>
          <Table.Th scope="col">{t("progress.projected")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.title}</Table.Td>
            <Table.Td>{formatDate(a.dueDate, i18n.language)}</Table.Td>
            <Table.Td>{formatDate(a.projectedCompletion, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Level changes since the baseline date ("what changed since the last meeting"). */
export function ChangesTable({ items }: { items: ProgressReport["changedSinceBaseline"] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text size="sm">{t("progress.noChanges")}</Text>;
  return (
    <Table withTableBorder aria-label={t("progress.changes")} verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("activities.title")}</Table.Th>
          <Table.Th scope="col">{t("progress.from")}</Table.Th>
          <Table.Th scope="col">{t("progress.to")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.title}</Table.Td>
            <Table.Td>{`${c.from} · ${t(`level.${c.from}`)}`}</Table.Td>
            <Table.Td>{`${c.to} · ${t(`level.${c.to}`)}`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
