import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNodeInfo } from "../federation/use-federation";

/** Which node this console is talking to: the one fact a user must never be unsure of. */
export function NodeIdentity() {
  const { t } = useTranslation();
  const node = useNodeInfo();
  if (!node.data) return <Text size="sm">{t("header.nodeLoading")}</Text>;
  const { id, name, country } = node.data;
  return (
    <Group gap={6} wrap="nowrap" miw={0} aria-label={t("header.nodeLabel", { id, name })} role="group">
      <Badge variant="filled" color="indigo" size="lg" radius="sm" aria-hidden>
        {country || id}
      </Badge>
      <Text size="sm" fw={600} truncate="end" visibleFrom="xs" aria-hidden>
        {name}
      </Text>
    </Group>
  );
}
