import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { StatusBadge, type Tone } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import type { PeerStatus } from "./use-federation";

const COLOR: Record<PeerStatus["status"], Tone> = { connected: "green", unreachable: "red", quarantined: "orange", pending: "gray" };

/** Every peer with its state, lag, last contact, quarantine count and last error. */
export function PeersTable({ peers }: { peers: PeerStatus[] }) {
  const { t, i18n } = useTranslation();
  if (peers.length === 0) return <Text c="dimmed">{t("federation.noPeers")}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t("federation.peers")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("federation.node")}</Table.Th>
            <Table.Th scope="col">{t("federation.state")}</Table.Th>
            <Table.Th scope="col">{t("federation.lag")}</Table.Th>
            <Table.Th scope="col">{t("federation.lastContact")}</Table.Th>
            <Table.Th scope="col">{t("federation.quarantined")}</Table.Th>
            <Table.Th scope="col">{t("federation.lastError")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {peers.map((p) => (
            <Table.Tr key={p.node}>
              <Table.Th scope="row" fw={400}>
                <Text fw={600} size="sm">{`${p.node.toUpperCase()} — ${p.name}`}</Text>
                <Text size="xs" c="dimmed">
                  {p.url}
                </Text>
              </Table.Th>
              <Table.Td>
                <StatusBadge tone={COLOR[p.status]} label={t(`peer.status.${p.status}`)} />
              </Table.Td>
              <Table.Td>{p.lagEvents}</Table.Td>
              <Table.Td>{p.lastContact ? formatDateTime(p.lastContact, i18n.language) : t("peer.never")}</Table.Td>
              <Table.Td>{p.quarantined}</Table.Td>
              <Table.Td>
                <Text size="xs" c={p.lastError ? "red.9" : "dimmed"}>
                  {p.lastError ?? "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
