import { Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../format";
import { ActivityStatusBadge } from "./ActivityStatusBadge";
import { LevelBadge } from "./LevelBadge";
import type { Activity } from "./types";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** The activity's facts at a glance: owner, unit, dates, level, status, milestones. */
export function ActivityFacts({ activity: a }: { activity: Activity }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        <Fact label={t("activities.owner")}>{a.ownerNode.toUpperCase()}</Fact>
        <Fact label={t("activities.unit")}>{a.responsibleUnit}</Fact>
        <Fact label={t("activities.start")}>{formatDate(a.startDate, i18n.language)}</Fact>
        <Fact label={t("activities.due")}>{formatDate(a.dueDate, i18n.language)}</Fact>
        <Fact label={t("activities.level")}>
          <LevelBadge level={a.level} />
        </Fact>
        <Fact label={t("activities.status")}>
          <ActivityStatusBadge status={a.status} />
        </Fact>
      </SimpleGrid>
      {a.description && <Text style={{ whiteSpace: "pre-wrap" }}>{a.description}</Text>}
      {a.milestones.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("milestones.label")}
          </Text>
          {a.milestones.map((m) => (
            <Group key={`${m.title}-${m.dueDate}`} gap="xs">
              <Text size="sm">{m.doneOn ? "✓" : "○"}</Text>
              <Text size="sm">{m.title}</Text>
              <Text size="sm" c="dimmed">
                {m.doneOn
                  ? t("milestones.doneOn", { date: formatDate(m.doneOn, i18n.language) })
                  : t("milestones.dueOn", { date: formatDate(m.dueDate, i18n.language) })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
