import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { unitInput, unitPatch } from "../../core/coordination/inputs";
import { type Contact, ECHELONS } from "../../core/coordination/schema";
import type { UnitView } from "../../core/coordination/views";
import { useSectors } from "../border/use-sectors";
import { ProblemAlert } from "../components/ProblemAlert";
import { ContactsEditor } from "./ContactsEditor";
import { sectorLabel, unitLabel } from "./labels";
import { useMyNode } from "./use-coordination-can";
import { useFormCheck } from "./use-form-check";
import { useCreateUnit, usePatchUnit, useUnits } from "./use-units";

/**
 * Defines a regional unit of this side, or changes one (`unit` given): jurisdiction as
 * sectors of the border picture, counterparts among the other side's units.
 */
export function UnitForm({ unit, onDone }: { unit?: UnitView; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useMyNode();
  const sectors = useSectors();
  const units = useUnits();
  const create = useCreateUnit();
  const patch = usePatchUnit(unit?.id ?? "");
  const mutation = unit ? patch : create;
  const [name, setName] = useState(unit?.name ?? "");
  const [code, setCode] = useState(unit?.code ?? "");
  const [echelon, setEchelon] = useState<string>(unit?.echelon ?? "brigade");
  const [description, setDescription] = useState(unit?.description ?? "");
  const [post, setPost] = useState(unit?.commander.post ?? "");
  const [username, setUsername] = useState(unit?.commander.username ?? "");
  const [contacts, setContacts] = useState<Contact[]>(unit?.contacts ?? []);
  const [jurisdiction, setJurisdiction] = useState<string[]>(unit?.jurisdiction.map((s) => s.id) ?? []);
  const [counterparts, setCounterparts] = useState<string[]>(unit?.counterparts.map((c) => c.id) ?? []);

  const others = (units.data ?? []).filter((u) => u.ownerNode !== me && !u.retired);
  const body = {
    name: name.trim(),
    code: code.trim(),
    echelon,
    description,
    commander: { post: post.trim(), username: username.trim() || null },
    contacts: contacts.map((c) => ({ ...c, value: c.value.trim(), label: c.label.trim() })),
    jurisdiction,
    counterparts,
  };
  const asPatch = useFormCheck(unitPatch, body);
  const asNew = useFormCheck(unitInput, body);
  const errors = unit ? asPatch.errors : asNew.errors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (unit) {
      const data = asPatch.check();
      if (data) patch.mutate(data, { onSuccess: () => onDone(unit.id) });
      return;
    }
    const data = asNew.check();
    if (data) create.mutate(data, { onSuccess: (u) => onDone(u.id) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={unit ? t("coordination.units.edit") : t("coordination.units.create")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t("coordination.units.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            style={{ flex: 1 }}
            miw={240}
          />
          <TextInput
            label={t("coordination.units.code")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.code}
            w={130}
          />
          <Select
            label={t("coordination.units.echelon")}
            data={ECHELONS.map((x) => ({ value: x, label: t(`coordination.echelon.${x}`) }))}
            value={echelon}
            onChange={(v) => v && setEchelon(v)}
            allowDeselect={false}
            w={170}
          />
        </Group>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t("coordination.units.commanderPost")}
            description={t("coordination.units.commanderPostHelp")}
            value={post}
            onChange={(e) => setPost(e.currentTarget.value)}
            error={errors["commander.post"]}
            required
            style={{ flex: 1 }}
            miw={240}
          />
          <TextInput
            label={t("coordination.units.commanderUser")}
            description={t("coordination.units.commanderUserHelp")}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errors["commander.username"]}
            w={200}
          />
        </Group>
        <MultiSelect
          label={t("coordination.units.jurisdiction")}
          description={t("coordination.units.jurisdictionHelp")}
          data={(sectors.data ?? []).map((s) => ({ value: s.id, label: sectorLabel(s) }))}
          value={jurisdiction}
          onChange={setJurisdiction}
          searchable
          error={errors.jurisdiction}
        />
        <MultiSelect
          label={t("coordination.units.counterparts")}
          description={t("coordination.units.counterpartsHelp")}
          data={others.map((u) => ({ value: u.id, label: unitLabel(u) }))}
          value={counterparts}
          onChange={setCounterparts}
          searchable
          error={errors.counterparts}
        />
        <Textarea
          label={t("coordination.units.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
        />
        <ContactsEditor value={contacts} onChange={setContacts} errors={errors} />
        <ProblemAlert error={mutation.error} />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {unit ? t("coordination.common.saveChanges") : t("coordination.units.create")}
        </Button>
      </Stack>
    </form>
  );
}
