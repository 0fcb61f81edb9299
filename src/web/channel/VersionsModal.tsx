import { Modal, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState";
import { formatMoment } from "./channel-format";
import { SafeHtml } from "./SafeHtml";
import { useVersions } from "./use-messages";

/** Every version of an edited message, newest first, each with the time it was written. */
export function VersionsModal({ id, opened, onClose }: { id: string; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const versions = useVersions(id, opened);
  return (
    <Modal opened={opened} onClose={onClose} title={t("channel.history.title")} size="lg">
      <QueryState query={versions}>
        {(list) => (
          <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {[...list].reverse().map((v) => (
              <Paper component="li" key={v.version} withBorder p="sm">
                <Text size="xs" c="dimmed" mb={4}>
                  {t("channel.history.version", { version: v.version, time: formatMoment(v.at, i18n.language) })}
                </Text>
                <SafeHtml html={v.html} />
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
