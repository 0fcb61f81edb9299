import { Paper, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { useMe } from "../session/use-session";
import { ActivityFacts } from "./ActivityFacts";
import { HistoryTable } from "./HistoryTable";
import { OwnerForm } from "./OwnerForm";
import { ReportForm } from "./ReportForm";
import { ReportsList } from "./ReportsList";
import { useActivity } from "./use-activities";

/** One activity: facts, the owner's controls, both sides' reports, a report form, history. */
export function ActivityPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const activity = useActivity(id);
  const me = useMe();
  const section = (key: string, title: string, body: React.ReactNode) => (
    <Paper withBorder p="md" component="section" aria-labelledby={`act-${key}`}>
      <Title order={2} size="h4" mb="sm" id={`act-${key}`}>
        {title}
      </Title>
      {body}
    </Paper>
  );
  return (
    <QueryState query={activity}>
      {(a) => (
        <Stack gap="lg">
          <PageHeader
            title={a.number ? `${a.number}. ${a.title}` : a.title}
            subtitle={<RouterLink href={`/operations/${a.operationId}`}>{t("activities.backToOperation")}</RouterLink>}
          />
          <Paper withBorder p="md">
            <ActivityFacts activity={a} />
          </Paper>
          {section("owner", t("owner.heading"), <OwnerForm key={a.updatedAt} activity={a} myNode={me.data?.node ?? ""} />)}
          {section("reports", t("reports.heading"), <ReportsList reports={a.reports} ownerNode={a.ownerNode} />)}
          {section("post", t("reports.postHeading"), <ReportForm activityId={a.id} currentLevel={a.level} />)}
          {section("history", t("history.heading"), <HistoryTable history={a.history} />)}
        </Stack>
      )}
    </QueryState>
  );
}
