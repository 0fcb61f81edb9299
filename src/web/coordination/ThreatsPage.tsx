import { Button, Group, Paper, Select, Stack, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useSectors } from "../border/use-sectors";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { AssessmentForm } from "./AssessmentForm";
import { AssessmentsTable } from "./AssessmentsTable";
import { sectorLabel } from "./labels";
import { RiskFactorForm } from "./RiskFactorForm";
import { RiskFactorsTable } from "./RiskFactorsTable";
import { ThreatActorForm } from "./ThreatActorForm";
import { ThreatActorsTable } from "./ThreatActorsTable";
import { useCanCoordinate } from "./use-coordination-can";
import { useAssessments, useRiskFactors, useThreatActors } from "./use-threats";

/** The register's tabs, each with its own address. */
export type RegisterTab = "groups" | "risks" | "assessments";
const HREF: Record<RegisterTab, string> = {
  groups: "/coordination/threats",
  risks: "/coordination/threats/risks",
  assessments: "/coordination/threats/assessments",
};

/**
 * The threat and risk register both sides keep: organised-crime groups, risk factors per
 * sector and threat assessments, one tab each (each tab its own address), filtered by sector.
 */
export function ThreatsPage({ tab }: { tab: RegisterTab }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const canManage = useCanCoordinate("threat.manage");
  const sectors = useSectors();
  const [sectorId, setSector] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filter = sectorId ? { sectorId } : {};
  const actors = useThreatActors(filter);
  const risks = useRiskFactors(filter);
  const assessments = useAssessments(filter);
  const newLabel = t(`coordination.register.new.${tab}`);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("coordination.register.pageTitle")}
        subtitle={t("coordination.register.pageSubtitle")}
        actions={
          canManage && (
            <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((v) => !v)} aria-expanded={creating}>
              {creating ? t("common.cancel") : newLabel}
            </Button>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => {
          setCreating(false);
          if (v) navigate(HREF[v as RegisterTab]);
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="groups">{t("coordination.register.tabs.groups")}</Tabs.Tab>
          <Tabs.Tab value="risks">{t("coordination.register.tabs.risks")}</Tabs.Tab>
          <Tabs.Tab value="assessments">{t("coordination.register.tabs.assessments")}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {creating && (
        <Paper withBorder p="md">
          {tab === "groups" && <ThreatActorForm onDone={(id) => navigate(`/coordination/threats/groups/${id}`)} />}
          {tab === "risks" && <RiskFactorForm onDone={() => setCreating(false)} />}
          {tab === "assessments" && <AssessmentForm onDone={(id) => navigate(`/coordination/threats/assessments/${id}`)} />}
        </Paper>
      )}
      <Group>
        <Select
          label={t("coordination.register.filterSector")}
          placeholder={t("coordination.register.anySector")}
          data={(sectors.data ?? []).map((s) => ({ value: s.id, label: sectorLabel(s) }))}
          value={sectorId}
          onChange={setSector}
          clearable
          searchable
          w={340}
        />
      </Group>
      <Paper withBorder p="md">
        {tab === "groups" && <QueryState query={actors}>{(list) => <ThreatActorsTable actors={list} />}</QueryState>}
        {tab === "risks" && <QueryState query={risks}>{(list) => <RiskFactorsTable factors={list} />}</QueryState>}
        {tab === "assessments" && (
          <QueryState query={assessments}>
            {(list) => <AssessmentsTable assessments={list} label={t("coordination.register.tabs.assessments")} />}
          </QueryState>
        )}
      </Paper>
    </Stack>
  );
}
