import { Accordion, Button, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { minutesInput } from "../../core/coordination/inputs";
import type { MeetingDetailView } from "../../core/coordination/views";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDateTime } from "../format";
import { useCanCoordinate, useMyNode } from "./use-coordination-can";
import { useFormCheck } from "./use-form-check";
import { useRecordMinutes } from "./use-unit-meetings";

/** The host writes the minutes; each save is a new version and earlier ones stay readable. */
function MinutesForm({ meeting, onSaved }: { meeting: MeetingDetailView; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordMinutes(meeting.id);
  const [text, setText] = useState(meeting.minutes?.text ?? "");
  const { errors, check } = useFormCheck(minutesInput, { text });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const data = check();
    if (data) record.mutate(data.text, { onSuccess: onSaved });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("coordination.minutes.write")}>
      <Stack gap="sm">
        <Textarea
          label={t("coordination.minutes.text")}
          description={t("coordination.minutes.textHelp")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={24}
          error={errors.text}
          required
        />
        <ProblemAlert error={record.error} />
        <Button type="submit" loading={record.isPending} style={{ alignSelf: "flex-start" }}>
          {meeting.minutes ? t("coordination.minutes.saveVersion") : t("coordination.minutes.save")}
        </Button>
      </Stack>
    </form>
  );
}

/** The meeting's minutes: the latest version, earlier versions, and the host's form. */
export function MinutesPanel({ meeting }: { meeting: MeetingDetailView }) {
  const { t, i18n } = useTranslation();
  const me = useMyNode();
  const canWrite = useCanCoordinate("meeting.manage") && meeting.ownerNode === me && meeting.status === "scheduled";
  const [writing, setWriting] = useState(false);
  const m = meeting.minutes;
  const earlier = meeting.minutesHistory.filter((h) => h.version !== m?.version);
  return (
    <Stack gap="sm">
      {m ? (
        <>
          <Text size="xs" c="dimmed">
            {t("coordination.minutes.version", { version: m.version, by: m.recordedBy, at: formatDateTime(m.recordedAt, i18n.language) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {m.text}
          </Text>
        </>
      ) : (
        <Text c="dimmed" size="sm">
          {meeting.ownerNode === me
            ? t("coordination.minutes.noneHost")
            : t("coordination.minutes.noneGuest", { host: meeting.ownerNode.toUpperCase() })}
        </Text>
      )}
      {earlier.length > 0 && (
        <Accordion variant="separated">
          <Accordion.Item value="history">
            <Accordion.Control>{t("coordination.minutes.history", { count: earlier.length })}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                {[...earlier].reverse().map((h) => (
                  <div key={h.version}>
                    <Text size="xs" c="dimmed">
                      {t("coordination.minutes.version", {
                        version: h.version,
                        by: h.recordedBy,
                        at: formatDateTime(h.recordedAt, i18n.language),
                      })}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {h.text}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      {canWrite &&
        (writing ? (
          <MinutesForm meeting={meeting} onSaved={() => setWriting(false)} />
        ) : (
          <Button variant="light" onClick={() => setWriting(true)} style={{ alignSelf: "flex-start" }}>
            {m ? t("coordination.minutes.edit") : t("coordination.minutes.write")}
          </Button>
        ))}
    </Stack>
  );
}
