import { Button, Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { releaseInput } from "../../core/border/inputs";
import type { IncidentView } from "../../core/border/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { useSpaces } from "../federation/use-federation";
import { type FormErrors, validate } from "../i18n/validation";
import { useReleaseIncident } from "./use-incidents";

/**
 * Releases a national incident into a shared space: a new, sanitised copy linked to this
 * one, carrying only what the officer keeps (summary rewritten for the other side, goods
 * and crossing optional, a generic originator unless one is given).
 */
export function ReleaseIncidentForm({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const spaces = useSpaces();
  const release = useReleaseIncident(incident.id);
  const options = (spaces.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  const [space, setSpace] = useState<string | null>(null);
  const [summary, setSummary] = useState(incident.summary);
  const [originator, setOriginator] = useState("");
  const [includeGoods, setIncludeGoods] = useState(true);
  const [includeCrossing, setIncludeCrossing] = useState(true);
  const [errors, setErrors] = useState<FormErrors>({});
  const chosen = space ?? options[0]?.value ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      space: chosen ?? "",
      summary,
      ...(originator.trim() ? { originator: originator.trim() } : {}),
      includeGoods,
      includeCrossing,
    };
    const v = validate(releaseInput, body, t);
    setErrors(v.errors ?? {});
    if (v.data) release.mutate(v.data, { onSuccess: (copy) => navigate(`/border/incidents/${copy.id}`) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("incidents.releaseTitle")}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("incidents.releaseHint")}
        </Text>
        <Select
          label={t("incidents.releaseSpace")}
          data={options}
          value={chosen}
          onChange={setSpace}
          allowDeselect={false}
          error={errors.space}
          w={320}
        />
        <Textarea
          label={t("incidents.releaseSummary")}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={errors.summary}
        />
        <TextInput
          label={t("incidents.releaseOriginator")}
          description={t("incidents.releaseOriginatorHint")}
          value={originator}
          onChange={(e) => setOriginator(e.currentTarget.value)}
          error={errors.originator}
        />
        <Group gap="lg">
          <Checkbox label={t("incidents.includeGoods")} checked={includeGoods} onChange={(e) => setIncludeGoods(e.currentTarget.checked)} />
          <Checkbox
            label={t("incidents.includeCrossing")}
            checked={includeCrossing}
            onChange={(e) => setIncludeCrossing(e.currentTarget.checked)}
          />
        </Group>
        <ProblemAlert error={release.error} />
        <Button type="submit" loading={release.isPending} disabled={!chosen} style={{ alignSelf: "flex-start" }}>
          {t("incidents.release")}
        </Button>
      </Stack>
    </form>
  );
}
