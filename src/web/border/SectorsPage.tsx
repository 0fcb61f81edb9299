import { Anchor, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SectorView } from "../../core/border/views";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { StatusBadge } from "../components/StatusBadge";
import { SectorLevelBadge } from "./SectorLevelBadge";
import { SectorLevelPanel } from "./SectorLevelPanel";
import { useCrossings } from "./use-crossings";
import { useSectors } from "./use-sectors";

function unitsOf(s: SectorView, side: string): string {
  return (
    s.units
      .filter((u) => u.node === side)
      .map((u) => u.name)
      .join(", ") || "—"
  );
}

/**
 * The sectors of the border with the units each side holds responsible, their agreed level,
 * and for the one selected the level's history with the propose / accept / reject controls.
 */
export function SectorsPage() {
  const { t } = useTranslation();
  const sectors = useSectors();
  const crossings = useCrossings();
  const [selected, setSelected] = useState<string | null>(null);
  const informal = (id: string) => (crossings.data ?? []).filter((c) => c.sectorId === id && c.category === "informal").length;
  return (
    <Stack gap="lg">
      <PageHeader title={t("sectors.pageTitle")} subtitle={t("sectors.pageSubtitle")} />
      <QueryState query={sectors}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t("sectors.none")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover aria-label={t("sectors.pageTitle")} verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("sectors.code")}</Table.Th>
                    <Table.Th scope="col">{t("sectors.name")}</Table.Th>
                    <Table.Th scope="col">{t("sectors.unitOf", { side: "CO" })}</Table.Th>
                    <Table.Th scope="col">{t("sectors.unitOf", { side: "VE" })}</Table.Th>
                    <Table.Th scope="col">{t("sectors.informalCrossings")}</Table.Th>
                    <Table.Th scope="col">{t("sectors.levelLabel")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((s) => (
                    <Table.Tr key={s.id} aria-selected={selected === s.id} bg={selected === s.id ? "indigo.0" : undefined}>
                      <Table.Td ff="monospace">{s.code}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        <Anchor
                          component="button"
                          type="button"
                          fw={600}
                          onClick={() => setSelected(s.id)}
                          aria-expanded={selected === s.id}
                        >
                          {s.name}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{unitsOf(s, "co")}</Table.Td>
                      <Table.Td>{unitsOf(s, "ve")}</Table.Td>
                      <Table.Td>{informal(s.id)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <SectorLevelBadge level={s.level} />
                          {s.pendingProposal && (
                            <StatusBadge
                              tone="grape"
                              label={t("sectors.pendingShort", {
                                level: t(`sectors.level.${s.pendingProposal.level}`),
                                side: s.pendingProposal.proposedBy.toUpperCase(),
                              })}
                            />
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {selected ? (
        <Paper withBorder p="md">
          <SectorLevelPanel id={selected} />
        </Paper>
      ) : (
        (sectors.data?.length ?? 0) > 0 && (
          <Text size="sm" c="dimmed">
            {t("sectors.selectHint")}
          </Text>
        )
      )}
    </Stack>
  );
}
