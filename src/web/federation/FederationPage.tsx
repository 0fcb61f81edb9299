import { Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { formatDateTime } from "../format";
import { PeersTable } from "./PeersTable";
import { SpacesTable } from "./SpacesTable";
import { useNodeInfo, usePeers, useQuarantine, useSpaces } from "./use-federation";

/** The federation at a glance: this node, its peers, the spaces they share, quarantine. */
export function FederationPage() {
  const { t, i18n } = useTranslation();
  const node = useNodeInfo();
  const peers = usePeers();
  const spaces = useSpaces();
  const quarantine = useQuarantine();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("federation.title")}
        subtitle={node.data ? t("federation.thisNode", { id: node.data.id.toUpperCase(), name: node.data.name }) : undefined}
      />
      <Paper withBorder p="md" component="section" aria-labelledby="fed-peers">
        <Title order={2} size="h4" mb="sm" id="fed-peers">
          {t("federation.peers")}
        </Title>
        <QueryState query={peers}>{(data) => <PeersTable peers={data} />}</QueryState>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="fed-spaces">
        <Title order={2} size="h4" mb="sm" id="fed-spaces">
          {t("federation.spaces")}
        </Title>
        <QueryState query={spaces}>{(data) => <SpacesTable spaces={data} />}</QueryState>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="fed-quarantine">
        <Title order={2} size="h4" mb="sm" id="fed-quarantine">
          {t("federation.quarantine")}
        </Title>
        <QueryState query={quarantine}>
          {(items) =>
            items.length === 0 ? (
              <Text c="dimmed">{t("federation.noQuarantine")}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table aria-label={t("federation.quarantine")}>
                  <Table.Tbody>
                    {items.map((q) => (
                      <Table.Tr key={q.id}>
                        <Table.Td>{`${q.peer.toUpperCase()} · ${q.origin.toUpperCase()} #${q.seq}`}</Table.Td>
                        <Table.Td>{q.code}</Table.Td>
                        <Table.Td>{q.reason}</Table.Td>
                        <Table.Td>{formatDateTime(q.at, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
    </Stack>
  );
}
