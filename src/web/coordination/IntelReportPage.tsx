import { Alert, Button, Group, List, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "wouter";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { API } from "../api/client";
import { FactList } from "../border/FactList";
import { PageHeader } from "../components/PageHeader";
import { ProblemAlert } from "../components/ProblemAlert";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { ConfidenceBadge } from "./ConfidenceBadge";
import { ConsentPanel } from "./ConsentPanel";
import { ReleaseForm } from "./ReleaseForm";
import { ReportLinks } from "./ReportLinks";
import { Section } from "./Section";
import { SideBadge } from "./SideBadge";
import { TlpBadge } from "./TlpBadge";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useIntelReport, useWithdrawReport } from "./use-intel";
import { useOpenFor } from "./use-open-for";
import { useSharedSpaces, useSpaceName } from "./use-space-names";

function WithdrawForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawReport(id);
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    withdraw.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} aria-label={t("coordination.intel.withdraw")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("coordination.common.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: 1 }}
          miw={240}
        />
        <Button type="submit" color="red" variant="light" loading={withdraw.isPending}>
          {t("coordination.intel.withdraw")}
        </Button>
      </Group>
      <ProblemAlert error={withdraw.error} />
    </form>
  );
}

/** One intelligence report: marking, confidence, links, its copies, release into the binational space, consent, STIX. */
export function IntelReportPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const report = useIntelReport(id);
  const me = useMyNode();
  const spaceName = useSpaceName();
  const shared = useSharedSpaces();
  const canRelease = useCanCoordinate("intel.release");
  const canWrite = useCanCoordinate("intel.write");
  const [releasing, setReleasing] = useOpenFor(id);
  return (
    <QueryState query={report}>
      {(r) => {
        const national = r.space === NATIONAL_SPACE;
        // A shared space to put the copy in: the binational one for a national report, another for a shared one.
        const target = shared.some((sp) => sp.id !== r.space);
        const mayRelease = canRelease && target && r.status === "active" && (!national || r.ownerNode === me);
        return (
          <Stack gap="lg">
            <PageHeader
              title={r.summary}
              subtitle={<RouterLink href="/coordination/intel">{t("coordination.intel.back")}</RouterLink>}
              actions={
                <>
                  <Button component="a" variant="light" href={`${API}/export/stix?report=${r.id}`} download={`informe-${r.id}.stix.json`}>
                    {t("coordination.intel.stix")}
                  </Button>
                  {mayRelease && (
                    <Button variant={releasing ? "default" : "filled"} onClick={() => setReleasing((v) => !v)} aria-expanded={releasing}>
                      {releasing ? t("common.cancel") : national ? t("coordination.release.open") : t("coordination.release.openRerelease")}
                    </Button>
                  )}
                </>
              }
            />
            {r.status === "withdrawn" && (
              <Alert color="gray" title={t("coordination.intel.withdrawn")}>
                {r.withdrawnReason || t("coordination.meetings.noReason")}
              </Alert>
            )}
            {releasing && (
              <Section id="report-release" title={t("coordination.release.heading")}>
                <ReleaseForm report={r} onDone={(copy) => (copy ? navigate(`/coordination/intel/${copy}`) : setReleasing(false))} />
              </Section>
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section id="report-facts" title={t("coordination.intel.facts")}>
                <FactList
                  facts={[
                    [t("coordination.intel.space"), spaceName(r.space)],
                    [t("coordination.common.tlp"), <TlpBadge key="t" tlp={r.tlp} />],
                    [t("coordination.common.confidence"), <ConfidenceBadge key="c" confidence={r.confidence} />],
                    [
                      t("coordination.intel.originator"),
                      <span key="o">
                        {`${r.originator} `}
                        <SideBadge node={r.originatorNode} />
                      </span>,
                    ],
                    [t("coordination.common.writtenBy"), <SideBadge key="w" node={r.ownerNode} />],
                    [t("coordination.intel.written"), formatDateTime(r.createdAt, i18n.language)],
                    [
                      t("coordination.common.status"),
                      <StatusBadge
                        key="s"
                        tone={r.status === "active" ? "green" : "gray"}
                        label={t(r.status === "active" ? "coordination.intel.active" : "coordination.intel.withdrawn")}
                      />,
                    ],
                    ...(r.derivedFrom
                      ? [
                          [
                            t("coordination.intel.derivedFrom"),
                            r.derivedFrom.space !== NATIONAL_SPACE || r.ownerNode === me ? (
                              <RouterLink size="sm" key="d" href={`/coordination/intel/${r.derivedFrom.id}`}>
                                {t("coordination.intel.sourceIn", { space: spaceName(r.derivedFrom.space) })}
                              </RouterLink>
                            ) : (
                              t("coordination.intel.sourceNational", { node: r.ownerNode.toUpperCase() })
                            ),
                          ] as const,
                        ]
                      : []),
                  ]}
                />
              </Section>
              <Section id="report-links" title={t("coordination.intel.links")}>
                <ReportLinks report={r} />
              </Section>
            </SimpleGrid>
            <Section id="report-body" title={t("coordination.intel.body")}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={r.body ? undefined : "dimmed"}>
                {r.body || t("coordination.intel.noBody")}
              </Text>
            </Section>
            <Section id="report-copies" title={t("coordination.intel.copies")}>
              {r.releasedAs.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("coordination.intel.noCopies")}
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {r.releasedAs.map((c) => (
                    <List.Item key={c.id}>
                      <RouterLink size="sm" href={`/coordination/intel/${c.id}`}>
                        {t(`coordination.intel.copyKind.${c.kind}`, { space: spaceName(c.space) })}
                      </RouterLink>
                      {` · ${c.node.toUpperCase()} · ${formatDateTime(c.at, i18n.language)}`}
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
            {!national && (
              <Section id="report-consent" title={t("coordination.consent.heading")}>
                <ConsentPanel report={r} />
              </Section>
            )}
            {canWrite && r.ownerNode === me && r.status === "active" && (
              <Section id="report-withdraw" title={t("coordination.intel.withdrawHeading")}>
                <WithdrawForm id={r.id} />
              </Section>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
