import { Button, Group, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ackInput } from "../../core/channel/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import type { MessageView } from "./types";
import { useAcknowledge } from "./use-receipts";

/** An addressee's explicit acknowledgement, with an optional comment (signed by this node as its own record). */
export function AckForm({ message, onDone }: { message: MessageView; onDone: () => void }) {
  const { t } = useTranslation();
  const ack = useAcknowledge(message);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(ackInput, comment.trim() ? { comment } : {}, t);
    setErrors(v.errors ?? {});
    if (v.data) ack.mutate(v.data.comment ?? "", { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("channel.ack.form")}>
      <Stack gap="xs">
        <Textarea
          label={t("channel.ack.comment")}
          description={t("channel.ack.commentHelp")}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.comment}
          autosize
          minRows={1}
          maxRows={4}
          data-autofocus
        />
        <ProblemAlert error={ack.error} />
        <Group gap="xs">
          <Button type="submit" color="green.9" loading={ack.isPending}>
            {t("channel.ack.confirm")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
