import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IntelReportView } from "../../core/coordination/views";
import { FactList } from "../border/FactList";
import { useCrossings } from "../border/use-crossings";
import { RouterLink } from "../components/RouterLink";
import { sectorLabel } from "./labels";

/** What a report points at: groups and incidents as links, sectors and crossings by name. */
export function ReportLinks({ report }: { report: IntelReportView }) {
  const { t } = useTranslation();
  const crossings = useCrossings();
  const none = (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
  const list = (items: { key: string; node: React.ReactNode }[]) =>
    items.length === 0 ? (
      none
    ) : (
      <List size="sm" spacing={2}>
        {items.map((i) => (
          <List.Item key={i.key}>{i.node}</List.Item>
        ))}
      </List>
    );
  return (
    <FactList
      facts={[
        [
          t("coordination.links.threatActorIds"),
          list(
            report.links.threatActorIds.map((id) => ({
              key: id,
              node: (
                <RouterLink size="sm" href={`/coordination/threats/groups/${id}`}>
                  {report.threatActors.find((a) => a.id === id)?.name ?? id}
                </RouterLink>
              ),
            })),
          ),
        ],
        [t("coordination.links.sectorIds"), list(report.sectors.map((s) => ({ key: s.id, node: sectorLabel(s) })))],
        [
          t("coordination.links.crossingIds"),
          list(report.links.crossingIds.map((id) => ({ key: id, node: crossings.data?.find((c) => c.id === id)?.name ?? id }))),
        ],
        [
          t("coordination.links.incidentIds"),
          list(
            report.links.incidentIds.map((id, i) => ({
              key: id,
              node: (
                <RouterLink size="sm" href={`/border/incidents/${id}`}>
                  {t("coordination.links.incidentN", { n: i + 1 })}
                </RouterLink>
              ),
            })),
          ),
        ],
      ]}
    />
  );
}
