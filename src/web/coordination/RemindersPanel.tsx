import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../components/RouterLink";
import { meetingWhen } from "./meeting-time";
import { Section } from "./Section";
import { useDueReminders } from "./use-unit-meetings";

/** Reminders due now for this side's meetings (the node also pushes them on its event stream). */
export function RemindersPanel() {
  const { t, i18n } = useTranslation();
  const due = useDueReminders();
  const items = due.data ?? [];
  if (items.length === 0) return null;
  return (
    <Section id="meeting-reminders" title={t("coordination.meetings.remindersDue")}>
      <List spacing={4} size="sm">
        {items.map((r) => (
          <List.Item key={r.key}>
            <RouterLink size="sm" href={`/coordination/meetings/${r.meetingId}`}>
              {r.title}
            </RouterLink>
            <Text span size="sm" c="dimmed">
              {` — ${meetingWhen({ startUtc: r.startUtc, endUtc: r.startUtc, timezone: r.timezone }, i18n.language)} · ${t(
                `coordination.reminderOffset.${r.minutesBefore}`,
                { defaultValue: t("coordination.meetings.minutesBefore", { count: r.minutesBefore }) },
              )}`}
            </Text>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
