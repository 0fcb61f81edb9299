import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ThreatActorView } from "../../core/coordination/views";
import { SectorLevelBadge } from "../border/SectorLevelBadge";
import { RouterLink } from "../components/RouterLink";
import { formatDate } from "../format";
import { sectorLabel } from "./labels";
import { SideBadge } from "./SideBadge";
import { TlpBadge } from "./TlpBadge";

/** Organised-crime groups: names and aliases, activities, areas, when seen, level and marking. */
export function ThreatActorsTable({ actors }: { actors: ThreatActorView[] }) {
  const { t, i18n } = useTranslation();
  if (actors.length === 0) return <Text c="dimmed">{t("coordination.groups.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped aria-label={t("coordination.groups.heading")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={200}>
              {t("coordination.groups.name")}
            </Table.Th>
            <Table.Th scope="col">{t("coordination.groups.activities")}</Table.Th>
            <Table.Th scope="col">{t("coordination.groups.areas")}</Table.Th>
            <Table.Th scope="col">{t("coordination.groups.seen")}</Table.Th>
            <Table.Th scope="col">{t("coordination.groups.level")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.tlp")}</Table.Th>
            <Table.Th scope="col">{t("coordination.common.writtenBy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actors.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row" fw={400}>
                <RouterLink href={`/coordination/threats/groups/${a.id}`} fw={600}>
                  {a.name}
                </RouterLink>
                {a.aliases.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t("coordination.groups.aka", { aliases: a.aliases.join(", ") })}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{a.activities.map((x) => t(`coordination.crime.${x}`)).join(", ") || "—"}</Table.Td>
              <Table.Td>
                {a.areas.length === 0
                  ? "—"
                  : a.areas.map((x) => (
                      <Text key={x.id} size="sm">
                        {sectorLabel(x)}
                      </Text>
                    ))}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{`${formatDate(a.firstSeen, i18n.language)} –`}</Text>
                <Text size="sm">{formatDate(a.lastSeen, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <SectorLevelBadge level={a.assessedLevel} />
              </Table.Td>
              <Table.Td>
                <TlpBadge tlp={a.tlp} />
              </Table.Td>
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
