import { Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { ProblemAlert } from "../components/ProblemAlert";

/**
 * A link to subscribe to one unit's meetings from a calendar application (Outlook, Thunderbird,
 * a phone's calendar), which cannot log in: each link is backed by an API token of the user's
 * own, so it is revoked from the tokens page like any other.
 */
export function CalendarSubscribe({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const link = useMutation({
    mutationFn: () => api<{ url: string; tokenId: string }>(`/units/${unitId}/calendar-link`, { method: "POST" }),
  });
  return (
    <Stack gap="xs">
      {link.data ? (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label={t("coordination.meetings.subscribeLink")} value={link.data.url} readOnly style={{ flex: 1 }} miw={320} />
          <CopyButton value={link.data.url}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t("coordination.meetings.subscribeCopied") : t("coordination.meetings.subscribeCopy")}
              </Button>
            )}
          </CopyButton>
        </Group>
      ) : (
        <Group>
          <Button variant="default" onClick={() => link.mutate()} loading={link.isPending}>
            {t("coordination.meetings.subscribe")}
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t("coordination.meetings.subscribeHelp")}
      </Text>
      <ProblemAlert error={link.error} />
    </Stack>
  );
}
