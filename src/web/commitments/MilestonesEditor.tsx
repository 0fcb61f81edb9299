import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "../i18n/validation";
import type { Milestone } from "./types";

/** Milestones of an activity: title, due date and (once done) the day it was done. */
export function MilestonesEditor({
  value,
  onChange,
  errors,
  prefix = "milestones",
}: {
  value: Milestone[];
  onChange: (v: Milestone[]) => void;
  errors: FormErrors;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Milestone>) => onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <Stack gap="xs" role="group" aria-label={t("milestones.label")}>
      <Text size="sm" fw={500}>
        {t("milestones.label")}
      </Text>
      {value.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
        <Group key={i} gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            aria-label={t("milestones.titleN", { n: i + 1 })}
            placeholder={t("milestones.title")}
            value={m.title}
            onChange={(e) => set(i, { title: e.currentTarget.value })}
            error={errors[`${prefix}.${i}.title`]}
            style={{ flex: 1 }}
            miw={180}
          />
          <TextInput
            type="date"
            aria-label={t("milestones.dueN", { n: i + 1 })}
            value={m.dueDate}
            onChange={(e) => set(i, { dueDate: e.currentTarget.value })}
            error={errors[`${prefix}.${i}.dueDate`]}
            w={160}
          />
          <TextInput
            type="date"
            aria-label={t("milestones.doneN", { n: i + 1 })}
            value={m.doneOn ?? ""}
            onChange={(e) => set(i, { doneOn: e.currentTarget.value || null })}
            error={errors[`${prefix}.${i}.doneOn`]}
            w={160}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t("milestones.remove", { n: i + 1 })}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" size="compact-sm" onClick={() => onChange([...value, { title: "", dueDate: "", doneOn: null }])}>
          {t("milestones.add")}
        </Button>
      </Group>
    </Stack>
  );
}
