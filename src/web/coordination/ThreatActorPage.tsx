import { Button, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "wouter";
import { FactList } from "../border/FactList";
import { SectorLevelBadge } from "../border/SectorLevelBadge";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { formatDate, formatDateTime } from "../format";
import { AssessmentForm } from "./AssessmentForm";
import { AssessmentsTable } from "./AssessmentsTable";
import { sectorLabel } from "./labels";
import { Section } from "./Section";
import { SideBadge } from "./SideBadge";
import { ThreatActorForm } from "./ThreatActorForm";
import { TlpBadge } from "./TlpBadge";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useOpenFor } from "./use-open-for";
import { useAssessments, useThreatActor } from "./use-threats";

/** One organised-crime group: what is known of it, its assessments by either side, and forms to add to both. */
export function ThreatActorPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const actor = useThreatActor(id);
  const assessments = useAssessments({ threatActorId: id });
  const me = useMyNode();
  const canManage = useCanCoordinate("threat.manage");
  const [editing, setEditing] = useOpenFor(id);
  const [assessing, setAssessing] = useOpenFor(id);
  return (
    <QueryState query={actor}>
      {(a) => (
        <Stack gap="lg">
          <PageHeader
            title={a.name}
            subtitle={<RouterLink href="/coordination/threats">{t("coordination.register.back")}</RouterLink>}
            actions={
              canManage &&
              a.ownerNode === me && (
                <Button variant={editing ? "default" : "light"} onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
                  {editing ? t("common.cancel") : t("coordination.groups.edit")}
                </Button>
              )
            }
          />
          {editing && (
            <Section id="group-edit" title={t("coordination.groups.edit")}>
              <ThreatActorForm key={a.updatedAt} actor={a} onDone={() => setEditing(false)} />
            </Section>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Section id="group-facts" title={t("coordination.groups.facts")}>
              <FactList
                facts={[
                  [t("coordination.groups.aliases"), a.aliases.join(", ") || "—"],
                  [
                    t("coordination.groups.activities"),
                    a.activities.length === 0 ? (
                      "—"
                    ) : (
                      <List key="a" size="sm" spacing={0}>
                        {a.activities.map((x) => (
                          <List.Item key={x}>{t(`coordination.crime.${x}`)}</List.Item>
                        ))}
                      </List>
                    ),
                  ],
                  [t("coordination.groups.areas"), a.areas.map(sectorLabel).join("; ") || "—"],
                  [t("coordination.groups.firstSeen"), formatDate(a.firstSeen, i18n.language)],
                  [t("coordination.groups.lastSeen"), formatDate(a.lastSeen, i18n.language)],
                  [t("coordination.groups.level"), <SectorLevelBadge key="l" level={a.assessedLevel} />],
                  [t("coordination.common.tlp"), <TlpBadge key="t" tlp={a.tlp} />],
                  [t("coordination.common.writtenBy"), <SideBadge key="s" node={a.ownerNode} />],
                  [t("coordination.common.lastChange"), formatDateTime(a.updatedAt, i18n.language)],
                ]}
              />
            </Section>
            <Section id="group-description" title={t("coordination.groups.description")}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={a.description ? undefined : "dimmed"}>
                {a.description || t("coordination.groups.noDescription")}
              </Text>
            </Section>
          </SimpleGrid>
          <Section
            id="group-assessments"
            title={t("coordination.register.tabs.assessments")}
            actions={
              canManage && (
                <Button
                  size="xs"
                  variant={assessing ? "default" : "light"}
                  onClick={() => setAssessing((v) => !v)}
                  aria-expanded={assessing}
                >
                  {assessing ? t("common.cancel") : t("coordination.groups.assess")}
                </Button>
              )
            }
          >
            <Stack gap="md">
              {assessing && <AssessmentForm threatActorId={a.id} onDone={(aid) => navigate(`/coordination/threats/assessments/${aid}`)} />}
              <QueryState query={assessments}>
                {(list) => <AssessmentsTable assessments={list} label={t("coordination.groups.assessmentsOf", { name: a.name })} />}
              </QueryState>
            </Stack>
          </Section>
        </Stack>
      )}
    </QueryState>
  );
}
