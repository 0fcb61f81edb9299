import { Button, Group, List, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeetingDetailView, OutcomeView } from "../../core/coordination/views";
import { ActivityStatusBadge } from "../commitments/ActivityStatusBadge";
import { LevelBadge } from "../commitments/LevelBadge";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge, type Tone } from "../components/StatusBadge";
import { formatDate, formatDateTime } from "../format";
import { unitLabel } from "./labels";
import { OutcomeForm } from "./OutcomeForm";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";

const TONE: Record<OutcomeView["kind"], Tone> = { information: "gray", decision: "indigo", action: "teal" };

/** An action item's follow-through: who owns it, when it is due, and the activity it became. */
function ActionLine({ action }: { action: NonNullable<OutcomeView["action"]> }) {
  const { t, i18n } = useTranslation();
  const owner = action.ownerUnit ? unitLabel(action.ownerUnit) : action.ownerNode.toUpperCase();
  return (
    <Stack gap={4} mt={4}>
      <Text size="sm">{t("coordination.outcomes.ownerDue", { owner, due: formatDate(action.dueDate, i18n.language) })}</Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" span>
          {t("coordination.outcomes.activity")}{" "}
          <RouterLink size="sm" href={`/activities/${action.activityId}`}>
            {action.activity?.title ?? t("coordination.outcomes.openActivity")}
          </RouterLink>
        </Text>
        {action.activity && (
          <>
            <LevelBadge level={action.activity.level} />
            <ActivityStatusBadge status={action.activity.status} />
          </>
        )}
      </Group>
    </Stack>
  );
}

/** The meeting's outcomes, typed; action items link to the activities they became; the host adds more. */
export function OutcomesPanel({ meeting }: { meeting: MeetingDetailView }) {
  const { t, i18n } = useTranslation();
  const me = useMyNode();
  const canRecord = useCanCoordinate("meeting.manage") && meeting.ownerNode === me && meeting.status === "scheduled";
  const [adding, setAdding] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const agendaTitle = (id: string | null) => {
    const i = meeting.agenda.findIndex((a) => a.id === id);
    return i < 0 ? null : `${i + 1}. ${meeting.agenda[i]?.title}`;
  };
  return (
    <Stack gap="sm">
      {meeting.outcomes.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("coordination.outcomes.none")}
        </Text>
      ) : (
        <List listStyleType="none" spacing="sm" aria-label={t("coordination.outcomes.heading")} p={0}>
          {meeting.outcomes.map((o) => (
            <List.Item key={o.id} style={{ borderLeft: `3px solid var(--mantine-color-${TONE[o.kind]}-5)`, paddingLeft: 10 }}>
              <Group gap="xs" wrap="wrap">
                <StatusBadge tone={TONE[o.kind]} label={t(`coordination.outcomes.kinds.${o.kind}`)} />
                {agendaTitle(o.agendaItemId) && (
                  <Text size="xs" c="dimmed">
                    {t("coordination.outcomes.onItem", { item: agendaTitle(o.agendaItemId) })}
                  </Text>
                )}
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                {o.text}
              </Text>
              {o.action && <ActionLine action={o.action} />}
              <Text size="xs" c="dimmed" mt={2}>
                {`${o.recordedBy} · ${formatDateTime(o.recordedAt, i18n.language)}`}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {recorded && !adding && (
        <Text size="sm" c="green.9" role="status">
          {t("coordination.outcomes.recorded")}
        </Text>
      )}
      {canRecord &&
        (adding ? (
          <OutcomeForm
            meeting={meeting}
            onDone={() => {
              setAdding(false);
              setRecorded(true);
            }}
          />
        ) : (
          <Button variant="light" onClick={() => setAdding(true)} style={{ alignSelf: "flex-start" }}>
            {t("coordination.outcomes.new")}
          </Button>
        ))}
    </Stack>
  );
}
