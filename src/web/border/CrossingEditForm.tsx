import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { crossingPatch } from "../../core/border/inputs";
import { CROSSING_MODES, CROSSING_STATUSES, SECTOR_LEVELS } from "../../core/border/schema";
import type { CrossingView } from "../../core/border/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { useUpdateCrossing } from "./use-crossings";

/** The owner's changes to a crossing: name, modes, status, risk and note (its place stays). */
export function CrossingEditForm({ crossing: c, onDone }: { crossing: CrossingView; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCrossing(c.id);
  const [name, setName] = useState(c.name);
  const [modes, setModes] = useState<string[]>(c.modes);
  const [status, setStatus] = useState<string>(c.status);
  const [risk, setRisk] = useState<string>(c.risk);
  const [note, setNote] = useState(c.note);
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(crossingPatch, { name, modes, status, risk, note }, t);
    setErrors(v.errors ?? {});
    if (v.data) update.mutate(v.data, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("crossings.editTitle", { name: c.name })}>
      <Stack gap="sm">
        <Group grow gap="sm" align="flex-start">
          <TextInput label={t("crossings.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <MultiSelect
            label={t("crossings.modes")}
            data={CROSSING_MODES.map((m) => ({ value: m, label: t(`crossings.mode.${m}`) }))}
            value={modes}
            onChange={setModes}
            error={errors.modes}
          />
          <Select
            label={t("crossings.statusLabel")}
            data={CROSSING_STATUSES.map((s) => ({ value: s, label: t(`crossings.status.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v)}
            allowDeselect={false}
          />
          <Select
            label={t("crossings.risk")}
            data={SECTOR_LEVELS.map((l) => ({ value: l, label: t(`sectors.level.${l}`) }))}
            value={risk}
            onChange={(v) => v && setRisk(v)}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t("crossings.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.note}
        />
        <ProblemAlert error={update.error} />
        <Group gap="xs">
          <Button type="submit" loading={update.isPending}>
            {t("crossings.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
