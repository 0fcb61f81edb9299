import { Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import type { SpaceView } from "./use-federation";

/** Shared spaces with their members and whether each has joined. */
export function SpacesTable({ spaces }: { spaces: SpaceView[] }) {
  const { t, i18n } = useTranslation();
  if (spaces.length === 0) return <Text c="dimmed">{t("federation.noSpaces")}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={t("federation.spaces")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("federation.space")}</Table.Th>
            <Table.Th scope="col">{t("federation.members")}</Table.Th>
            <Table.Th scope="col">{t("federation.createdBy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spaces.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Th scope="row" fw={400}>
                <Text fw={600} size="sm">
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {s.id}
                </Text>
              </Table.Th>
              <Table.Td>
                <Group gap={4}>
                  {s.members.map((m) => (
                    <StatusBadge key={m.node} tone={m.joined ? "green" : "gray"}>
                      {`${m.node.toUpperCase()} · ${t(m.joined ? "federation.joined" : "federation.invited")}`}
                    </StatusBadge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{`${s.createdBy.toUpperCase()} · ${formatDateTime(s.createdAt, i18n.language)}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
