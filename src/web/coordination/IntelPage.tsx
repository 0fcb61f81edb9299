import { Button, Group, Paper, Select, Stack, Switch } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { IntelReportForm } from "./IntelReportForm";
import { IntelReportsTable } from "./IntelReportsTable";
import { useCanCoordinate } from "./use-coordination-can";
import { useIntelReports } from "./use-intel";
import { useSharedSpaces } from "./use-space-names";

/** Intelligence reports: the national ones and those released into the binational space, and the form to write one. */
export function IntelPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const canWrite = useCanCoordinate("intel.write");
  const shared = useSharedSpaces();
  const [space, setSpace] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  const [writing, setWriting] = useState(false);
  const reports = useIntelReports({ ...(space ? { space } : {}), includeWithdrawn: withdrawn });
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("coordination.intel.pageTitle")}
        subtitle={t("coordination.intel.pageSubtitle")}
        actions={
          canWrite && (
            <Button variant={writing ? "default" : "filled"} onClick={() => setWriting((v) => !v)} aria-expanded={writing}>
              {writing ? t("common.cancel") : t("coordination.intel.new")}
            </Button>
          )
        }
      />
      {writing && (
        <Paper withBorder p="md">
          <IntelReportForm onDone={(id) => navigate(`/coordination/intel/${id}`)} />
        </Paper>
      )}
      <Group gap="md" align="flex-end">
        <Select
          label={t("coordination.intel.space")}
          placeholder={t("coordination.intel.anySpace")}
          data={[
            { value: NATIONAL_SPACE, label: t("coordination.intel.national") },
            ...shared.map((s) => ({ value: s.id, label: s.name })),
          ]}
          value={space}
          onChange={setSpace}
          clearable
          w={340}
        />
        <Switch
          label={t("coordination.intel.includeWithdrawn")}
          checked={withdrawn}
          onChange={(e) => setWithdrawn(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Paper withBorder p="md">
        <QueryState query={reports}>{(list) => <IntelReportsTable reports={list} label={t("coordination.intel.pageTitle")} />}</QueryState>
      </Paper>
    </Stack>
  );
}
