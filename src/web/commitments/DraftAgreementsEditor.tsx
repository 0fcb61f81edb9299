import { ActionIcon, Button, Group, NumberInput, Stack, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "../i18n/validation";

/** A draft agreement under review; `key` keeps React rows stable while numbers change. */
export interface DraftRow {
  key: string;
  number: number;
  text: string;
}

/** Review of the agreements a pasted statement was split into: edit, remove, add. */
export function DraftAgreementsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: DraftRow[];
  onChange: (rows: DraftRow[]) => void;
  errors: FormErrors;
}) {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<DraftRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { key: crypto.randomUUID(), number: Math.max(0, ...rows.map((r) => r.number)) + 1, text: "" }]);
  return (
    <Stack gap="sm" role="group" aria-label={t("statements.draftAgreements")}>
      {rows.map((r, i) => (
        <Group key={r.key} align="flex-start" gap="xs" wrap="nowrap">
          <NumberInput
            label={t("statements.number")}
            aria-label={t("statements.agreementNumber", { n: i + 1 })}
            value={r.number}
            onChange={(v) => set(r.key, { number: typeof v === "number" ? v : Number(v) || 0 })}
            min={1}
            max={999}
            w={80}
            error={errors[`agreements.${i}.number`]}
          />
          <Textarea
            label={t("statements.agreementText")}
            aria-label={t("statements.agreementTextN", { n: r.number })}
            value={r.text}
            onChange={(e) => set(r.key, { text: e.currentTarget.value })}
            autosize
            minRows={2}
            style={{ flex: 1 }}
            error={errors[`agreements.${i}.text`]}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={t("statements.removeAgreement", { n: r.number })}
            onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" onClick={add}>
          {t("statements.addAgreement")}
        </Button>
      </Group>
    </Stack>
  );
}
