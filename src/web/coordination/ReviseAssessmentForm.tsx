import { Button, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Confidence, SECTOR_LEVELS } from "../../core/border/schema";
import { assessmentRevision } from "../../core/coordination/threat-inputs";
import { ConfidenceFields } from "../border/ConfidenceFields";
import { ProblemAlert } from "../components/ProblemAlert";
import { useFormCheck } from "./use-form-check";
import { type AssessmentDetail, useReviseAssessment } from "./use-threats";

/** A new revision of an assessment (level, confidence, wording); the previous one stays in its history. */
export function ReviseAssessmentForm({ assessment, onDone }: { assessment: AssessmentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const revise = useReviseAssessment(assessment.id);
  const [level, setLevel] = useState<string>(assessment.level);
  const [confidence, setConfidence] = useState<Confidence>(assessment.confidence);
  const [summary, setSummary] = useState(assessment.summary);
  const [body, setBody] = useState(assessment.body);
  const [note, setNote] = useState("");

  // Only what changed is sent: a revision records a change, not a copy.
  const { errors, check } = useFormCheck(assessmentRevision, {
    ...(level !== assessment.level ? { level } : {}),
    ...(JSON.stringify(confidence) !== JSON.stringify(assessment.confidence) ? { confidence } : {}),
    ...(summary.trim() !== assessment.summary ? { summary: summary.trim() } : {}),
    ...(body !== assessment.body ? { body } : {}),
    note: note.trim(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data) revise.mutate(data, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.assessments.revise")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start">
          <Select
            label={t("coordination.common.level")}
            data={SECTOR_LEVELS.map((l) => ({ value: l, label: t(`sectors.level.${l}`) }))}
            value={level}
            onChange={(v) => v && setLevel(v)}
            allowDeselect={false}
            w={140}
          />
        </Group>
        <ConfidenceFields value={confidence} onChange={setConfidence} errors={{}} />
        <TextInput
          label={t("coordination.assessments.summary")}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
        />
        <Textarea
          label={t("coordination.assessments.body")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <TextInput label={t("coordination.common.changeNote")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {errors._ && (
          <Text size="sm" c="red.8" role="alert">
            {t("coordination.common.nothingChanged")}
          </Text>
        )}
        <ProblemAlert error={revise.error} />
        <Button type="submit" loading={revise.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.assessments.saveRevision")}
        </Button>
      </Stack>
    </form>
  );
}
