import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "../i18n/validation";

/** One agenda item being written: a title, a detail, and the unit that presents it (if any). */
export interface AgendaDraft {
  title: string;
  detail: string;
  unitId: string | null;
}

/** The agenda of a meeting: numbered items, each presented by one of the meeting's units or by all. */
export function AgendaEditor({
  value,
  onChange,
  units,
  errors,
}: {
  value: AgendaDraft[];
  onChange: (v: AgendaDraft[]) => void;
  units: { value: string; label: string }[];
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<AgendaDraft>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t("coordination.meetings.agenda")}
      </Text>
      {value.length === 0 && (
        <Text size="xs" c="dimmed">
          {t("coordination.meetings.agendaEmpty")}
        </Text>
      )}
      {value.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no id until the meeting is saved
        <Group key={i} gap="xs" align="flex-start" wrap="wrap">
          <Text fw={600} mt={30} w={20} ta="right" aria-hidden>
            {i + 1}.
          </Text>
          <TextInput
            label={t("coordination.meetings.agendaTitle", { n: i + 1 })}
            value={a.title}
            onChange={(e) => set(i, { title: e.currentTarget.value })}
            error={errors[`agenda.${i}.title`]}
            style={{ flex: 2 }}
            miw={200}
          />
          <TextInput
            label={t("coordination.meetings.agendaDetail", { n: i + 1 })}
            value={a.detail}
            onChange={(e) => set(i, { detail: e.currentTarget.value })}
            style={{ flex: 2 }}
            miw={200}
          />
          <Select
            label={t("coordination.meetings.agendaUnit", { n: i + 1 })}
            placeholder={t("coordination.meetings.allUnits")}
            data={units}
            value={a.unitId}
            onChange={(v) => set(i, { unitId: v })}
            clearable
            w={220}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t("coordination.meetings.agendaRemove", { n: i + 1 })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        onClick={() => onChange([...value, { title: "", detail: "", unitId: null }])}
        style={{ alignSelf: "flex-start" }}
      >
        {t("coordination.meetings.agendaAdd")}
      </Button>
    </Stack>
  );
}
