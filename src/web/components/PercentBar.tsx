import { Group, Progress, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatPercent } from "../format";

/** A roll-up percentage as a bar with its number; the bar's accessible name says what it measures. */
export function PercentBar({ value, label, size = "md" }: { value: number; label: string; size?: "sm" | "md" | "lg" }) {
  const { i18n } = useTranslation();
  const text = formatPercent(value, i18n.language);
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Progress value={value} size={size} style={{ flex: 1, minWidth: 60 }} aria-label={`${label}: ${text}`} color="indigo.8" />
      <Text size="sm" fw={600} w={56} ta="right" aria-hidden>
        {text}
      </Text>
    </Group>
  );
}
