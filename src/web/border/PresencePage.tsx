import { Paper, Stack, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { CoveragePanel } from "./CoveragePanel";
import { DeploymentsTable } from "./DeploymentsTable";
import { PatrolsTable } from "./PatrolsTable";
import { useCrossings } from "./use-crossings";
import { useCoverage, useDeployments, usePatrols } from "./use-presence";
import { useSectors } from "./use-sectors";

/** Each side's presence at the border: coverage of the informal crossings, deployments and patrols. */
export function PresencePage() {
  const { t } = useTranslation();
  const coverage = useCoverage();
  const deployments = useDeployments(false);
  const [since] = useState(() => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 7 * 86_400_000).toISOString());
  const patrols = usePatrols(since);
  const crossings = useCrossings();
  const sectors = useSectors();
  const names = { crossings: crossings.data ?? [], sectors: sectors.data ?? [] };
  return (
    <Stack gap="lg">
      <PageHeader title={t("presence.pageTitle")} subtitle={t("presence.pageSubtitle")} />
      <Tabs defaultValue="coverage" keepMounted={false}>
        <Tabs.List aria-label={t("presence.pageTitle")}>
          <Tabs.Tab value="coverage">{t("presence.coverageTab")}</Tabs.Tab>
          <Tabs.Tab value="deployments">{t("presence.deploymentsTab")}</Tabs.Tab>
          <Tabs.Tab value="patrols">{t("presence.patrolsTab")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="coverage" pt="md">
          <QueryState query={coverage}>{(c) => <CoveragePanel coverage={c} />}</QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="deployments" pt="md">
          <Paper withBorder p="md">
            <QueryState query={deployments}>{(list) => <DeploymentsTable deployments={list} names={names} />}</QueryState>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="patrols" pt="md">
          <Paper withBorder p="md">
            <QueryState query={patrols}>{(list) => <PatrolsTable patrols={list} names={names} />}</QueryState>
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
