import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { activityPatch } from "../../core/commitments/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import type { Activity } from "./types";
import { useUpdateActivity } from "./use-activities";

/**
 * The owner's controls: implementation level, due date and the at-risk flag. The other
 * side sees why it cannot change them (single writer per object) instead of a form.
 */
export function OwnerForm({ activity, myNode }: { activity: Activity; myNode: string }) {
  const { t } = useTranslation();
  const update = useUpdateActivity(activity.id);
  const [level, setLevel] = useState(String(activity.level));
  const [dueDate, setDueDate] = useState(activity.dueDate);
  const [flag, setFlag] = useState<"on_track" | "at_risk">(activity.flaggedAtRisk ? "at_risk" : "on_track");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});

  if (activity.ownerNode !== myNode) {
    return (
      <Alert color="blue" title={t("owner.notOwnerTitle")}>
        <Text size="sm">{t("owner.notOwnerBody", { owner: activity.ownerNode.toUpperCase(), me: myNode.toUpperCase() })}</Text>
      </Alert>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch = {
      ...(Number(level) !== activity.level ? { level: Number(level) } : {}),
      ...(dueDate !== activity.dueDate ? { dueDate } : {}),
      ...(flag !== (activity.flaggedAtRisk ? "at_risk" : "on_track") ? { status: flag } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const v = validate(activityPatch, patch, t);
    setErrors(v.errors ?? {});
    if (v.data) update.mutate(v.data, { onSuccess: () => setNote("") });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("owner.formLabel")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t("activities.level")}
            value={level}
            onChange={(v) => v && setLevel(v)}
            data={[0, 1, 2, 3].map((l) => ({ value: String(l), label: `${l} · ${t(`level.${l}`)}` }))}
            allowDeselect={false}
            w={220}
            error={errors.level}
          />
          <TextInput
            type="date"
            label={t("activities.due")}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            w={170}
            error={errors.dueDate}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="owner-flag">
              {t("owner.flag")}
            </Text>
            <SegmentedControl
              aria-labelledby="owner-flag"
              value={flag}
              onChange={(v) => setFlag(v === "at_risk" ? "at_risk" : "on_track")}
              data={[
                { value: "on_track", label: t("owner.onTrack") },
                { value: "at_risk", label: t("owner.atRisk") },
              ]}
            />
          </Stack>
        </Group>
        <Textarea
          label={t("owner.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={1}
          error={errors.note}
        />
        {errors._ && (
          <Text size="sm" c="red.9">
            {t("owner.nothingChanged")}
          </Text>
        )}
        <ProblemAlert error={update.error} />
        <Button type="submit" loading={update.isPending} style={{ alignSelf: "flex-start" }}>
          {t("owner.save")}
        </Button>
      </Stack>
    </form>
  );
}
