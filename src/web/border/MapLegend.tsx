import { Box, Checkbox, Collapse, Group, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SECTOR_LEVELS } from "../../core/border/schema";
import { MAP_COLORS as C, SECTOR_LEVEL_COLORS } from "./map-colors";
import { LAYER_GROUPS, type LayerGroup } from "./map-style";

function Swatch({ kind, color, stroke, label }: { kind: "line" | "dot" | "ring" | "heat"; color: string; stroke?: string; label: string }) {
  const shape =
    kind === "line"
      ? { width: 22, height: 6, borderRadius: 2, background: color }
      : kind === "heat"
        ? { width: 22, height: 10, borderRadius: 2, background: "linear-gradient(90deg, #fecc5c, #fd8d3c, #f03b20, #bd0026)" }
        : kind === "ring"
          ? { width: 14, height: 14, borderRadius: "50%", border: `3px solid ${color}` }
          : { width: 12, height: 12, borderRadius: "50%", background: color, border: `2px solid ${stroke ?? "#fff"}` };
  return (
    <Group gap={6} wrap="nowrap" component="li">
      <Box aria-hidden style={{ flex: "none", boxShadow: kind === "dot" ? "0 0 0 1px #868e96" : undefined, ...shape }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/**
 * What each colour on the map means, grouped by layer, each group with the switch that shows
 * or hides it. Colour is never the only signal: every entry is also written out.
 */
export function MapLegend({ visible, onToggle }: { visible: Record<LayerGroup, boolean>; onToggle: (g: LayerGroup, on: boolean) => void }) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(true);
  const entries: Record<LayerGroup, ReactNode> = {
    sectors: (
      <>
        {SECTOR_LEVELS.map((l) => (
          <Swatch key={l} kind="line" color={SECTOR_LEVEL_COLORS[l]} label={t(`sectors.level.${l}`)} />
        ))}
        <Swatch kind="line" color={C.unassessed} label={t("sectors.level.none")} />
      </>
    ),
    crossings: (
      <>
        <Swatch kind="dot" color={C.formal} label={t("crossings.category.formal")} />
        <Swatch kind="dot" color={C.informal} label={t("crossings.category.informal")} />
        <Swatch kind="dot" color="#dee2e6" stroke={C.monitored} label={t("crossings.status.monitored")} />
        <Swatch kind="dot" color="#dee2e6" stroke={C.closed} label={t("crossings.status.closed")} />
      </>
    ),
    presence: (
      <>
        <Swatch kind="ring" color={C.presenceCo} label={t("map.presenceOf", { side: "CO" })} />
        <Swatch kind="ring" color={C.presenceVe} label={t("map.presenceOf", { side: "VE" })} />
        <Swatch kind="line" color={C.patrol} label={t("map.patrolRoute")} />
      </>
    ),
    incidents: (
      <>
        <Swatch kind="dot" color={C.incident} label={t("map.incident")} />
        <Swatch kind="dot" color={C.clusterMedium} label={t("map.cluster")} />
      </>
    ),
    heat: <Swatch kind="heat" color="" label={t("map.heatScale")} />,
  };
  return (
    <Box component="section" aria-labelledby="map-legend-title">
      <UnstyledButton onClick={toggle} aria-expanded={open} aria-controls="map-legend-body" w="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={700} id="map-legend-title">
            {t("map.layers")}
          </Text>
          <Text size="xs" aria-hidden>
            {open ? "▴" : "▾"}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open} id="map-legend-body">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm" mt="xs">
          <Group gap={6} wrap="nowrap" style={{ gridColumn: "1 / -1" }}>
            <Box aria-hidden style={{ width: 22, height: 4, background: C.border, boxShadow: "0 0 0 2px #fff, 0 0 0 3px #ced4da" }} />
            <Text size="xs" fw={600}>
              {t("map.borderLine")}
            </Text>
          </Group>
          {LAYER_GROUPS.map((g) => (
            <Box key={g}>
              <Checkbox
                size="xs"
                label={t(`map.group.${g}`)}
                checked={visible[g]}
                onChange={(e) => onToggle(g, e.currentTarget.checked)}
                fw={600}
              />
              <Stack gap={2} mt={4} ml={4} component="ul" p={0} style={{ listStyle: "none", opacity: visible[g] ? 1 : 0.45 }}>
                {entries[g]}
              </Stack>
            </Box>
          ))}
        </SimpleGrid>
      </Collapse>
    </Box>
  );
}
