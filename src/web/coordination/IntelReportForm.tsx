import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Confidence } from "../../core/border/schema";
import { EMPTY_LINKS, type Links, TLP_LEVELS } from "../../core/coordination/schema";
import { intelReportInput } from "../../core/coordination/threat-inputs";
import { ConfidenceFields } from "../border/ConfidenceFields";
import { ProblemAlert } from "../components/ProblemAlert";
import { LinksFields } from "./LinksFields";
import { useFormCheck } from "./use-form-check";
import { useWriteReport } from "./use-intel";

/** Writes an intelligence report in the national space; sharing it is a separate, explicit release. */
export function IntelReportForm({ onDone }: { onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const write = useWriteReport();
  const [summary, setSummary] = useState("");
  const [body, setBody] = useState("");
  const [tlp, setTlp] = useState<string>("amber");
  const [confidence, setConfidence] = useState<Confidence>({ reliability: "B", credibility: 2 });
  const [originator, setOriginator] = useState("");
  const [links, setLinks] = useState<Links>(EMPTY_LINKS);

  const { errors, check } = useFormCheck(intelReportInput, {
    summary: summary.trim(),
    body,
    tlp,
    confidence,
    links,
    originator: originator.trim(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data) write.mutate(data, { onSuccess: (r) => onDone(r.id) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.intel.write")}>
      <Stack gap="sm">
        <Alert color="blue" variant="light">
          {t("coordination.intel.nationalNote")}
        </Alert>
        <TextInput
          label={t("coordination.intel.summary")}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
          required
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t("coordination.intel.originator")}
            description={t("coordination.intel.originatorHelp")}
            value={originator}
            onChange={(e) => setOriginator(e.currentTarget.value)}
            error={errors.originator}
            required
            style={{ flex: 1 }}
            miw={240}
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
        <Textarea
          label={t("coordination.intel.body")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={5}
          error={errors.body}
        />
        <LinksFields value={links} onChange={setLinks} errors={errors} />
        <ProblemAlert error={write.error} />
        <Button type="submit" loading={write.isPending} style={{ alignSelf: "flex-start" }}>
          {t("coordination.intel.write")}
        </Button>
      </Stack>
    </form>
  );
}
