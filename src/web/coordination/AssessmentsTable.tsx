import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AssessmentView } from "../../core/coordination/views";
import { SectorLevelBadge } from "../border/SectorLevelBadge";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { formatDate } from "../format";
import { ConfidenceBadge } from "./ConfidenceBadge";
import { sectorLabel } from "./labels";
import { SideBadge } from "./SideBadge";
import { TlpBadge } from "./TlpBadge";

/** Threat assessments: what is assessed, level, confidence, marking, revision and state. */
export function AssessmentsTable({ assessments, label }: { assessments: AssessmentView[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (assessments.length === 0) return <Text c="dimmed">{t("coordination.assessments.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("coordination.assessments.summary")}</Table.Th>
            <Table.Th scope="col">{t("coordination.assessments.subject")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.level")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.confidence")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.tlp")}</Table.Th>
            <Table.Th scope="col">{t("coordination.assessments.revision")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.writtenBy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assessments.map((a) => (
            <Table.Tr key={a.id} style={a.status === "withdrawn" ? { opacity: 0.7 } : undefined}>
              <Table.Th scope="row" fw={400}>
                <RouterLink href={`/coordination/threats/assessments/${a.id}`} fw={600}>
                  {a.summary}
                </RouterLink>
                {a.status === "withdrawn" && <StatusBadge tone="gray" size="xs" ml={6} label={t("coordination.assessments.withdrawn")} />}
              </Table.Th>
              <Table.Td>
                {a.threatActor && (
                  <RouterLink size="sm" href={`/coordination/threats/groups/${a.threatActor.id}`}>
                    {a.threatActor.name ?? a.threatActor.id}
                  </RouterLink>
                )}
                {a.threatActor && a.sector && <br />}
                {a.sector && (
                  <Text size="sm" span>
                    {sectorLabel(a.sector)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SectorLevelBadge level={a.level} />
              </Table.Td>
              <Table.Td>
                <ConfidenceBadge confidence={a.confidence} />
              </Table.Td>
              <Table.Td>
                <TlpBadge tlp={a.tlp} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{`${a.revision} · ${formatDate(a.updatedAt, i18n.language)}`}</Table.Td>
              <Table.Td>
                <SideBadge node={a.ownerNode} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
