import { Button, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CrossingView, DeploymentView, SectorView } from "../../core/border/views";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { formatDateTime } from "../format";
import type { MapPick } from "./BorderMap";
import { CrossingStatusBadge } from "./CrossingStatusBadge";
import { FactList } from "./FactList";
import { IncidentFacts } from "./IncidentFacts";
import { PositionText } from "./PositionText";
import { SectorLevelBadge } from "./SectorLevelBadge";
import { useCan } from "./use-can";
import { useIncident } from "./use-incidents";

interface Lists {
  crossings: readonly CrossingView[];
  sectors: readonly SectorView[];
  deployments: readonly DeploymentView[];
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function IncidentDetails({ id, lists }: { id: string; lists: Lists }) {
  const { t } = useTranslation();
  const incident = useIncident(id);
  return (
    <QueryState query={incident}>
      {(i) => (
        <Section title={t(`incidents.type.${i.type}`)}>
          <IncidentFacts incident={i} crossings={lists.crossings} sectors={lists.sectors} />
          <RouterLink href={`/border/incidents/${i.id}`}>{t("map.openIncident")}</RouterLink>
        </Section>
      )}
    </QueryState>
  );
}

/**
 * The side panel's account of what was clicked: an incident, a crossing, a deployment or a
 * sector, or a bare position (lat/lon and MGRS) with the button that reports an incident there.
 */
export function PickDetails({ pick, lists, onReport }: { pick: MapPick; lists: Lists; onReport: () => void }) {
  const { t, i18n } = useTranslation();
  const mayReport = useCan("incident.report");
  const report = mayReport && (
    <Button onClick={onReport} style={{ alignSelf: "flex-start" }}>
      {t("map.reportHere")}
    </Button>
  );
  if (pick.kind === "position") {
    return (
      <Section title={t("map.position")}>
        <PositionText position={pick.position} />
        {report}
      </Section>
    );
  }
  if (pick.layer === "incident-points") return <IncidentDetails id={pick.id} lists={lists} />;
  if (pick.layer === "crossings") {
    const c = lists.crossings.find((x) => x.id === pick.id);
    if (!c) return null;
    const sector = lists.sectors.find((s) => s.id === c.sectorId);
    return (
      <Section title={c.name}>
        <FactList
          facts={[
            [t("crossings.categoryLabel"), t(`crossings.category.${c.category}`)],
            [t("crossings.modes"), c.modes.map((m) => t(`crossings.mode.${m}`)).join(", ")],
            [t("crossings.statusLabel"), <CrossingStatusBadge key="s" status={c.status} />],
            [t("crossings.risk"), <SectorLevelBadge key="r" level={c.risk} />],
            [t("crossings.sector"), sector ? `${sector.code} · ${sector.name}` : "—"],
            [t("crossings.position"), <PositionText key="p" position={c.location} mgrs={c.location.mgrs} />],
            [t("crossings.side"), c.ownerNode.toUpperCase()],
          ]}
        />
        {c.approximate && (
          <Text size="xs" c="dimmed">
            {t("crossings.approximateNote")}
          </Text>
        )}
        {c.note && <Text size="sm">{c.note}</Text>}
        {report}
      </Section>
    );
  }
  if (pick.layer === "deployments") {
    const d = lists.deployments.find((x) => x.id === pick.id);
    if (!d) return null;
    const crossing = lists.crossings.find((c) => c.id === d.crossingId);
    return (
      <Section title={d.unit}>
        <FactList
          facts={[
            [t("presence.side"), d.ownerNode.toUpperCase()],
            [t("presence.strength"), String(d.strength)],
            [t("presence.crossing"), crossing?.name ?? "—"],
            [t("presence.from"), formatDateTime(d.from, i18n.language)],
            [t("presence.to"), d.to ? formatDateTime(d.to, i18n.language) : t("presence.open")],
            [t("crossings.position"), <PositionText key="p" position={d.location} mgrs={d.location.mgrs} />],
          ]}
        />
      </Section>
    );
  }
  if (pick.layer === "sectors") {
    const s = lists.sectors.find((x) => x.id === pick.id);
    if (!s) return null;
    return (
      <Section title={`${s.code} · ${s.name}`}>
        <FactList
          facts={[
            [t("sectors.levelLabel"), <SectorLevelBadge key="l" level={s.level} />],
            ...s.units.map((u) => [t("sectors.unitOf", { side: u.node.toUpperCase() }), u.name] as const),
          ]}
        />
        {s.description && <Text size="sm">{s.description}</Text>}
        <Group gap="xs">
          <RouterLink href="/border/sectors">{t("map.openSectors")}</RouterLink>
        </Group>
        {report}
      </Section>
    );
  }
  return null;
}
