import { Button, Checkbox, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { crossingInput } from "../../core/border/inputs";
import { CROSSING_CATEGORIES, CROSSING_MODES, CROSSING_STATUSES, SECTOR_LEVELS } from "../../core/border/schema";
import type { CrossingView, SectorView } from "../../core/border/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { PositionFields } from "./PositionFields";
import type { LatLon } from "./position";
import { serverFieldErrors } from "./server-errors";
import { useCreateCrossing } from "./use-crossings";

type Category = CrossingView["category"];
type Mode = CrossingView["modes"][number];
type Status = CrossingView["status"];
type Risk = CrossingView["risk"];

/** Records a crossing on this side's territory (the server refuses a position across the border). */
export function CrossingForm({ sectors, onCreated }: { sectors: readonly SectorView[]; onCreated: (c: CrossingView) => void }) {
  const { t } = useTranslation();
  const create = useCreateCrossing();
  const [name, setName] = useState("");
  const [category, setCategory] = useState<Category>("informal");
  const [modes, setModes] = useState<Mode[]>(["foot"]);
  const [position, setPosition] = useState<LatLon | null>(null);
  const [sectorId, setSectorId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>("active");
  const [risk, setRisk] = useState<Risk>("medium");
  const [approximate, setApproximate] = useState(false);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name,
      category,
      modes,
      position: position ?? { lat: Number.NaN, lon: Number.NaN },
      sectorId,
      status,
      risk,
      approximate,
      note,
    };
    const v = validate(crossingInput, body, t);
    const errs: FormErrors = { ...(v.errors ?? {}) };
    if (!position) errs.position = t("map.positionRequired");
    setErrors(errs);
    if (v.data && position) create.mutate(v.data, { onSuccess: onCreated, onError: (err) => setErrors(serverFieldErrors(err, t)) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("crossings.create")}>
      <Stack gap="sm">
        <Group grow gap="sm" align="flex-start">
          <TextInput
            label={t("crossings.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <Select
            label={t("crossings.categoryLabel")}
            data={CROSSING_CATEGORIES.map((c) => ({ value: c, label: t(`crossings.category.${c}`) }))}
            value={category}
            onChange={(v) => v && setCategory(v as Category)}
            allowDeselect={false}
          />
          <MultiSelect
            label={t("crossings.modes")}
            data={CROSSING_MODES.map((m) => ({ value: m, label: t(`crossings.mode.${m}`) }))}
            value={modes}
            onChange={(v) => setModes(v as Mode[])}
            error={errors.modes}
            required
          />
        </Group>
        <PositionFields
          value={null}
          onChange={setPosition}
          errors={{ lat: errors["position.lat"], lon: errors["position.lon"], mgrs: errors["position.mgrs"], position: errors.position }}
        />
        <Group grow gap="sm" align="flex-start">
          <Select
            label={t("crossings.sector")}
            placeholder={t("crossings.noSector")}
            data={sectors.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
            value={sectorId}
            onChange={setSectorId}
            clearable
            error={errors.sectorId}
          />
          <Select
            label={t("crossings.statusLabel")}
            data={CROSSING_STATUSES.map((s) => ({ value: s, label: t(`crossings.status.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v as Status)}
            allowDeselect={false}
          />
          <Select
            label={t("crossings.risk")}
            data={SECTOR_LEVELS.map((l) => ({ value: l, label: t(`sectors.level.${l}`) }))}
            value={risk}
            onChange={(v) => v && setRisk(v as Risk)}
            allowDeselect={false}
          />
        </Group>
        <Checkbox label={t("crossings.approximate")} checked={approximate} onChange={(e) => setApproximate(e.currentTarget.checked)} />
        <Textarea
          label={t("crossings.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.note}
        />
        <ProblemAlert error={create.error} />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("crossings.create")}
        </Button>
      </Stack>
    </form>
  );
}
