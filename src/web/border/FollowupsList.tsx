import { Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IncidentDetailView } from "../../core/border/views";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { GoodsList } from "./GoodsList";
import { ImpactBadge } from "./ImpactBadge";

/** Follow-up reports, oldest first, each marked with the side that wrote it. */
export function FollowupsList({ followups, ownerNode }: { followups: IncidentDetailView["followups"]; ownerNode: string }) {
  const { t, i18n } = useTranslation();
  if (followups.length === 0) return <Text c="dimmed">{t("incidents.noFollowups")}</Text>;
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("incidents.followupsList")}>
      {followups.map((f) => (
        <Paper key={f.id} withBorder p="sm" component="li" bg={f.authorNode === ownerNode ? undefined : "gray.0"}>
          <Group gap="xs" mb={4}>
            <StatusBadge tone={f.authorNode === "co" ? "yellow" : "indigo"} label={f.authorNode.toUpperCase()} />
            <Text size="xs" c="dimmed">
              {`${formatDateTime(f.postedAt, i18n.language)} · ${f.actor}`}
            </Text>
            {f.impact && <ImpactBadge impact={f.impact} />}
            {f.confidence && <StatusBadge tone="gray" label={`${f.confidence.reliability}${f.confidence.credibility}`} />}
          </Group>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {f.text}
          </Text>
          {f.goods.length > 0 && <GoodsList goods={f.goods} />}
        </Paper>
      ))}
    </Stack>
  );
}
