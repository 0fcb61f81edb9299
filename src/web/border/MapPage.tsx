import { Box, Divider, Group, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { ProblemAlert } from "../components/ProblemAlert";
import { BorderFiltersBar } from "./BorderFiltersBar";
import { BorderMap, type MapPick, type MapView } from "./BorderMap";
import { DEFAULT_FILTERS } from "./filters";
import { formatCount } from "./format-quantity";
import { IncidentForm } from "./IncidentForm";
import { MapLegend } from "./MapLegend";
import { crossingFeatures, deploymentFeatures, patrolFeatures, sectorFeatures } from "./map-features";
import type { LayerGroup } from "./map-style";
import { PickDetails } from "./PickDetails";
import type { LatLon } from "./position";
import { useCrossings } from "./use-crossings";
import { useBaseMap, useBorderBounds, useMapHeat, useMapIncidents } from "./use-map-data";
import { useDeployments, usePatrols } from "./use-presence";
import { useSectors } from "./use-sectors";

const WEEK_MS = 7 * 86_400_000;

/**
 * The border picture on one screen: the offline map with its layers and legend, the shared
 * filters above it, and a side panel that shows what was clicked or the form that reports
 * an incident at the clicked position.
 */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useState(DEFAULT_FILTERS);
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>({
    sectors: true,
    crossings: true,
    presence: true,
    incidents: true,
    heat: false,
  });
  const [pick, setPick] = useState<MapPick | null>(null);
  const [reportAt, setReportAt] = useState<LatLon | null>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [patrolSince] = useState(() => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - WEEK_MS).toISOString());

  const base = useBaseMap();
  const sectors = useSectors();
  const crossings = useCrossings();
  const deployments = useDeployments(true);
  const patrols = usePatrols(patrolSince);
  const incidents = useMapIncidents(filters, view);
  const heat = useMapHeat(filters, view, visible.heat);
  const bounds = useBorderBounds(base.data);

  const data = useMemo(() => {
    const side = (owner: string) => filters.side === "both" || owner === filters.side;
    const inSector = (id: string | null) => !filters.sector || id === filters.sector;
    return {
      ...(base.data ? { base: base.data } : {}),
      sectors: sectorFeatures(sectors.data ?? [], filters.sector),
      crossings: crossingFeatures((crossings.data ?? []).filter((c) => side(c.ownerNode) && inSector(c.sectorId))),
      deployments: deploymentFeatures((deployments.data ?? []).filter((d) => side(d.ownerNode) && inSector(d.sectorId))),
      patrols: patrolFeatures((patrols.data ?? []).filter((p) => side(p.ownerNode) && inSector(p.sectorId))),
      ...(incidents.data ? { incidents: incidents.data } : {}),
      ...(heat.data ? { heat: heat.data } : {}),
    };
  }, [base.data, sectors.data, crossings.data, deployments.data, patrols.data, incidents.data, heat.data, filters]);

  const onPick = (p: MapPick) => {
    setPick(p);
    if (reportAt && p.kind === "position") setReportAt(p.position);
    else setReportAt(null);
  };
  const lists = { crossings: crossings.data ?? [], sectors: sectors.data ?? [], deployments: deployments.data ?? [] };
  const error = base.error ?? incidents.error ?? sectors.error ?? crossings.error;

  return (
    <Stack gap="sm" h="calc(100dvh - 60px - 2 * var(--mantine-spacing-md))" mih={560}>
      <PageHeader title={t("map.pageTitle")} subtitle={t("map.pageSubtitle")} />
      <BorderFiltersBar value={filters} onChange={setFilters} sectors={sectors.data ?? []} />
      <ProblemAlert error={error} />
      <Group gap="sm" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box pos="relative" style={{ flex: 1, minWidth: 0, borderRadius: 4, overflow: "hidden" }} className="border-map">
          <BorderMap
            data={data}
            visible={visible}
            bounds={bounds}
            marker={reportAt}
            onPick={onPick}
            onView={setView}
            label={t("map.label")}
          />
          <Paper pos="absolute" bottom={28} right={10} px="xs" py={4} shadow="xs" withBorder>
            <Text size="xs" role="status" aria-live="polite">
              {incidents.data
                ? t("map.incidentCount", { count: incidents.data.total, n: formatCount(incidents.data.total, i18n.language) })
                : "…"}
            </Text>
          </Paper>
        </Box>
        <Paper withBorder w={370} component="aside" aria-label={t("map.panel")} style={{ flex: "none", display: "flex" }}>
          <ScrollArea style={{ flex: 1 }} p="md" type="auto" scrollbars="y">
            {reportAt ? (
              <IncidentForm
                position={reportAt}
                crossings={crossings.data ?? []}
                onCreated={(i) => navigate(`/border/incidents/${i.id}?created=1`)}
                onCancel={() => setReportAt(null)}
              />
            ) : pick ? (
              <PickDetails pick={pick} lists={lists} onReport={() => setReportAt(pick.position)} />
            ) : (
              <Stack gap="xs">
                <Text fw={600}>{t("map.introTitle")}</Text>
                <Text size="sm" c="dimmed">
                  {t("map.introBody")}
                </Text>
              </Stack>
            )}
            {!reportAt && (
              <>
                <Divider my="md" />
                <MapLegend visible={visible} onToggle={(g, on) => setVisible((v) => ({ ...v, [g]: on }))} />
              </>
            )}
          </ScrollArea>
        </Paper>
      </Group>
    </Stack>
  );
}
