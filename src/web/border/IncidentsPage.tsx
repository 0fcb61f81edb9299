import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader";
import { ProblemAlert } from "../components/ProblemAlert";
import { RouterLink } from "../components/RouterLink";
import { BorderFiltersBar } from "./BorderFiltersBar";
import { DEFAULT_FILTERS, incidentParams } from "./filters";
import { IncidentsTable } from "./IncidentsTable";
import { useCrossings } from "./use-crossings";
import { useIncidents } from "./use-incidents";
import { useSectors } from "./use-sectors";

/** Incidents and seizures reported by both sides, newest first, with the map's filters and a status filter. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(DEFAULT_FILTERS);
  const [status, setStatus] = useState<string | null>(null);
  const sectors = useSectors();
  const crossings = useCrossings();
  const params = incidentParams(filters, new Date());
  if (status) params.set("status", status);
  const incidents = useIncidents(params);
  const rows = incidents.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("incidents.pageTitle")}
        subtitle={t("incidents.pageSubtitle")}
        actions={
          <Button component={RouterLink} href="/border/map" variant="light">
            {t("incidents.reportOnMap")}
          </Button>
        }
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <BorderFiltersBar value={filters} onChange={setFilters} sectors={sectors.data ?? []} />
        <Select
          label={t("incidents.statusLabel")}
          placeholder={t("incidents.anyStatus")}
          data={["open", "closed"].map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={160}
        />
      </Group>
      <ProblemAlert error={incidents.error} />
      {incidents.data && (
        <>
          <IncidentsTable incidents={rows} sectors={sectors.data ?? []} crossings={crossings.data ?? []} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {t("incidents.shown", { count: rows.length })}
            </Text>
            {incidents.hasNextPage && (
              <Button variant="default" onClick={() => void incidents.fetchNextPage()} loading={incidents.isFetchingNextPage}>
                {t("common.showMore")}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
