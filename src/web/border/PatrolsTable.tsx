import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CrossingView, PatrolView, SectorView } from "../../core/border/views";
import { formatDateTime } from "../format";

/** Patrol reports of the last week, newest first: unit, side, sector, time, crossings visited, findings. */
export function PatrolsTable({
  patrols,
  names,
}: {
  patrols: readonly PatrolView[];
  names: { crossings: readonly CrossingView[]; sectors: readonly SectorView[] };
}) {
  const { t, i18n } = useTranslation();
  if (patrols.length === 0) return <Text c="dimmed">{t("presence.noPatrols")}</Text>;
  const sorted = [...patrols].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const crossing = (id: string) => names.crossings.find((c) => c.id === id)?.name ?? "—";
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={t("presence.patrolsTab")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("presence.unit")}</Table.Th>
            <Table.Th scope="col">{t("presence.side")}</Table.Th>
            <Table.Th scope="col">{t("presence.sector")}</Table.Th>
            <Table.Th scope="col">{t("presence.startedAt")}</Table.Th>
            <Table.Th scope="col">{t("presence.endedAt")}</Table.Th>
            <Table.Th scope="col">{t("presence.visited")}</Table.Th>
            <Table.Th scope="col">{t("presence.findings")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500}>
                {p.unit}
              </Table.Th>
              <Table.Td>{p.ownerNode.toUpperCase()}</Table.Td>
              <Table.Td>{names.sectors.find((s) => s.id === p.sectorId)?.code ?? "—"}</Table.Td>
              <Table.Td>{formatDateTime(p.startedAt, i18n.language)}</Table.Td>
              <Table.Td>{formatDateTime(p.endedAt, i18n.language)}</Table.Td>
              <Table.Td>{p.crossingIds.map(crossing).join(", ") || "—"}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {p.findings || "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
