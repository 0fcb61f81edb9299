import { Button, Group, MultiSelect, Select, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CRIME_ACTIVITIES, TLP_LEVELS } from "../../core/coordination/schema";
import { threatActorInput, threatActorPatch } from "../../core/coordination/threat-inputs";
import type { ThreatActorView } from "../../core/coordination/views";
import { useSectors } from "../border/use-sectors";
import { ProblemAlert } from "../components/ProblemAlert";
import { sectorLabel } from "./labels";
import { useFormCheck } from "./use-form-check";
import { usePatchThreatActor, useRecordThreatActor } from "./use-threats";

/** Records an organised-crime group (or changes one this side wrote): names, activities, areas, when seen. */
export function ThreatActorForm({ actor, onDone }: { actor?: ThreatActorView; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const sectors = useSectors();
  const create = useRecordThreatActor();
  const patch = usePatchThreatActor(actor?.id ?? "");
  const mutation = actor ? patch : create;
  const [name, setName] = useState(actor?.name ?? "");
  const [aliases, setAliases] = useState<string[]>(actor?.aliases ?? []);
  const [activities, setActivities] = useState<string[]>(actor?.activities ?? []);
  const [areas, setAreas] = useState<string[]>(actor?.areas.map((a) => a.id) ?? []);
  const [firstSeen, setFirst] = useState(actor?.firstSeen ?? "");
  const [lastSeen, setLast] = useState(actor?.lastSeen ?? "");
  const [tlp, setTlp] = useState<string>(actor?.tlp ?? "amber");
  const [description, setDescription] = useState(actor?.description ?? "");

  const body = {
    name: name.trim(),
    aliases: aliases.map((a) => a.trim()).filter(Boolean),
    activities,
    areas,
    firstSeen: firstSeen || null,
    lastSeen: lastSeen || null,
    tlp,
    description,
  };
  const asPatch = useFormCheck(threatActorPatch, body);
  const asNew = useFormCheck(threatActorInput, body);
  const errors = actor ? asPatch.errors : asNew.errors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (actor) {
      const data = asPatch.check();
      if (data) patch.mutate(data, { onSuccess: () => onDone(actor.id) });
      return;
    }
    const data = asNew.check();
    if (data) create.mutate(data, { onSuccess: (a) => onDone(a.id) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={actor ? t("coordination.groups.edit") : t("coordination.groups.create")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t("coordination.groups.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            style={{ flex: 1 }}
            miw={240}
          />
          <Select
            label={t("coordination.common.tlp")}
            data={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
            value={tlp}
            onChange={(v) => v && setTlp(v)}
            allowDeselect={false}
            w={190}
          />
        </Group>
        <TagsInput
          label={t("coordination.groups.aliases")}
          description={t("coordination.groups.aliasesHelp")}
          value={aliases}
          onChange={setAliases}
          error={errors.aliases}
        />
        <MultiSelect
          label={t("coordination.groups.activities")}
          data={CRIME_ACTIVITIES.map((a) => ({ value: a, label: t(`coordination.crime.${a}`) }))}
          value={activities}
          onChange={setActivities}
          searchable
          error={errors.activities}
        />
        <MultiSelect
          label={t("coordination.groups.areas")}
          description={t("coordination.groups.areasHelp")}
          data={(sectors.data ?? []).map((s) => ({ value: s.id, label: sectorLabel(s) }))}
          value={areas}
          onChange={setAreas}
          searchable
          error={errors.areas}
        />
        <Group gap="sm" align="flex-start">
          <TextInput
            type="date"
            label={t("coordination.groups.firstSeen")}
            value={firstSeen}
            onChange={(e) => setFirst(e.currentTarget.value)}
            error={errors.firstSeen}
            w={180}
          />
          <TextInput
            type="date"
            label={t("coordination.groups.lastSeen")}
            value={lastSeen}
            onChange={(e) => setLast(e.currentTarget.value)}
            error={errors.lastSeen}
            w={180}
          />
        </Group>
        <Textarea
          label={t("coordination.groups.description")}
          description={t("coordination.groups.descriptionHelp")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={3}
          error={errors.description}
        />
        <ProblemAlert error={mutation.error} />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {actor ? t("coordination.common.saveChanges") : t("coordination.groups.create")}
        </Button>
      </Stack>
    </form>
  );
}
