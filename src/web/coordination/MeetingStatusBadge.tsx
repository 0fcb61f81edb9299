import { Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeetingView } from "../../core/coordination/views";
import { StatusBadge } from "../components/StatusBadge";

/** Where a meeting stands: cancelled, held with minutes, or scheduled; and how many outcomes it has. */
export function MeetingStatusBadge({ meeting }: { meeting: Pick<MeetingView, "status" | "hasMinutes" | "outcomeCount" | "endUtc"> }) {
  const { t } = useTranslation();
  const past = Date.parse(meeting.endUtc) < Date.now();
  return (
    <Group gap={4} wrap="wrap">
      {meeting.status === "cancelled" ? (
        <StatusBadge tone="red" label={t("coordination.meetings.status.cancelled")} />
      ) : meeting.hasMinutes ? (
        <StatusBadge tone="green" label={t("coordination.meetings.status.minuted")} />
      ) : past ? (
        <StatusBadge tone="orange" label={t("coordination.meetings.status.noMinutes")} />
      ) : (
        <StatusBadge tone="blue" label={t("coordination.meetings.status.scheduled")} />
      )}
      {meeting.outcomeCount > 0 && (
        <StatusBadge tone="gray" label={t("coordination.meetings.outcomeCount", { count: meeting.outcomeCount })} />
      )}
    </Group>
  );
}
