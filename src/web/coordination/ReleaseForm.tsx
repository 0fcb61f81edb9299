import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Confidence } from "../../core/border/schema";
import { EMPTY_LINKS, type Links, TLP_LEVELS } from "../../core/coordination/schema";
import { releaseInput } from "../../core/coordination/threat-inputs";
import type { IntelReportDetailView } from "../../core/coordination/views";
import { ConfidenceFields } from "../border/ConfidenceFields";
import { ProblemAlert } from "../components/ProblemAlert";
import { LinksFields } from "./LinksFields";
import { useFormCheck } from "./use-form-check";
import { useReleaseReport } from "./use-intel";
import { useSharedSpaces } from "./use-space-names";

/**
 * Releases a report into a shared space as a new, sanitised copy: the officer writes what
 * the copy says, picks its marking and links; nothing of the source travels unless written
 * here. Another node's material needs that node's consent first (the server checks).
 */
export function ReleaseForm({ report, onDone }: { report: IntelReportDetailView; onDone: (copyId: string | null) => void }) {
  const { t } = useTranslation();
  const release = useReleaseReport(report.id);
  const targets = useSharedSpaces().filter((s) => s.id !== report.space);
  const [space, setSpace] = useState<string | null>(targets[0]?.id ?? null);
  const [summary, setSummary] = useState(report.summary);
  const [body, setBody] = useState("");
  const [tlp, setTlp] = useState<string>(report.tlp === "red" ? "amber" : report.tlp);
  const [confidence, setConfidence] = useState<Confidence>(report.confidence);
  const [originator, setOriginator] = useState(report.originator);
  const [links, setLinks] = useState<Links>(EMPTY_LINKS);

  const { errors, check } = useFormCheck(releaseInput, {
    ...(space ? { space } : {}),
    summary: summary.trim(),
    body,
    tlp,
    confidence,
    links,
    originator: originator.trim(),
  });
  if (targets.length === 0) return <Text c="dimmed">{t("coordination.release.noSpace")}</Text>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    // The answer is the new copy (the source stays as it was, plus a record of the release).
    if (data) release.mutate(data, { onSuccess: (copy) => onDone(copy.id) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.release.heading")}>
      <Stack gap="sm">
        <Alert color="yellow" variant="light">
          {t("coordination.release.sanitiseNote")}
        </Alert>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.release.space")}
            data={targets.map((s) => ({ value: s.id, label: s.name }))}
            value={space}
            onChange={setSpace}
            allowDeselect={false}
            error={errors.space}
            w={340}
          />
          <Select
            label={t("coordination.common.tlp")}
            data={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
            value={tlp}
            onChange={(v) => v && setTlp(v)}
            allowDeselect={false}
            error={errors.tlp}
            w={190}
          />
        </Group>
        <TextInput
          label={t("coordination.release.summary")}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
          required
        />
        <Textarea
          label={t("coordination.release.body")}
          description={t("coordination.release.bodyHelp")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={4}
          error={errors.body}
        />
        <TextInput
          label={t("coordination.intel.originator")}
          value={originator}
          onChange={(e) => setOriginator(e.currentTarget.value)}
          error={errors.originator}
        />
        <ConfidenceFields value={confidence} onChange={setConfidence} errors={{}} />
        <Text size="xs" c="dimmed">
          {t("coordination.release.linksHelp")}
        </Text>
        <LinksFields value={links} onChange={setLinks} errors={errors} {...(space ? { space } : {})} />
        <ProblemAlert error={release.error} />
        <Button type="submit" loading={release.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.release.submit")}
        </Button>
      </Stack>
    </form>
  );
}
