import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePeers } from "../federation/use-federation";
import { PeerBadge } from "./PeerBadge";

/** Every peer's state, always visible in the header. */
export function PeerStatusList() {
  const { t } = useTranslation();
  const peers = usePeers();
  if (peers.isError)
    return (
      <Text size="sm" c="red.9">
        {t("header.peersUnknown")}
      </Text>
    );
  if (!peers.data) return null;
  if (peers.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("header.noPeers")}
      </Text>
    );
  return (
    <Group component="ul" gap={6} wrap="nowrap" aria-label={t("header.peers")} m={0} p={0} style={{ listStyle: "none" }}>
      {peers.data.map((p) => (
        <PeerBadge key={p.node} peer={p} />
      ))}
    </Group>
  );
}
