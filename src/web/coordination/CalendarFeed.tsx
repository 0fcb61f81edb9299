import { Anchor, Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { API } from "../api/client";

/**
 * A unit's iCalendar subscription feed: its address to paste into a calendar application,
 * and the file itself. The feed answers to a session or an API token (Authorization: Bearer).
 */
export function CalendarFeed({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "es";
  const path = `${API}/units/${encodeURIComponent(unitId)}/calendar.ics?lang=${lang}`;
  const url = `${window.location.origin}${path}`;
  return (
    <Stack gap="xs">
      <Text size="sm">{t("coordination.units.feedHelp")}</Text>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput label={t("coordination.units.feedUrl")} value={url} readOnly style={{ flex: 1 }} ff="monospace" />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} aria-live="polite">
              {copied ? t("coordination.common.copied") : t("coordination.common.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t("coordination.units.feedToken")}
      </Text>
      <Anchor href={path} download={`unidad-${unitId}.ics`} size="sm">
        {t("coordination.units.feedDownload")}
      </Anchor>
    </Stack>
  );
}
