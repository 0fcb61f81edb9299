import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IntelReportView } from "../../core/coordination/views";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { ConfidenceBadge } from "./ConfidenceBadge";
import { SideBadge } from "./SideBadge";
import { TlpBadge } from "./TlpBadge";
import { useSpaceName } from "./use-space-names";

/** Intelligence reports: summary, where they live, originator, marking, confidence, date. */
export function IntelReportsTable({ reports, label }: { reports: IntelReportView[]; label: string }) {
  const { t, i18n } = useTranslation();
  const spaceName = useSpaceName();
  if (reports.length === 0) return <Text c="dimmed">{t("coordination.intel.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("coordination.intel.summary")}</Table.Th>
            <Table.Th scope="col">{t("coordination.intel.space")}</Table.Th>
            <Table.Th scope="col">{t("coordination.intel.originator")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.tlp")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.confidence")}</Table.Th>
            <Table.Th scope="col">{t("coordination.intel.written")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((r) => (
            <Table.Tr key={r.id} style={r.status === "withdrawn" ? { opacity: 0.7 } : undefined}>
              <Table.Th scope="row" fw={400}>
                <RouterLink href={`/coordination/intel/${r.id}`} fw={600}>
                  {r.summary}
                </RouterLink>
                <Text size="xs" c="dimmed">
                  {[
                    ...(r.derivedFrom ? [t("coordination.intel.isCopy")] : []),
                    ...(r.releasedAs.length > 0 ? [t("coordination.intel.releasedCount", { count: r.releasedAs.length })] : []),
                  ].join(" · ")}
                </Text>
                {r.status === "withdrawn" && <StatusBadge tone="gray" size="xs" label={t("coordination.intel.withdrawn")} />}
              </Table.Th>
              <Table.Td>{spaceName(r.space)}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.originator}</Text>
                <SideBadge node={r.originatorNode} />
              </Table.Td>
              <Table.Td>
                <TlpBadge tlp={r.tlp} />
              </Table.Td>
              <Table.Td>
                <ConfidenceBadge confidence={r.confidence} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(r.createdAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
