import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { API } from "../api/client";
import { formatDate, formatDateTime } from "../format";
import { LevelBadge } from "./LevelBadge";
import type { Report } from "./types";

/** Both sides' progress reports, newest first, each with the node that posted it. */
export function ReportsList({ reports, ownerNode }: { reports: Report[]; ownerNode: string }) {
  const { t, i18n } = useTranslation();
  if (reports.length === 0) return <Text c="dimmed">{t("reports.none")}</Text>;
  const sorted = [...reports].sort((a, b) => b.date.localeCompare(a.date) || b.postedAt.localeCompare(a.postedAt));
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("reports.heading")}>
      {sorted.map((r) => (
        <Card component="li" withBorder key={r.id} padding="sm" className="print-section">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs">
              <Badge
                color={r.node === ownerNode ? "indigo.8" : "teal.9"}
                radius="sm"
                variant="filled"
                aria-label={t("reports.fromNode", { node: r.node.toUpperCase() })}
              >
                {r.node.toUpperCase()}
              </Badge>
              <Text size="sm" fw={600}>
                {`${r.author} · ${formatDate(r.date, i18n.language)}`}
              </Text>
            </Group>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {t("reports.proposed")}
              </Text>
              <LevelBadge level={r.proposedLevel} />
            </Group>
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: "pre-wrap" }}>
            {r.narrative}
          </Text>
          {r.evidence.length > 0 && (
            <Group gap="sm" mt="xs">
              {r.evidence.map((ev) => (
                <Anchor
                  key={ev.sha256}
                  size="sm"
                  href={`${API}/evidence/${ev.sha256}`}
                  download={ev.name}
                  aria-label={t("reports.download", { name: ev.name })}
                >
                  {`${ev.name} (${Math.ceil(ev.size / 1024)} KB)`}
                </Anchor>
              ))}
            </Group>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t("reports.postedAt", { at: formatDateTime(r.postedAt, i18n.language) })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
