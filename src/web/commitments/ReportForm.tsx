import { Button, FileInput, Group, List, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { reportInput } from "../../core/commitments/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { todayIso } from "../format";
import { type FormErrors, validate } from "../i18n/validation";
import { EVIDENCE_ACCEPT, evidenceProblem, readEvidence } from "./evidence-files";
import { usePostReport } from "./use-activities";

/** Either side's progress report: date, proposed level, narrative and evidence files. */
export function ReportForm({ activityId, currentLevel }: { activityId: string; currentLevel: number }) {
  const { t } = useTranslation();
  const post = usePostReport(activityId);
  const [date, setDate] = useState(todayIso());
  const [level, setLevel] = useState(String(currentLevel));
  const [narrative, setNarrative] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});

  const fileErrors = files.flatMap((f) => {
    const key = evidenceProblem(f);
    return key ? [`${f.name}: ${t(key)}`] : [];
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (fileErrors.length > 0) return;
    const evidence = await Promise.all(files.map(readEvidence));
    const v = validate(reportInput, { date, proposedLevel: Number(level), narrative, evidence }, t);
    setErrors(v.errors ?? {});
    if (!v.data) return;
    post.mutate(v.data, {
      onSuccess: () => {
        setNarrative("");
        setFiles([]);
      },
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("reports.postHeading")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t("reports.date")}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.date}
            w={170}
          />
          <Select
            label={t("reports.proposedLevel")}
            value={level}
            onChange={(v) => v && setLevel(v)}
            data={[0, 1, 2, 3].map((l) => ({ value: String(l), label: `${l} · ${t(`level.${l}`)}` }))}
            allowDeselect={false}
            w={220}
            error={errors.proposedLevel}
          />
        </Group>
        <Textarea
          label={t("reports.narrative")}
          value={narrative}
          onChange={(e) => setNarrative(e.currentTarget.value)}
          autosize
          minRows={3}
          error={errors.narrative}
          required
        />
        <FileInput
          label={t("reports.evidence")}
          description={t("reports.evidenceHelp")}
          placeholder={t("reports.chooseFiles")}
          multiple
          clearable
          accept={EVIDENCE_ACCEPT}
          value={files}
          onChange={setFiles}
          error={fileErrors.length > 0 ? fileErrors.join("; ") : errors.evidence}
        />
        {files.length > 0 && (
          <List size="sm">
            {files.map((f) => (
              <List.Item key={f.name}>{`${f.name} (${Math.ceil(f.size / 1024)} KB)`}</List.Item>
            ))}
          </List>
        )}
        <ProblemAlert error={post.error} />
        {post.isSuccess && (
          <Group c="green.9" fz="sm" role="status">
            {t("reports.posted")}
          </Group>
        )}
        <Button type="submit" loading={post.isPending} style={{ alignSelf: "flex-start" }}>
          {t("reports.post")}
        </Button>
      </Stack>
    </form>
  );
}
