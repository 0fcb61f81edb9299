import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../components/RouterLink";
import { formatDate } from "../format";
import { ActivityStatusBadge } from "./ActivityStatusBadge";
import { LevelBadge } from "./LevelBadge";
import type { Activity } from "./types";

/** An operation's activities with owner side, unit, due date, level and status. */
export function ActivitiesTable({ activities }: { activities: Activity[] }) {
  const { t, i18n } = useTranslation();
  if (activities.length === 0) return <Text c="dimmed">{t("activities.none")}</Text>;
  const sorted = [...activities].sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || a.title.localeCompare(b.title));
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped highlightOnHover aria-label={t("activities.tableLabel")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={44}>
              {t("activities.number")}
            </Table.Th>
            <Table.Th scope="col" miw={180}>
              {t("activities.title")}
            </Table.Th>
            <Table.Th scope="col">{t("activities.ownerShort")}</Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              {t("activities.unit")}
            </Table.Th>
            <Table.Th scope="col">{t("activities.due")}</Table.Th>
            <Table.Th scope="col">{t("activities.level")}</Table.Th>
            <Table.Th scope="col">{t("activities.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.number ?? "—"}</Table.Td>
              <Table.Th scope="row" fw={400}>
                <RouterLink href={`/activities/${a.id}`}>{a.title}</RouterLink>
              </Table.Th>
              <Table.Td>{a.ownerNode.toUpperCase()}</Table.Td>
              <Table.Td visibleFrom="lg">{a.responsibleUnit}</Table.Td>
              <Table.Td miw={90}>{formatDate(a.dueDate, i18n.language)}</Table.Td>
              <Table.Td>
                <LevelBadge level={a.level} />
              </Table.Td>
              <Table.Td>
                <ActivityStatusBadge status={a.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
