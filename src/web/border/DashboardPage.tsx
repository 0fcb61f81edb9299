import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { BarChart } from "./BarChart";
import { DailyReportPanel } from "./DailyReportPanel";
import { formatCount } from "./format-quantity";
import { MonthlyChart, movingAverage } from "./MonthlyChart";
import { SeizuresByCategory } from "./SeizuresByCategory";
import { TrendsPanel } from "./TrendsPanel";
import { PERIODS, type Period, periodStart, useBusiest, useSeizures, useTrends } from "./use-dashboard";

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`dash-${id}`}>
      <Title order={2} size="h4" mb="sm" id={`dash-${id}`}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The border in figures: seizures by category, sector and month, the year's trend against
 * the year before, the busiest crossings, and the daily report.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const periodId = useId();
  const [period, setPeriod] = useState<Period>("90");
  const from = useMemo(() => periodStart(period), [period]);
  const year = useMemo(() => periodStart("365"), []);
  const byCategory = useSeizures("category", from);
  const bySector = useSeizures("sector", from);
  const byMonth = useSeizures("month", year);
  const trends = useTrends();
  const busiest = useBusiest(from);
  const n = (v: number) => formatCount(v, i18n.language);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("dashboard.pageTitle")}
        subtitle={t("dashboard.pageSubtitle")}
        actions={
          <Stack gap={4}>
            <Text size="sm" fw={500} id={periodId}>
              {t("dashboard.period")}
            </Text>
            <SegmentedControl
              aria-labelledby={periodId}
              value={period}
              onChange={(v) => setPeriod(v as Period)}
              data={PERIODS.map((p) => ({ value: p, label: t(`dashboard.periods.${p}`) }))}
            />
          </Stack>
        }
      />
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <Panel id="category" title={t("dashboard.byCategory")}>
          <QueryState query={byCategory}>
            {(v) => (v.groups.length ? <SeizuresByCategory view={v} /> : <Text c="dimmed">{t("dashboard.noData")}</Text>)}
          </QueryState>
        </Panel>
        <Panel id="sector" title={t("dashboard.bySector")}>
          <QueryState query={bySector}>
            {(v) =>
              v.groups.length ? (
                <BarChart
                  title={t("dashboard.bySector")}
                  bars={v.groups.map((g) => ({
                    key: g.key ?? "none",
                    label: g.key ? g.label : t("coverage.noSector"),
                    value: g.withSeizures,
                  }))}
                  format={n}
                  color="#2f9e44"
                />
              ) : (
                <Text c="dimmed">{t("dashboard.noData")}</Text>
              )
            }
          </QueryState>
        </Panel>
        <Panel id="month" title={t("dashboard.byMonth")}>
          <QueryState query={byMonth}>
            {(v) => {
              const months = [...v.groups]
                .sort((a, b) => String(a.key).localeCompare(String(b.key)))
                .map((g) => ({ month: String(g.key), value: g.withSeizures }));
              return (
                <MonthlyChart
                  title={t("dashboard.byMonth")}
                  months={months}
                  lang={i18n.language}
                  format={n}
                  line={{ values: movingAverage(months.map((m) => m.value)), label: t("dashboard.movingAverage") }}
                />
              );
            }}
          </QueryState>
        </Panel>
        <Panel id="busiest" title={t("dashboard.busiest")}>
          <QueryState query={busiest}>
            {(v) =>
              v.crossings.length ? (
                <BarChart
                  title={t("dashboard.busiest")}
                  bars={v.crossings.map((c) => ({ key: c.crossingId, label: c.name ?? "—", value: c.incidents }))}
                  format={n}
                  color="#9c36b5"
                />
              ) : (
                <Text c="dimmed">{t("dashboard.noData")}</Text>
              )
            }
          </QueryState>
        </Panel>
      </SimpleGrid>
      <Panel id="trends" title={t("dashboard.trends")}>
        <QueryState query={trends}>{(v) => <TrendsPanel view={v} />}</QueryState>
      </Panel>
      <Panel id="daily" title={t("dashboard.daily")}>
        <DailyReportPanel />
      </Panel>
    </Stack>
  );
}
