import { Box, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LiveState } from "../live/use-live-updates";

const DOT: Record<LiveState, string> = {
  live: "var(--mantine-color-green-8)",
  connecting: "var(--mantine-color-yellow-7)",
  offline: "var(--mantine-color-red-8)",
};

/** Whether live updates are flowing (the page refreshes itself) or not. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" role="status" aria-live="polite">
      <Box w={10} h={10} style={{ borderRadius: "50%", background: DOT[state] }} aria-hidden />
      <Text size="xs" c="dimmed" visibleFrom="md">
        {t(`live.${state}`)}
      </Text>
      <Text size="xs" hiddenFrom="md" className="sr-only">
        {t(`live.${state}`)}
      </Text>
    </Group>
  );
}
