import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { SECTOR_LEVELS } from "../../core/border/schema";
import { RISK_CATEGORIES, RISK_STATUSES } from "../../core/coordination/schema";
import { riskFactorInput, riskFactorPatch } from "../../core/coordination/threat-inputs";
import type { RiskFactorView } from "../../core/coordination/views";
import { useSectors } from "../border/use-sectors";
import { ProblemAlert } from "../components/ProblemAlert";
import { sectorLabel } from "./labels";
import { useFormCheck } from "./use-form-check";
import { usePatchRiskFactor, useRecordRiskFactor } from "./use-threats";

/** Records a risk factor of a sector, or changes one this side wrote (level, status, wording). */
export function RiskFactorForm({ factor, onDone }: { factor?: RiskFactorView; onDone: () => void }) {
  const { t } = useTranslation();
  const sectors = useSectors();
  const create = useRecordRiskFactor();
  const patch = usePatchRiskFactor(factor?.id ?? "");
  const mutation = factor ? patch : create;
  const [sectorId, setSector] = useState<string | null>(factor?.sector.id ?? null);
  const [category, setCategory] = useState<string>(factor?.category ?? "informal_crossings");
  const [title, setTitle] = useState(factor?.title ?? "");
  const [level, setLevel] = useState<string>(factor?.level ?? "medium");
  const [status, setStatus] = useState<string>(factor?.status ?? "active");
  const [description, setDescription] = useState(factor?.description ?? "");
  const [note, setNote] = useState("");

  const common = { category, title: title.trim(), level, status, description };
  const asPatch = useFormCheck(riskFactorPatch, { ...common, note: note.trim() });
  const asNew = useFormCheck(riskFactorInput, { ...common, ...(sectorId ? { sectorId } : {}) });
  const errors = factor ? asPatch.errors : asNew.errors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (factor) {
      const data = asPatch.check();
      if (data) patch.mutate(data, { onSuccess: onDone });
      return;
    }
    const data = asNew.check();
    if (data) create.mutate(data, { onSuccess: onDone });
  };
  const label = factor ? t("coordination.risks.edit") : t("coordination.risks.create");

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.risks.sector")}
            data={(sectors.data ?? []).map((s) => ({ value: s.id, label: sectorLabel(s) }))}
            value={sectorId}
            onChange={setSector}
            searchable
            required
            disabled={Boolean(factor)}
            error={errors.sectorId}
            w={320}
          />
          <Select
            label={t("coordination.risks.category")}
            data={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`coordination.riskCategory.${c}`) }))}
            value={category}
            onChange={(v) => v && setCategory(v)}
            allowDeselect={false}
            w={230}
          />
          <Select
            label={t("coordination.common.level")}
            data={SECTOR_LEVELS.map((l) => ({ value: l, label: t(`sectors.level.${l}`) }))}
            value={level}
            onChange={(v) => v && setLevel(v)}
            allowDeselect={false}
            w={140}
          />
          <Select
            label={t("coordination.common.status")}
            data={RISK_STATUSES.map((s) => ({ value: s, label: t(`coordination.risks.statuses.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v)}
            allowDeselect={false}
            w={150}
          />
        </Group>
        <TextInput
          label={t("coordination.risks.title")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
        />
        <Textarea
          label={t("coordination.risks.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
        />
        {factor && <TextInput label={t("coordination.common.changeNote")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
        <ProblemAlert error={mutation.error} />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {factor ? t("coordination.common.saveChanges") : t("coordination.risks.create")}
        </Button>
      </Stack>
    </form>
  );
}
