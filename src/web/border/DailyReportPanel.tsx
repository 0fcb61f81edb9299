import { Anchor, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { API } from "../api/client";
import { QueryState } from "../components/QueryState";
import { formatDateTime, todayIso } from "../format";
import { BarChart } from "./BarChart";
import { formatCount, formatQuantity } from "./format-quantity";
import { localOffset, useDailyReport } from "./use-dashboard";

/** The offsets a report is usually read in: Colombia's, Venezuela's, UTC (named without colons, which i18next reads as namespaces). */
const OFFSETS = { co: "-05:00", ve: "-04:00", utc: "+00:00" } as const;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** The daily report (00:00–24:00 of a chosen day at a chosen offset), with its printable page and CSV. */
export function DailyReportPanel() {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(todayIso);
  const local = localOffset();
  const [tz, setTz] = useState<string>((Object.values(OFFSETS) as string[]).includes(local) ? local : OFFSETS.co);
  const report = useDailyReport(date, tz);
  const q = new URLSearchParams({ date, tz, lang: i18n.language });
  const n = (v: number) => formatCount(v, i18n.language);
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput type="date" label={t("dashboard.reportDate")} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={180} />
        <Select
          label={t("dashboard.offset")}
          data={Object.entries(OFFSETS).map(([name, o]) => ({ value: o, label: t(`dashboard.offsets.${name}`) }))}
          value={tz}
          onChange={(v) => v && setTz(v)}
          allowDeselect={false}
          w={240}
        />
        <Anchor href={`${API}/reports/daily.html?${q}`} target="_blank" rel="noopener">
          {t("dashboard.printable")}
        </Anchor>
        <Anchor href={`${API}/reports/daily.csv?${q}`} download>
          {t("dashboard.csv")}
        </Anchor>
      </Group>
      <QueryState query={report}>
        {(r) => (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t("dashboard.reportWindow", { from: formatDateTime(r.from, i18n.language), to: formatDateTime(r.to, i18n.language) })}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <Figure label={t("dashboard.incidents")} value={n(r.incidents)} />
              <Figure label={t("dashboard.withSeizures")} value={n(r.withSeizures)} />
              <Figure label={t("dashboard.lateReports")} value={n(r.lateReports)} />
              <Figure label={t("dashboard.closedDay")} value={n(r.closed)} />
              <Figure label={t("dashboard.followupsDay")} value={n(r.followups)} />
            </SimpleGrid>
            {r.byType.length > 0 && (
              <BarChart
                title={t("dashboard.byTypeDay")}
                bars={r.byType.map((x) => ({
                  key: x.type,
                  label: t(`incidents.type.${x.type}`, { defaultValue: x.type }),
                  value: x.incidents,
                }))}
                format={n}
                color="#d6336c"
              />
            )}
            {r.seizures.length > 0 && (
              <Text size="sm">
                {t("dashboard.seizedDay", {
                  list: r.seizures
                    .map(
                      (s) =>
                        `${formatQuantity(s.quantity, s.unit, i18n.language, t)} ${t(`incidents.goodsCategory.${s.category}`, { defaultValue: s.category })}`,
                    )
                    .join(" · "),
                })}
              </Text>
            )}
            {r.list.length > 0 && (
              <Table.ScrollContainer minWidth={720}>
                <Table aria-label={t("dashboard.dayList")} verticalSpacing={4} fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("incidents.occurredAt")}</Table.Th>
                      <Table.Th scope="col">{t("incidents.typeLabel")}</Table.Th>
                      <Table.Th scope="col">{t("incidents.side")}</Table.Th>
                      <Table.Th scope="col">{t("incidents.impactLabel")}</Table.Th>
                      <Table.Th scope="col">{t("incidents.summary")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.list.slice(0, 50).map((i) => (
                      <Table.Tr key={i.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(i.occurredAt, i18n.language)}</Table.Td>
                        <Table.Th scope="row" fw={500}>
                          {t(`incidents.type.${i.type}`, { defaultValue: i.type })}
                        </Table.Th>
                        <Table.Td>{i.side.toUpperCase()}</Table.Td>
                        <Table.Td>{t(`incidents.impact.${i.impact}`, { defaultValue: i.impact })}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={1}>
                            {i.summary || "—"}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
