import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "../../core/coordination/views";
import { RouterLink } from "../components/RouterLink";
import { unitLabel } from "./labels";
import { MeetingStatusBadge } from "./MeetingStatusBadge";
import { meetingWhen } from "./meeting-time";

/** How many units of a meeting confirmed they attend, of how many. */
function attendanceSummary(m: MeetingView): { yes: number; all: number } {
  return { yes: m.attendance.filter((a) => a.status === "attending").length, all: m.attendance.length };
}

/** Regional-unit meetings: when (where they are held), title and place, host, invited units, state. */
export function MeetingsTable({ meetings, label }: { meetings: MeetingView[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (meetings.length === 0) return <Text c="dimmed">{t("coordination.meetings.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("coordination.meetings.when")}</Table.Th>
            <Table.Th scope="col">{t("coordination.meetings.meeting")}</Table.Th>
            <Table.Th scope="col">{t("coordination.meetings.host")}</Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              {t("coordination.meetings.invited")}
            </Table.Th>
            <Table.Th scope="col">{t("coordination.meetings.attendance")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((m) => {
            const a = attendanceSummary(m);
            return (
              <Table.Tr key={m.id}>
                <Table.Td miw={170}>
                  <Text size="sm">{meetingWhen(m, i18n.language)}</Text>
                </Table.Td>
                <Table.Th scope="row" fw={400}>
                  <RouterLink href={`/coordination/meetings/${m.id}`} fw={600} td={m.status === "cancelled" ? "line-through" : undefined}>
                    {m.title}
                  </RouterLink>
                  {m.place && (
                    <Text size="xs" c="dimmed">
                      {m.place}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{unitLabel(m.hostUnit)}</Table.Td>
                <Table.Td visibleFrom="lg">{m.invitedUnits.map(unitLabel).join("; ")}</Table.Td>
                <Table.Td>{t("coordination.meetings.confirmedOf", { yes: a.yes, all: a.all })}</Table.Td>
                <Table.Td>
                  <MeetingStatusBadge meeting={m} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
