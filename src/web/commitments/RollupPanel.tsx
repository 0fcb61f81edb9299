import { Grid, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PercentBar } from "../components/PercentBar";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { formatDate, formatPercent } from "../format";
import { StatusCountsChart } from "./StatusCountsChart";
import { useRollup } from "./use-operations";

/** An operation's roll-up: percent, activities per status, what will miss its date, and a baseline comparison. */
export function RollupPanel({ operationId, name }: { operationId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const [baseline, setBaseline] = useState("");
  const rollup = useRollup(operationId, /^\d{4}-\d{2}-\d{2}$/.test(baseline) ? baseline : undefined);
  return (
    <QueryState query={rollup}>
      {(r) => (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <Title order={2} size="h4" id="rollup-title">
                {t("rollup.title")}
              </Title>
              <PercentBar value={r.percent} label={t("operations.progressOf", { name })} size="lg" />
              <StatusCountsChart counts={r.counts} title={t("rollup.byStatus")} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t("rollup.atRisk")}
              </Title>
              {r.atRisk.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("rollup.noneAtRisk")}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {r.atRisk.map((a) => (
                    <List.Item key={a.id}>
                      <RouterLink href={`/activities/${a.id}`}>{a.title}</RouterLink>
                      {` — ${
                        a.projectedCompletion
                          ? t("rollup.dueProjected", {
                              due: formatDate(a.dueDate, i18n.language),
                              projected: formatDate(a.projectedCompletion, i18n.language),
                            })
                          : t("rollup.dueNoProjection", { due: formatDate(a.dueDate, i18n.language) })
                      }`}
                    </List.Item>
                  ))}
                </List>
              )}
              <TextInput
                type="date"
                label={t("rollup.baseline")}
                description={t("rollup.baselineHelp")}
                value={baseline}
                onChange={(e) => setBaseline(e.currentTarget.value)}
                maw={220}
              />
              {r.baseline && (
                <Stack gap={4} role="status">
                  <Text size="sm">
                    {t("rollup.baselineSummary", {
                      date: formatDate(r.baseline.date, i18n.language),
                      before: formatPercent(r.baseline.percent, i18n.language),
                      now: formatPercent(r.percent, i18n.language),
                    })}
                  </Text>
                  <List size="sm">
                    {r.baseline.changed.map((c) => (
                      <List.Item key={c.id}>{t("rollup.changed", { title: c.title, from: c.from, to: c.to })}</List.Item>
                    ))}
                  </List>
                </Stack>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </QueryState>
  );
}
