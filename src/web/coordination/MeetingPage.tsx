import { Alert, Button, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { API } from "../api/client";
import { FactList } from "../border/FactList";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { AttendancePanel } from "./AttendancePanel";
import { CancelMeetingForm } from "./CancelMeetingForm";
import { sectorLabel, unitLabel } from "./labels";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { MinutesPanel } from "./MinutesPanel";
import { meetingWhen } from "./meeting-time";
import { OutcomesPanel } from "./OutcomesPanel";
import { Section } from "./Section";
import { SideBadge } from "./SideBadge";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useUnitMeeting } from "./use-unit-meetings";

/** One regional-unit meeting: facts, agenda, attendance of each side, minutes and outcomes. */
export function MeetingPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const meeting = useUnitMeeting(id);
  const me = useMyNode();
  const canManage = useCanCoordinate("meeting.manage");
  const lang = i18n.language === "en" ? "en" : "es";
  return (
    <QueryState query={meeting}>
      {(m) => {
        const host = m.ownerNode === me;
        return (
          <Stack gap="lg">
            <PageHeader
              title={m.title}
              subtitle={<RouterLink href="/coordination/meetings">{t("coordination.meetings.back")}</RouterLink>}
              actions={
                <Button component="a" variant="light" href={`${API}/meetings/${m.id}.ics?lang=${lang}`} download={`reunion-${m.id}.ics`}>
                  {t("coordination.meetings.ics")}
                </Button>
              }
            />
            {m.status === "cancelled" && (
              <Alert color="red" variant="light" title={t("coordination.meetings.status.cancelled")}>
                {m.cancelReason || t("coordination.meetings.noReason")}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section id="meeting-facts" title={t("coordination.meetings.facts")}>
                <FactList
                  facts={[
                    [t("coordination.meetings.when"), meetingWhen(m, i18n.language)],
                    [t("coordination.meetings.place"), m.place || "—"],
                    [t("coordination.meetings.sector"), m.sector ? sectorLabel(m.sector) : "—"],
                    [
                      t("coordination.meetings.host"),
                      <span key="h">
                        <RouterLink size="sm" href={`/coordination/units/${m.hostUnit.id}`}>
                          {m.hostUnit.name ?? m.hostUnit.id}
                        </RouterLink>{" "}
                        <SideBadge node={m.ownerNode} />
                      </span>,
                    ],
                    [
                      t("coordination.meetings.invited"),
                      m.invitedUnits.map((u, i) => (
                        <span key={u.id}>
                          {i > 0 && "; "}
                          <RouterLink size="sm" href={`/coordination/units/${u.id}`}>
                            {unitLabel(u)}
                          </RouterLink>
                        </span>
                      )),
                    ],
                    [t("coordination.common.status"), <MeetingStatusBadge key="s" meeting={m} />],
                    [
                      t("coordination.meetings.reminders"),
                      m.reminders.length === 0
                        ? "—"
                        : m.reminders
                            .map((r) =>
                              t(`coordination.reminderOffset.${r}`, {
                                defaultValue: t("coordination.meetings.minutesBefore", { count: r }),
                              }),
                            )
                            .join(", "),
                    ],
                    ...(m.seriesId ? [[t("coordination.meetings.series"), t("coordination.meetings.partOfSeries")] as const] : []),
                  ]}
                />
                {m.description && (
                  <Text size="sm" mt="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {m.description}
                  </Text>
                )}
              </Section>
              <Section id="meeting-agenda" title={t("coordination.meetings.agenda")}>
                {m.agenda.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t("coordination.meetings.agendaNone")}
                  </Text>
                ) : (
                  <List type="ordered" spacing="xs" size="sm">
                    {m.agenda.map((a) => {
                      const by = m.attendance.find((x) => x.unit.id === a.unitId)?.unit;
                      return (
                        <List.Item key={a.id}>
                          <Text size="sm" fw={600} span>
                            {a.title}
                          </Text>
                          {by && (
                            <Text size="xs" c="dimmed" span>
                              {` — ${t("coordination.meetings.presentedBy", { unit: unitLabel(by) })}`}
                            </Text>
                          )}
                          {a.detail && (
                            <Text size="sm" c="dimmed">
                              {a.detail}
                            </Text>
                          )}
                        </List.Item>
                      );
                    })}
                  </List>
                )}
              </Section>
            </SimpleGrid>
            <Section id="meeting-attendance" title={t("coordination.attendance.heading")}>
              <AttendancePanel meeting={m} />
            </Section>
            <Section id="meeting-minutes" title={t("coordination.minutes.heading")}>
              <MinutesPanel meeting={m} />
            </Section>
            <Section id="meeting-outcomes" title={t("coordination.outcomes.heading")}>
              <OutcomesPanel meeting={m} />
            </Section>
            {host && canManage && m.status === "scheduled" && (
              <Section id="meeting-cancel" title={t("coordination.meetings.cancelHeading")}>
                <CancelMeetingForm meetingId={m.id} />
              </Section>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
