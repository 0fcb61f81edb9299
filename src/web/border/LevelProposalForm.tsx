import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { levelProposalInput } from "../../core/border/inputs";
import { SECTOR_LEVELS, type SectorLevel } from "../../core/border/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { useProposeLevel } from "./use-sectors";

/** Proposes a level for a sector, with the reason and what it rests on (assessments, incidents). */
export function LevelProposalForm({ sectorId, current }: { sectorId: string; current: SectorLevel | null }) {
  const { t } = useTranslation();
  const propose = useProposeLevel(sectorId);
  const [level, setLevel] = useState<SectorLevel>(current ?? "medium");
  const [reason, setReason] = useState("");
  const [citations, setCitations] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = citations
      .split(/[;\n]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const v = validate(levelProposalInput, { level, reason, citations: list }, t);
    setErrors(v.errors ?? {});
    if (v.data) propose.mutate(v.data, { onSuccess: () => setReason("") });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("sectors.proposeTitle")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("sectors.proposedLevel")}
            data={SECTOR_LEVELS.map((l) => ({ value: l, label: t(`sectors.level.${l}`) }))}
            value={level}
            onChange={(v) => v && setLevel(v as SectorLevel)}
            allowDeselect={false}
            w={200}
            error={errors.level}
          />
          <TextInput
            label={t("sectors.citations")}
            description={t("sectors.citationsHint")}
            value={citations}
            onChange={(e) => setCitations(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 260 }}
            error={errors.citations}
          />
        </Group>
        <Textarea
          label={t("sectors.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={errors.reason}
        />
        <ProblemAlert error={propose.error} />
        <Button type="submit" loading={propose.isPending} style={{ alignSelf: "flex-start" }}>
          {t("sectors.propose")}
        </Button>
      </Stack>
    </form>
  );
}
