import { Group, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { INCIDENT_TYPES, type IncidentType } from "../../core/border/schema";
import type { SectorView } from "../../core/border/views";
import { type BorderFilters, SIDE_FILTERS, type SideFilter, TIME_WINDOWS, type TimeWindow } from "./filters";

/** The filters the map and the incident list share: time window, sector, side and incident type. */
export function BorderFiltersBar({
  value,
  onChange,
  sectors,
}: {
  value: BorderFilters;
  onChange: (f: BorderFilters) => void;
  sectors: readonly SectorView[];
}) {
  const { t } = useTranslation();
  const windowId = useId();
  const sideId = useId();
  const set = (patch: Partial<BorderFilters>) => onChange({ ...value, ...patch });
  return (
    <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t("map.filters")}>
      <Stack gap={4}>
        <Text size="sm" fw={500} id={windowId}>
          {t("map.window")}
        </Text>
        <SegmentedControl
          aria-labelledby={windowId}
          value={value.window}
          onChange={(v) => set({ window: v as TimeWindow })}
          data={TIME_WINDOWS.map((w) => ({ value: w, label: t(`map.windows.${w}`) }))}
        />
      </Stack>
      {value.window === "custom" && (
        <>
          <TextInput type="date" label={t("map.from")} value={value.from} onChange={(e) => set({ from: e.currentTarget.value })} w={160} />
          <TextInput type="date" label={t("map.to")} value={value.to} onChange={(e) => set({ to: e.currentTarget.value })} w={160} />
        </>
      )}
      <Select
        label={t("map.sector")}
        placeholder={t("map.allSectors")}
        data={sectors.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
        value={value.sector}
        onChange={(v) => set({ sector: v })}
        clearable
        searchable
        w={240}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id={sideId}>
          {t("map.side")}
        </Text>
        <SegmentedControl
          aria-labelledby={sideId}
          value={value.side}
          onChange={(v) => set({ side: v as SideFilter })}
          data={SIDE_FILTERS.map((s) => ({ value: s, label: t(`map.sides.${s}`) }))}
        />
      </Stack>
      <Select
        label={t("map.type")}
        placeholder={t("map.allTypes")}
        data={INCIDENT_TYPES.map((type) => ({ value: type, label: t(`incidents.type.${type}`) }))}
        value={value.type}
        onChange={(v) => set({ type: v as IncidentType | null })}
        clearable
        searchable
        w={280}
        maxDropdownHeight={340}
      />
    </Group>
  );
}
