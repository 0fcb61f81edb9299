import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Confidence, SECTOR_LEVELS } from "../../core/border/schema";
import { TLP_LEVELS } from "../../core/coordination/schema";
import { assessmentInput } from "../../core/coordination/threat-inputs";
import { ConfidenceFields } from "../border/ConfidenceFields";
import { useSectors } from "../border/use-sectors";
import { ProblemAlert } from "../components/ProblemAlert";
import { sectorLabel } from "./labels";
import { useFormCheck } from "./use-form-check";
import { useRecordAssessment, useThreatActors } from "./use-threats";

/** Assesses a group, a sector or both: a level with its Admiralty confidence (A–F × 1–6). */
export function AssessmentForm({ threatActorId, onDone }: { threatActorId?: string; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const sectors = useSectors();
  const actors = useThreatActors();
  const record = useRecordAssessment();
  const [actorId, setActor] = useState<string | null>(threatActorId ?? null);
  const [sectorId, setSector] = useState<string | null>(null);
  const [level, setLevel] = useState<string>("medium");
  const [confidence, setConfidence] = useState<Confidence>({ reliability: "B", credibility: 2 });
  const [tlp, setTlp] = useState<string>("amber");
  const [summary, setSummary] = useState("");
  const [body, setBody] = useState("");

  const { errors, check } = useFormCheck(assessmentInput, {
    ...(actorId ? { threatActorId: actorId } : {}),
    ...(sectorId ? { sectorId } : {}),
    level,
    confidence,
    tlp,
    summary: summary.trim(),
    body,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data) record.mutate(data, { onSuccess: (a) => onDone(a.id) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.assessments.create")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.assessments.group")}
            data={(actors.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={actorId}
            onChange={setActor}
            searchable
            clearable
            error={errors.threatActorId}
            w={300}
          />
          <Select
            label={t("coordination.assessments.sector")}
            data={(sectors.data ?? []).map((s) => ({ value: s.id, label: sectorLabel(s) }))}
            value={sectorId}
            onChange={setSector}
            searchable
            clearable
            error={errors.sectorId}
            w={300}
          />
        </Group>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.common.level")}
            data={SECTOR_LEVELS.map((l) => ({ value: l, label: t(`sectors.level.${l}`) }))}
            value={level}
            onChange={(v) => v && setLevel(v)}
            allowDeselect={false}
            w={140}
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
        <ConfidenceFields
          value={confidence}
          onChange={setConfidence}
          errors={{ reliability: errors["confidence.reliability"], credibility: errors["confidence.credibility"] }}
        />
        <TextInput
          label={t("coordination.assessments.summary")}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
          required
        />
        <Textarea
          label={t("coordination.assessments.body")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
          error={errors.body}
        />
        <ProblemAlert error={record.error} />
        <Button type="submit" loading={record.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.assessments.create")}
        </Button>
      </Stack>
    </form>
  );
}
