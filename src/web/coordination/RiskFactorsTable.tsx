import { Button, Modal, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RiskFactorView } from "../../core/coordination/views";
import { SectorLevelBadge } from "../border/SectorLevelBadge";
import { StatusBadge } from "../components/StatusBadge";
import { formatDate } from "../format";
import { sectorLabel } from "./labels";
import { RiskFactorForm } from "./RiskFactorForm";
import { SideBadge } from "./SideBadge";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";

/** Risk factors per sector, sorted by sector; this side's own ones can be changed. */
export function RiskFactorsTable({ factors }: { factors: RiskFactorView[] }) {
  const { t, i18n } = useTranslation();
  const me = useMyNode();
  const canManage = useCanCoordinate("threat.manage");
  const [editing, setEditing] = useState<RiskFactorView | null>(null);
  if (factors.length === 0) return <Text c="dimmed">{t("coordination.risks.none")}</Text>;
  const sorted = [...factors].sort((a, b) => sectorLabel(a.sector).localeCompare(sectorLabel(b.sector)) || a.title.localeCompare(b.title));
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped aria-label={t("coordination.risks.heading")} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("coordination.risks.sector")}</Table.Th>
              <Table.Th scope="col">{t("coordination.risks.title")}</Table.Th>
              <Table.Th scope="col">{t("coordination.risks.category")}</Table.Th>
              <Table.Th scope="col">{t("coordination.common.level")}</Table.Th>
              <Table.Th scope="col">{t("coordination.common.status")}</Table.Th>
              <Table.Th scope="col">{t("coordination.common.writtenBy")}</Table.Th>
              <Table.Th scope="col">
                <span className="sr-only">{t("common.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{sectorLabel(f.sector)}</Table.Td>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" fw={600}>
                    {f.title}
                  </Text>
                  {f.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {f.description}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {t("coordination.common.updated", { date: formatDate(f.updatedAt, i18n.language) })}
                  </Text>
                </Table.Th>
                <Table.Td>{t(`coordination.riskCategory.${f.category}`)}</Table.Td>
                <Table.Td>
                  <SectorLevelBadge level={f.level} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge tone={f.status === "active" ? "orange" : "gray"} label={t(`coordination.risks.statuses.${f.status}`)} />
                </Table.Td>
                <Table.Td>
                  <SideBadge node={f.ownerNode} />
                </Table.Td>
                <Table.Td>
                  {canManage && f.ownerNode === me && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setEditing(f)}
                      aria-label={t("coordination.risks.editNamed", { title: f.title })}
                    >
                      {t("coordination.common.change")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t("coordination.risks.edit")} size="lg">
        {editing && <RiskFactorForm factor={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}
