import { Alert, Button, Group, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { FactList } from "../border/FactList";
import { SectorLevelBadge } from "../border/SectorLevelBadge";
import { PageHeader } from "../components/PageHeader";
import { ProblemAlert } from "../components/ProblemAlert";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { formatDateTime } from "../format";
import { ConfidenceBadge } from "./ConfidenceBadge";
import { sectorLabel } from "./labels";
import { ReviseAssessmentForm } from "./ReviseAssessmentForm";
import { Section } from "./Section";
import { SideBadge } from "./SideBadge";
import { TlpBadge } from "./TlpBadge";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useOpenFor } from "./use-open-for";
import { type AssessmentDetail, useAssessment, useWithdrawAssessment } from "./use-threats";

function WithdrawForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawAssessment(id);
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    withdraw.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} aria-label={t("coordination.assessments.withdraw")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("coordination.common.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: 1 }}
          miw={240}
        />
        <Button type="submit" color="red" variant="light" loading={withdraw.isPending}>
          {t("coordination.assessments.withdraw")}
        </Button>
      </Group>
      <ProblemAlert error={withdraw.error} />
    </form>
  );
}

/** Every revision of an assessment, newest first: who changed level or confidence, when, and why. */
function HistoryTable({ a }: { a: AssessmentDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t("coordination.assessments.history")} verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("coordination.assessments.revision")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.level")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.confidence")}</Table.Th>
            <Table.Th scope="col">{t("coordination.assessments.summary")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.by")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...a.history].reverse().map((h) => (
            <Table.Tr key={h.revision}>
              <Table.Th scope="row">{h.revision}</Table.Th>
              <Table.Td>
                <SectorLevelBadge level={h.level} />
              </Table.Td>
              <Table.Td>
                <ConfidenceBadge confidence={h.confidence} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{h.summary}</Text>
                {h.note && (
                  <Text size="xs" c="dimmed">
                    {t("coordination.common.noteIs", { note: h.note })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{h.by}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(h.at, i18n.language)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One threat assessment: its current grading, its history, and its writer's revise and withdraw forms. */
export function AssessmentPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const assessment = useAssessment(id);
  const me = useMyNode();
  const canManage = useCanCoordinate("threat.manage");
  const [revising, setRevising] = useOpenFor(id);
  return (
    <QueryState query={assessment}>
      {(a) => {
        const mine = canManage && a.ownerNode === me && a.status === "current";
        return (
          <Stack gap="lg">
            <PageHeader
              title={a.summary}
              subtitle={<RouterLink href="/coordination/threats/assessments">{t("coordination.register.backAssessments")}</RouterLink>}
              actions={
                mine && (
                  <Button variant={revising ? "default" : "light"} onClick={() => setRevising((v) => !v)} aria-expanded={revising}>
                    {revising ? t("common.cancel") : t("coordination.assessments.revise")}
                  </Button>
                )
              }
            />
            {a.status === "withdrawn" && (
              <Alert color="gray" title={t("coordination.assessments.withdrawn")}>
                {a.withdrawnReason || t("coordination.meetings.noReason")}
              </Alert>
            )}
            {revising && (
              <Section id="assessment-revise" title={t("coordination.assessments.revise")}>
                <ReviseAssessmentForm key={a.revision} assessment={a} onDone={() => setRevising(false)} />
              </Section>
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section id="assessment-facts" title={t("coordination.assessments.facts")}>
                <FactList
                  facts={[
                    [
                      t("coordination.assessments.group"),
                      a.threatActor ? (
                        <RouterLink size="sm" key="g" href={`/coordination/threats/groups/${a.threatActor.id}`}>
                          {a.threatActor.name ?? a.threatActor.id}
                        </RouterLink>
                      ) : (
                        "—"
                      ),
                    ],
                    [t("coordination.assessments.sector"), a.sector ? sectorLabel(a.sector) : "—"],
                    [t("coordination.common.level"), <SectorLevelBadge key="l" level={a.level} />],
                    [t("coordination.common.confidence"), <ConfidenceBadge key="c" confidence={a.confidence} />],
                    [t("coordination.common.tlp"), <TlpBadge key="t" tlp={a.tlp} />],
                    [t("coordination.common.writtenBy"), <SideBadge key="s" node={a.ownerNode} />],
                    [t("coordination.assessments.revision"), `${a.revision} · ${formatDateTime(a.updatedAt, i18n.language)}`],
                  ]}
                />
              </Section>
              <Section id="assessment-body" title={t("coordination.assessments.body")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={a.body ? undefined : "dimmed"}>
                  {a.body || t("coordination.assessments.noBody")}
                </Text>
              </Section>
            </SimpleGrid>
            <Section id="assessment-history" title={t("coordination.assessments.history")}>
              <HistoryTable a={a} />
            </Section>
            {mine && (
              <Section id="assessment-withdraw" title={t("coordination.assessments.withdrawHeading")}>
                <WithdrawForm id={a.id} />
              </Section>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
