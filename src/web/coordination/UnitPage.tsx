import { Button, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { FactList } from "../border/FactList";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { StatusBadge } from "../components/StatusBadge";
import { formatDateTime } from "../format";
import { CalendarFeed } from "./CalendarFeed";
import { sectorLabel } from "./labels";
import { MeetingsTable } from "./MeetingsTable";
import { RetireUnitForm } from "./RetireUnitForm";
import { Section } from "./Section";
import { SideBadge } from "./SideBadge";
import { UnitForm } from "./UnitForm";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useOpenFor } from "./use-open-for";
import { useUnitMeetings } from "./use-unit-meetings";
import { useUnit } from "./use-units";

/** One regional unit: who it is, where it has jurisdiction, its counterparts, meetings and calendar feed. */
export function UnitPage() {
  const { id = "" } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const unit = useUnit(id);
  const me = useMyNode();
  const canManage = useCanCoordinate("unit.manage");
  const [editing, setEditing] = useOpenFor(id);
  const from = useMemo(() => new Date(Date.now() - 86_400_000).toISOString(), []);
  const meetings = useUnitMeetings({ unitId: id, from });
  return (
    <QueryState query={unit}>
      {(u) => {
        const own = u.ownerNode === me;
        return (
          <Stack gap="lg">
            <PageHeader
              title={u.name}
              subtitle={<RouterLink href="/coordination/units">{t("coordination.units.back")}</RouterLink>}
              actions={
                own &&
                canManage &&
                !u.retired && (
                  <Button variant={editing ? "default" : "light"} onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
                    {editing ? t("common.cancel") : t("coordination.units.edit")}
                  </Button>
                )
              }
            />
            {editing && (
              <Section id="unit-edit" title={t("coordination.units.edit")}>
                <UnitForm key={u.updatedAt} unit={u} onDone={() => setEditing(false)} />
              </Section>
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section id="unit-facts" title={t("coordination.units.facts")}>
                <FactList
                  facts={[
                    [t("coordination.common.side"), <SideBadge key="s" node={u.ownerNode} />],
                    [t("coordination.units.code"), u.code || "—"],
                    [t("coordination.units.echelon"), t(`coordination.echelon.${u.echelon}`)],
                    [
                      t("coordination.units.commander"),
                      u.commander.username ? `${u.commander.post} (${u.commander.username})` : u.commander.post,
                    ],
                    [t("coordination.units.jurisdiction"), u.jurisdiction.map(sectorLabel).join("; ") || "—"],
                    [
                      t("coordination.units.counterparts"),
                      u.counterparts.length === 0 ? (
                        "—"
                      ) : (
                        <List key="c" size="sm" spacing={2}>
                          {u.counterparts.map((c) => (
                            <List.Item key={c.id}>
                              <RouterLink size="sm" href={`/coordination/units/${c.id}`}>
                                {c.name ?? c.id}
                              </RouterLink>
                              {c.node && ` (${c.node.toUpperCase()})`}
                              {!c.mutual && ` · ${t("coordination.units.notMutual")}`}
                            </List.Item>
                          ))}
                        </List>
                      ),
                    ],
                    [
                      t("coordination.units.contacts"),
                      u.contacts.length === 0 ? (
                        "—"
                      ) : (
                        <List key="k" size="sm" spacing={2}>
                          {u.contacts.map((c) => (
                            <List.Item key={`${c.channel}:${c.value}`}>
                              {`${t(`coordination.channel.${c.channel}`)}: ${c.value}`}
                              {c.label && ` — ${c.label}`}
                            </List.Item>
                          ))}
                        </List>
                      ),
                    ],
                    [
                      t("coordination.common.status"),
                      u.retired ? (
                        <StatusBadge
                          key="r"
                          tone="gray"
                          label={`${t("coordination.units.retired")} · ${formatDateTime(u.retiredAt, i18n.language)}`}
                        />
                      ) : (
                        <StatusBadge key="a" tone="green" label={t("coordination.units.active")} />
                      ),
                    ],
                  ]}
                />
                {u.description && (
                  <Text size="sm" mt="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {u.description}
                  </Text>
                )}
                {u.retiredReason && (
                  <Text size="sm" c="dimmed" mt="xs">
                    {t("coordination.units.retiredBecause", { reason: u.retiredReason })}
                  </Text>
                )}
              </Section>
              <Section id="unit-feed" title={t("coordination.units.feed")}>
                <CalendarFeed unitId={u.id} />
              </Section>
            </SimpleGrid>
            <Section id="unit-meetings" title={t("coordination.units.upcoming")}>
              <QueryState query={meetings}>
                {(list) => <MeetingsTable meetings={list} label={t("coordination.units.upcoming")} />}
              </QueryState>
            </Section>
            {own && canManage && !u.retired && (
              <Section id="unit-retire" title={t("coordination.units.retireHeading")}>
                <Group>
                  <RetireUnitForm unitId={u.id} />
                </Group>
              </Section>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
