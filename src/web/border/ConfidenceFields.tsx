import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Confidence, CREDIBILITY, RELIABILITY } from "../../core/border/schema";

/** Confidence as the Admiralty grading: source reliability A–F and information credibility 1–6. */
export function ConfidenceFields({
  value,
  onChange,
  errors,
}: {
  value: Confidence;
  onChange: (c: Confidence) => void;
  errors: { reliability?: string | undefined; credibility?: string | undefined };
}) {
  const { t } = useTranslation();
  return (
    <Group grow gap="xs" align="flex-start">
      <Select
        label={t("incidents.reliability")}
        data={RELIABILITY.map((r) => ({ value: r, label: `${r} · ${t(`incidents.reliabilityLevel.${r}`)}` }))}
        value={value.reliability}
        onChange={(v) => v && onChange({ ...value, reliability: v as Confidence["reliability"] })}
        allowDeselect={false}
        error={errors.reliability}
      />
      <Select
        label={t("incidents.credibility")}
        data={CREDIBILITY.map((c) => ({ value: String(c), label: `${c} · ${t(`incidents.credibilityLevel.${c}`)}` }))}
        value={String(value.credibility)}
        onChange={(v) => v && onChange({ ...value, credibility: Number(v) })}
        allowDeselect={false}
        error={errors.credibility}
      />
    </Group>
  );
}
