import { Paper, Stack, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { useMe } from "../session/use-session";
import { CoveragePanel } from "./CoveragePanel";
import { DeploymentForm } from "./DeploymentForm";
import { DeploymentsTable } from "./DeploymentsTable";
import { PatrolForm } from "./PatrolForm";
import { PatrolsTable } from "./PatrolsTable";
import { RecordPanel } from "./RecordPanel";
import { useCan } from "./use-can";
import { useCrossings } from "./use-crossings";
import { useCoverage, useDeployments, usePatrols } from "./use-presence";
import { useSectors } from "./use-sectors";

/**
 * Each side's presence at the border: coverage of the informal crossings, deployments and
 * patrols, with the forms to record a deployment and file a patrol report for those whose
 * role may (the server checks again).
 */
export function PresencePage() {
  const { t } = useTranslation();
  const coverage = useCoverage();
  const deployments = useDeployments(false);
  const [since] = useState(() => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 7 * 86_400_000).toISOString());
  const patrols = usePatrols(since);
  const crossings = useCrossings();
  const sectors = useSectors();
  const me = useMe();
  const mayRecord = useCan("presence.record");
  const names = { crossings: crossings.data ?? [], sectors: sectors.data ?? [] };
  // Each side records presence only on its own territory: at its own crossings.
  const own = names.crossings.filter((c) => c.ownerNode === me.data?.node);
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
          <Stack gap="md">
            {mayRecord && (
              <RecordPanel openLabel={t("presence.newDeployment")} title={t("presence.recordDeployment")}>
                {(saved) => (
                  <DeploymentForm
                    crossings={own}
                    sectors={names.sectors}
                    onSaved={(d) => saved(t("presence.deploymentRecorded", { unit: d.unit }))}
                  />
                )}
              </RecordPanel>
            )}
            <Paper withBorder p="md">
              <QueryState query={deployments}>{(list) => <DeploymentsTable deployments={list} names={names} />}</QueryState>
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="patrols" pt="md">
          <Stack gap="md">
            {mayRecord && (
              <RecordPanel openLabel={t("presence.newPatrol")} title={t("presence.reportPatrol")}>
                {(saved) => (
                  <PatrolForm
                    crossings={own}
                    sectors={names.sectors}
                    onSaved={(p) => saved(t("presence.patrolReported", { unit: p.unit }))}
                  />
                )}
              </RecordPanel>
            )}
            <Paper withBorder p="md">
              <QueryState query={patrols}>{(list) => <PatrolsTable patrols={list} names={names} />}</QueryState>
            </Paper>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
