import { Button, Group, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../components/ProblemAlert";
import { useCancelMeeting } from "./use-unit-meetings";

/** The host cancels a meeting with a reason; invitees' calendars receive the cancellation. */
export function CancelMeetingForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const cancel = useCancelMeeting(meetingId);
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} aria-label={t("coordination.meetings.cancel")}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("coordination.meetings.cancelReason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: 1 }}
          miw={260}
        />
        <Button type="submit" color="red" variant="light" loading={cancel.isPending}>
          {t("coordination.meetings.cancel")}
        </Button>
      </Group>
      <ProblemAlert error={cancel.error} />
    </form>
  );
}
