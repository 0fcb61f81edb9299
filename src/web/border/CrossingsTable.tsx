import { Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CrossingView, SectorView } from "../../core/border/views";
import { StatusBadge } from "../components/StatusBadge";
import { CrossingStatusBadge } from "./CrossingStatusBadge";
import { PositionText } from "./PositionText";
import { SectorLevelBadge } from "./SectorLevelBadge";

/** Crossings as a table; only the side that recorded a crossing gets its Edit button. */
export function CrossingsTable({
  crossings,
  sectors,
  myNode,
  onEdit,
}: {
  crossings: readonly CrossingView[];
  sectors: readonly SectorView[];
  myNode: string;
  onEdit: (c: CrossingView) => void;
}) {
  const { t } = useTranslation();
  if (crossings.length === 0) return <Text c="dimmed">{t("crossings.none")}</Text>;
  const sectorName = (id: string | null) => sectors.find((s) => s.id === id)?.code ?? "—";
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table striped highlightOnHover aria-label={t("crossings.tableLabel", { count: crossings.length })} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("crossings.name")}</Table.Th>
            <Table.Th scope="col">{t("crossings.categoryLabel")}</Table.Th>
            <Table.Th scope="col">{t("crossings.modes")}</Table.Th>
            <Table.Th scope="col">{t("crossings.statusLabel")}</Table.Th>
            <Table.Th scope="col">{t("crossings.risk")}</Table.Th>
            <Table.Th scope="col">{t("crossings.sector")}</Table.Th>
            <Table.Th scope="col">{t("crossings.side")}</Table.Th>
            <Table.Th scope="col">{t("crossings.position")}</Table.Th>
            <Table.Th scope="col">
              <span className="sr-only">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {crossings.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={600}>
                {c.name}
                {c.approximate && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {t("crossings.approximateShort")}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                <StatusBadge tone={c.category === "formal" ? "blue" : "grape"} label={t(`crossings.category.${c.category}`)} />
              </Table.Td>
              <Table.Td>{c.modes.map((m) => t(`crossings.mode.${m}`)).join(", ")}</Table.Td>
              <Table.Td>
                <CrossingStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <SectorLevelBadge level={c.risk} />
              </Table.Td>
              <Table.Td ff="monospace">{sectorName(c.sectorId)}</Table.Td>
              <Table.Td>{c.ownerNode.toUpperCase()}</Table.Td>
              <Table.Td>
                <PositionText position={c.location} mgrs={c.location.mgrs} size="xs" />
              </Table.Td>
              <Table.Td>
                {c.ownerNode === myNode && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => onEdit(c)} aria-label={t("crossings.editTitle", { name: c.name })}>
                      {t("crossings.edit")}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
