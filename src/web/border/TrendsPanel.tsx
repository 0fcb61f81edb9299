import { Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TrendsView } from "../../core/border/read-views";
import { formatPercent } from "../format";
import { formatCount } from "./format-quantity";
import { MonthlyChart } from "./MonthlyChart";

/** Incidents per month over the last 12 months beside the same months a year before, and the change per type. */
export function TrendsPanel({ view }: { view: TrendsView }) {
  const { t, i18n } = useTranslation();
  const change = (ratio: number | null, diff: number) =>
    ratio === null ? (diff > 0 ? t("dashboard.new") : "—") : `${ratio > 0 ? "+" : ""}${formatPercent(ratio * 100, i18n.language)}`;
  const types = [...view.types].filter((x) => x.total + x.previousTotal > 0).sort((a, b) => b.total - a.total);
  return (
    <Stack gap="sm">
      <Group gap="lg">
        <Text size="sm">{t("dashboard.last12", { n: formatCount(view.totals.total, i18n.language) })}</Text>
        <Text size="sm" c="dimmed">
          {t("dashboard.previous12", { n: formatCount(view.totals.previousTotal, i18n.language) })}
        </Text>
        <Text size="sm" fw={600}>
          {t("dashboard.change", { change: change(view.totals.changeRatio, view.totals.change) })}
        </Text>
      </Group>
      <MonthlyChart
        title={t("dashboard.trends")}
        months={view.months.map((m, i) => ({ month: m, value: view.totals.counts[i] ?? 0 }))}
        lang={i18n.language}
        format={(v) => formatCount(v, i18n.language)}
        line={{ values: view.totals.previousCounts, label: t("dashboard.yearBefore") }}
      />
      <Table aria-label={t("dashboard.trendsByType")} verticalSpacing={4} fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("incidents.typeLabel")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("dashboard.last12Short")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("dashboard.previous12Short")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("dashboard.changeShort")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((x) => (
            <Table.Tr key={x.type}>
              <Table.Th scope="row" fw={500}>
                {t(`incidents.type.${x.type}`, { defaultValue: x.type })}
              </Table.Th>
              <Table.Td ta="right">{formatCount(x.total, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatCount(x.previousTotal, i18n.language)}</Table.Td>
              <Table.Td ta="right" c={x.change > 0 ? "red.8" : x.change < 0 ? "green.8" : undefined}>
                {change(x.changeRatio, x.change)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
