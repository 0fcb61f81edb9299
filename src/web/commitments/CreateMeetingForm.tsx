import { Button, Group, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ministerialMeetingInput } from "../../core/commitments/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { todayIso } from "../format";
import { type FormErrors, validate } from "../i18n/validation";
import { useCreateMeeting } from "./use-meetings";

/** Records a ministerial meeting: date, place, host side, participants (by office), summary. */
export function CreateMeetingForm({ hostDefault, onDone }: { hostDefault: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMeeting();
  const [date, setDate] = useState(todayIso());
  const [place, setPlace] = useState("");
  const [hostNode, setHost] = useState(hostDefault);
  const [participants, setParticipants] = useState<string[]>([]);
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(
      ministerialMeetingInput,
      { date, place: place.trim(), hostNode: hostNode.trim(), participants, ...(summary.trim() ? { summary } : {}) },
      t,
    );
    setErrors(v.errors ?? {});
    if (v.data) create.mutate(v.data, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("meetings.create")}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t("meetings.date")}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.date}
            w={170}
          />
          <TextInput
            label={t("meetings.place")}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
            required
            style={{ flex: 1 }}
            miw={200}
          />
          <TextInput
            label={t("meetings.host")}
            value={hostNode}
            onChange={(e) => setHost(e.currentTarget.value)}
            error={errors.hostNode}
            w={110}
          />
        </Group>
        <TagsInput
          label={t("meetings.participants")}
          description={t("meetings.participantsHelp")}
          value={participants}
          onChange={setParticipants}
          error={errors.participants}
        />
        <Textarea
          label={t("meetings.summary")}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.summary}
        />
        <ProblemAlert error={create.error} />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("meetings.create")}
        </Button>
      </Stack>
    </form>
  );
}
