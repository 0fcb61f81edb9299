import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CrossingView, DeploymentView, SectorView } from "../../core/border/views";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { formatCount } from "./format-quantity";
import { PositionText } from "./PositionText";

/** Deployments, current ones first: unit, side, where (crossing or sector, and the position), from–to, strength. */
export function DeploymentsTable({
  deployments,
  names,
}: {
  deployments: readonly DeploymentView[];
  names: { crossings: readonly CrossingView[]; sectors: readonly SectorView[] };
}) {
  const { t, i18n } = useTranslation();
  if (deployments.length === 0) return <Text c="dimmed">{t("presence.noDeployments")}</Text>;
  const now = Date.now();
  const active = (d: DeploymentView) => Date.parse(d.from) <= now && (!d.to || Date.parse(d.to) > now);
  const sorted = [...deployments].sort((a, b) => Number(active(b)) - Number(active(a)) || b.from.localeCompare(a.from));
  const where = (d: DeploymentView) =>
    names.crossings.find((c) => c.id === d.crossingId)?.name ?? names.sectors.find((s) => s.id === d.sectorId)?.name ?? "—";
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped aria-label={t("presence.deploymentsTab")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("presence.unit")}</Table.Th>
            <Table.Th scope="col">{t("presence.side")}</Table.Th>
            <Table.Th scope="col">{t("presence.where")}</Table.Th>
            <Table.Th scope="col">{t("presence.from")}</Table.Th>
            <Table.Th scope="col">{t("presence.to")}</Table.Th>
            <Table.Th scope="col">{t("presence.strength")}</Table.Th>
            <Table.Th scope="col">{t("presence.state")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Th scope="row" fw={500}>
                {d.unit}
              </Table.Th>
              <Table.Td>{d.ownerNode.toUpperCase()}</Table.Td>
              <Table.Td>
                <Text size="sm">{where(d)}</Text>
                <PositionText position={d.location} mgrs={d.location.mgrs} size="xs" />
              </Table.Td>
              <Table.Td>{formatDateTime(d.from, i18n.language)}</Table.Td>
              <Table.Td>{d.to ? formatDateTime(d.to, i18n.language) : t("presence.open")}</Table.Td>
              <Table.Td>{formatCount(d.strength, i18n.language)}</Table.Td>
              <Table.Td>
                {active(d) ? (
                  <StatusBadge tone="green" label={t("presence.active")} />
                ) : (
                  <StatusBadge tone="gray" label={t("presence.ended")} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
