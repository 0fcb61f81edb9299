import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CROSSING_CATEGORIES, CROSSING_STATUSES } from "../../core/border/schema";
import type { CrossingView } from "../../core/border/views";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { useMe } from "../session/use-session";
import { CrossingEditForm } from "./CrossingEditForm";
import { CrossingForm } from "./CrossingForm";
import { CrossingsTable } from "./CrossingsTable";
import { SIDE_FILTERS, type SideFilter } from "./filters";
import { useCan } from "./use-can";
import { useCrossings } from "./use-crossings";
import { useSectors } from "./use-sectors";

/** Formal and informal crossings, filtered, with the forms to record one and to change one's own. */
export function CrossingsPage() {
  const { t } = useTranslation();
  const crossings = useCrossings();
  const sectors = useSectors();
  const me = useMe();
  const sideId = useId();
  const mayManage = useCan("crossing.manage");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CrossingView | null>(null);
  const [text, setText] = useState("");
  const [category, setCategory] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [sector, setSector] = useState<string | null>(null);
  const [side, setSide] = useState<SideFilter>("both");

  const match = (c: CrossingView) =>
    (!text.trim() || c.name.toLowerCase().includes(text.trim().toLowerCase())) &&
    (!category || c.category === category) &&
    (!status || c.status === status) &&
    (!sector || c.sectorId === sector) &&
    (side === "both" || c.ownerNode === side);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("crossings.pageTitle")}
        subtitle={t("crossings.pageSubtitle")}
        actions={
          mayManage && (
            <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((v) => !v)} aria-expanded={creating}>
              {creating ? t("common.cancel") : t("crossings.new")}
            </Button>
          )
        }
      />
      {creating && (
        <Paper withBorder p="md">
          <CrossingForm sectors={sectors.data ?? []} onCreated={() => setCreating(false)} />
        </Paper>
      )}
      {editing && (
        <Paper withBorder p="md" component="section" aria-labelledby="crossing-edit-title">
          <Title order={2} size="h4" mb="sm" id="crossing-edit-title">
            {t("crossings.editTitle", { name: editing.name })}
          </Title>
          <CrossingEditForm key={editing.id} crossing={editing} onDone={() => setEditing(null)} />
        </Paper>
      )}
      <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t("crossings.filters")}>
        <TextInput label={t("crossings.search")} value={text} onChange={(e) => setText(e.currentTarget.value)} w={220} />
        <Select
          label={t("crossings.categoryLabel")}
          placeholder={t("crossings.all")}
          data={CROSSING_CATEGORIES.map((c) => ({ value: c, label: t(`crossings.category.${c}`) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={170}
        />
        <Select
          label={t("crossings.statusLabel")}
          placeholder={t("crossings.all")}
          data={CROSSING_STATUSES.map((s) => ({ value: s, label: t(`crossings.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={170}
        />
        <Select
          label={t("crossings.sector")}
          placeholder={t("map.allSectors")}
          data={(sectors.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
          value={sector}
          onChange={setSector}
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
            value={side}
            onChange={(v) => setSide(v as SideFilter)}
            data={SIDE_FILTERS.map((s) => ({ value: s, label: t(`map.sides.${s}`) }))}
          />
        </Stack>
      </Group>
      <QueryState query={crossings}>
        {(list) => (
          <CrossingsTable
            crossings={list.filter(match)}
            sectors={sectors.data ?? []}
            myNode={mayManage ? (me.data?.node ?? "") : ""}
            onEdit={(c) => {
              setCreating(false);
              setEditing(c);
            }}
          />
        )}
      </QueryState>
    </Stack>
  );
}
