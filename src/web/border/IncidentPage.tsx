import { Alert, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearch } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { useMe } from "../session/use-session";
import { CloseIncidentForm } from "./CloseIncidentForm";
import { FollowupForm } from "./FollowupForm";
import { FollowupsList } from "./FollowupsList";
import { IncidentFacts } from "./IncidentFacts";
import { ReleaseIncidentForm } from "./ReleaseIncidentForm";
import { useCan } from "./use-can";
import { useCrossings } from "./use-crossings";
import { useIncident } from "./use-incidents";
import { useSectors } from "./use-sectors";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`incident-${id}`}>
      <Title order={2} size="h4" mb="sm" id={`incident-${id}`}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * One incident: what the first report said, the follow-ups of both sides, a follow-up form,
 * and the owner's controls (close with a reason; release a national report as a shared copy).
 */
export function IncidentPage() {
  const { id = "" } = useParams<{ id: string }>();
  const search = useSearch();
  const { t, i18n } = useTranslation();
  const incident = useIncident(id);
  const me = useMe();
  const sectors = useSectors();
  const crossings = useCrossings();
  const myNode = me.data?.node ?? "";
  const may = { followup: useCan("incident.followup"), close: useCan("incident.close"), release: useCan("incident.release") };
  return (
    <QueryState query={incident}>
      {(i) => {
        const owner = i.ownerNode === myNode;
        return (
          <Stack gap="lg">
            <PageHeader
              title={t(`incidents.type.${i.type}`)}
              subtitle={
                <Group gap="xs" component="span">
                  <RouterLink href="/border/incidents">{t("incidents.backToList")}</RouterLink>
                  <StatusBadge tone={i.status === "open" ? "blue" : "gray"} label={t(`incidents.status.${i.status}`)} />
                  {i.lateReport && <StatusBadge tone="orange" label={t("incidents.lateLong")} />}
                </Group>
              }
            />
            {new URLSearchParams(search).has("created") && (
              <Alert color="green" role="status" title={t("incidents.created")}>
                {t("incidents.createdBody")}
              </Alert>
            )}
            <Paper withBorder p="md">
              <IncidentFacts incident={i} crossings={crossings.data ?? []} sectors={sectors.data ?? []} />
              {i.summary && (
                <Text size="sm" mt="md" style={{ whiteSpace: "pre-wrap" }}>
                  {i.summary}
                </Text>
              )}
              {i.derivedFrom && (
                <Text size="xs" c="dimmed" mt="sm">
                  {t("incidents.derivedFrom")}
                </Text>
              )}
              {i.releasedAs.map((r) => (
                <Text key={r.id} size="sm" mt="sm">
                  <RouterLink href={`/border/incidents/${r.id}`}>{t("incidents.releasedCopy")}</RouterLink>
                </Text>
              ))}
            </Paper>
            {i.status === "closed" && (
              <Alert color="gray" title={t("incidents.closedTitle", { at: formatDateTime(i.closedAt, i18n.language) })}>
                {i.closedReason}
              </Alert>
            )}
            <Section id="followups" title={t("incidents.followups", { count: i.followups.length })}>
              <FollowupsList followups={i.followups} ownerNode={i.ownerNode} />
            </Section>
            {i.status === "open" && may.followup && (
              <Section id="post" title={t("incidents.postFollowup")}>
                <FollowupForm incidentId={i.id} />
              </Section>
            )}
            {owner && may.close && i.status === "open" && (
              <Section id="close" title={t("incidents.closeTitle")}>
                <CloseIncidentForm incidentId={i.id} />
              </Section>
            )}
            {owner && may.release && i.space === "national" && (
              <Section id="release" title={t("incidents.releaseTitle")}>
                <ReleaseIncidentForm incident={i} />
              </Section>
            )}
            {!owner && (
              <Text size="sm" c="dimmed">
                {t("incidents.notOwner", { owner: i.ownerNode.toUpperCase() })}
              </Text>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
