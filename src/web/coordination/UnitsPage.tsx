import { Button, Group, Paper, Stack, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import type { UnitView } from "../../core/coordination/views";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { sectorLabel } from "./labels";
import { Section } from "./Section";
import { UnitForm } from "./UnitForm";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useUnits } from "./use-units";

function UnitsTable({ units, label }: { units: UnitView[]; label: string }) {
  const { t } = useTranslation();
  if (units.length === 0) return <Text c="dimmed">{t("coordination.units.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("coordination.units.name")}</Table.Th>
            <Table.Th scope="col">{t("coordination.units.echelon")}</Table.Th>
            <Table.Th scope="col">{t("coordination.units.jurisdiction")}</Table.Th>
            <Table.Th scope="col">{t("coordination.units.counterparts")}</Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              {t("coordination.units.commander")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Th scope="row" fw={400}>
                <RouterLink href={`/coordination/units/${u.id}`} fw={600}>
                  {u.name}
                </RouterLink>
                <Group gap={6} mt={2}>
                  {u.code && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {u.code}
                    </Text>
                  )}
                  {u.retired && <StatusBadge tone="gray" size="xs" label={t("coordination.units.retired")} />}
                </Group>
              </Table.Th>
              <Table.Td>{t(`coordination.echelon.${u.echelon}`)}</Table.Td>
              <Table.Td>{u.jurisdiction.map(sectorLabel).join("; ") || "—"}</Table.Td>
              <Table.Td>
                {u.counterparts.length === 0
                  ? "—"
                  : u.counterparts.map((c, i) => (
                      <Text key={c.id} size="sm" span>
                        {i > 0 && "; "}
                        <RouterLink size="sm" href={`/coordination/units/${c.id}`}>
                          {c.name ?? c.id.slice(0, 8)}
                        </RouterLink>
                        {c.node && ` (${c.node.toUpperCase()})`}
                        {!c.mutual && (
                          <Text span size="xs" c="dimmed">
                            {` · ${t("coordination.units.notMutual")}`}
                          </Text>
                        )}
                      </Text>
                    ))}
              </Table.Td>
              <Table.Td visibleFrom="lg">{u.commander.post}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The regional units with border jurisdiction, this side's first, then the other side's. */
export function UnitsPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const me = useMyNode();
  const canManage = useCanCoordinate("unit.manage");
  const [retired, setRetired] = useState(false);
  const [creating, setCreating] = useState(false);
  const units = useUnits(retired);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("coordination.units.pageTitle")}
        subtitle={t("coordination.units.pageSubtitle")}
        actions={
          canManage && (
            <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((v) => !v)} aria-expanded={creating}>
              {creating ? t("common.cancel") : t("coordination.units.new")}
            </Button>
          )
        }
      />
      {creating && (
        <Paper withBorder p="md">
          <UnitForm onDone={(id) => navigate(`/coordination/units/${id}`)} />
        </Paper>
      )}
      <Switch label={t("coordination.units.includeRetired")} checked={retired} onChange={(e) => setRetired(e.currentTarget.checked)} />
      <QueryState query={units}>
        {(list) => {
          const sides = [...new Set([me, ...list.map((u) => u.ownerNode)])].filter(Boolean);
          return sides.map((side) => {
            const label = t(side === me ? "coordination.units.ourSide" : "coordination.units.otherSide", { side: side.toUpperCase() });
            return (
              <Section key={side} id={`units-${side}`} title={label}>
                <UnitsTable units={list.filter((u) => u.ownerNode === side)} label={label} />
              </Section>
            );
          });
        }}
      </QueryState>
    </Stack>
  );
}
