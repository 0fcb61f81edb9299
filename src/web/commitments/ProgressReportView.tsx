import { Grid, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BilingualHeading } from "../components/BilingualHeading";
import { formatDate, formatDateTime, formatPercent } from "../format";
import { AgreementsChart } from "./AgreementsChart";
import { AgreementProgressTable, AtRiskTable, ChangesTable } from "./ProgressTables";
import { StatusCountsChart } from "./StatusCountsChart";
import { TimelineChart } from "./TimelineChart";
import type { ProgressReport } from "./types";

/** The printable body of the ministerial progress report, headings in both languages. */
export function ProgressReportView({ report: r, node }: { report: ProgressReport; node: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack gap="xl" component="article" aria-labelledby="report-title">
      <Stack gap={4}>
        <BilingualHeading k="progress.title" order={1} id="report-title" />
        <Text fw={600} size="lg" lang={r.statement.language}>
          {r.statement.title}
        </Text>
        <Text size="sm" c="dimmed">
          {t("progress.meta", {
            date: formatDate(r.statement.date, lang),
            node: node.toUpperCase(),
            generated: formatDateTime(r.generatedAt, lang),
          })}
        </Text>
      </Stack>
      <Grid gap="xl" className="print-section">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <BilingualHeading k="progress.overall" order={2} />
          <Text fz={48} fw={700} lh={1.1} mt="sm" aria-label={t("progress.overallValue", { value: formatPercent(r.percent, lang) })}>
            {formatPercent(r.percent, lang)}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <BilingualHeading k="progress.statusCounts" order={2} />
          <StatusCountsChart counts={r.counts} title={t("progress.statusCounts")} />
        </Grid.Col>
      </Grid>
      <Stack gap="sm">
        <div className="print-section">
          <BilingualHeading k="progress.byAgreement" order={2} />
          <AgreementsChart agreements={r.agreements} title={t("progress.byAgreement")} />
        </div>
        <AgreementProgressTable agreements={r.agreements} />
      </Stack>
      <Stack gap="sm" className="print-section">
        <BilingualHeading k="progress.timeline" order={2} />
        <TimelineChart points={r.timeline} title={t("progress.timeline")} />
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Stack gap="sm" className="print-section">
          <BilingualHeading k="progress.atRisk" order={2} />
          <AtRiskTable items={r.atRisk} />
        </Stack>
        <Stack gap="sm" className="print-section">
          <BilingualHeading k="progress.changes" order={2} />
          <Text size="sm" c="dimmed">
            {t("progress.since", {
              date: formatDate(r.baseline.date, lang),
              before: formatPercent(r.baseline.percent, lang),
              now: formatPercent(r.percent, lang),
            })}
          </Text>
          <ChangesTable items={r.changedSinceBaseline} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
