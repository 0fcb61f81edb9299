import { Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CrossingView, IncidentView, SectorView } from "../../core/border/views";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { formatQuantity } from "./format-quantity";
import { ImpactBadge } from "./ImpactBadge";

/** Incidents as a table, each linked to its page; late first reports and closed ones are marked. */
export function IncidentsTable({
  incidents,
  sectors,
  crossings,
}: {
  incidents: readonly IncidentView[];
  sectors: readonly SectorView[];
  crossings: readonly CrossingView[];
}) {
  const { t, i18n } = useTranslation();
  if (incidents.length === 0) return <Text c="dimmed">{t("incidents.none")}</Text>;
  const goods = (i: IncidentView) =>
    i.goods.map((g) => `${formatQuantity(g.quantity, g.unit, i18n.language, t)} ${t(`incidents.goodsCategory.${g.category}`)}`).join(", ");
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table striped highlightOnHover aria-label={t("incidents.pageTitle")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("incidents.occurredAt")}</Table.Th>
            <Table.Th scope="col">{t("incidents.typeLabel")}</Table.Th>
            <Table.Th scope="col">{t("incidents.side")}</Table.Th>
            <Table.Th scope="col">{t("incidents.sector")}</Table.Th>
            <Table.Th scope="col">{t("incidents.crossing")}</Table.Th>
            <Table.Th scope="col">{t("incidents.impactLabel")}</Table.Th>
            <Table.Th scope="col">{t("incidents.goods")}</Table.Th>
            <Table.Th scope="col">{t("incidents.statusLabel")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incidents.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <RouterLink
                  href={`/border/incidents/${i.id}`}
                  aria-label={t("incidents.openLabel", {
                    type: t(`incidents.type.${i.type}`),
                    at: formatDateTime(i.occurredAt, i18n.language),
                  })}
                >
                  {formatDateTime(i.occurredAt, i18n.language)}
                </RouterLink>
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {t(`incidents.type.${i.type}`)}
              </Table.Th>
              <Table.Td>{i.ownerNode.toUpperCase()}</Table.Td>
              <Table.Td ff="monospace">{sectors.find((s) => s.id === i.sectorId)?.code ?? "—"}</Table.Td>
              <Table.Td>{crossings.find((c) => c.id === i.crossingId)?.name ?? "—"}</Table.Td>
              <Table.Td>
                <ImpactBadge impact={i.impact} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {goods(i) || "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <StatusBadge tone={i.status === "open" ? "blue" : "gray"} label={t(`incidents.status.${i.status}`)} />
                  {i.lateReport && <StatusBadge tone="orange" label={t("incidents.late")} />}
                  {i.followupCount > 0 && <StatusBadge tone="indigo" label={t("incidents.followupCount", { count: i.followupCount })} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
