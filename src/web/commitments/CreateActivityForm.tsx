import { Button, Group, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { activityInput } from "../../core/commitments/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { MilestonesEditor } from "./MilestonesEditor";
import type { Milestone } from "./types";
import { useCreateActivity } from "./use-activities";

/** Creates an activity in an operation; this node becomes its owner. Reports the new title. */
export function CreateActivityForm({ operationId, onCreated }: { operationId: string; onCreated: (title: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateActivity();
  const [title, setTitle] = useState("");
  const [number, setNumber] = useState<number | "">("");
  const [responsibleUnit, setUnit] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [startDate, setStartDate] = useState("");
  const [description, setDescription] = useState("");
  const [weight, setWeight] = useState<number>(1);
  const [milestones, setMilestones] = useState<Milestone[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      operationId,
      title: title.trim(),
      responsibleUnit: responsibleUnit.trim(),
      dueDate,
      description,
      weight,
      milestones: milestones.map((m) => ({ ...m, title: m.title.trim() })),
      ...(number !== "" ? { number } : {}),
      ...(startDate ? { startDate } : {}),
    };
    const v = validate(activityInput, body, t);
    setErrors(v.errors ?? {});
    if (v.data) create.mutate(v.data, { onSuccess: (a) => onCreated(a.title) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("activities.create")}>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NumberInput
            label={t("activities.number")}
            value={number}
            onChange={(v) => setNumber(typeof v === "number" ? v : "")}
            min={1}
            max={9999}
            w={90}
            error={errors.number}
          />
          <TextInput
            label={t("activities.title")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
            style={{ flex: 1 }}
            miw={240}
          />
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t("activities.unit")}
            value={responsibleUnit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            error={errors.responsibleUnit}
            required
            style={{ flex: 1 }}
            miw={220}
          />
          <TextInput
            type="date"
            label={t("activities.start")}
            value={startDate}
            onChange={(e) => setStartDate(e.currentTarget.value)}
            error={errors.startDate}
            w={170}
          />
          <TextInput
            type="date"
            label={t("activities.due")}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
            required
            w={170}
          />
          <NumberInput
            label={t("activities.weight")}
            value={weight}
            onChange={(v) => setWeight(typeof v === "number" ? v : 1)}
            min={0.1}
            max={100}
            step={0.5}
            decimalScale={2}
            w={100}
            error={errors.weight}
          />
        </Group>
        <Textarea
          label={t("activities.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
        />
        <MilestonesEditor value={milestones} onChange={setMilestones} errors={errors} />
        <ProblemAlert error={create.error} />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("activities.create")}
        </Button>
      </Stack>
    </form>
  );
}
