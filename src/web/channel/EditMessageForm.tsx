import { Button, Group, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { messagePatch } from "../../core/channel/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import type { MessageView } from "./types";
import { useEditMessage } from "./use-messages";

/** The author's edit: a new version of the body; the earlier ones stay in its history and in the log. */
export function EditMessageForm({ message, onDone }: { message: MessageView; onDone: () => void }) {
  const { t } = useTranslation();
  const edit = useEditMessage();
  const [body, setBody] = useState(message.body);
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(messagePatch, { body }, t);
    setErrors(v.errors ?? {});
    if (v.data) edit.mutate({ id: message.id, body: v.data.body }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("channel.edit.form")}>
      <Stack gap="xs">
        <Textarea
          label={t("channel.edit.body")}
          description={t("channel.edit.help")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
          autosize
          minRows={2}
          maxRows={12}
          data-autofocus
        />
        <ProblemAlert error={edit.error} />
        <Group gap="xs">
          <Button type="submit" loading={edit.isPending}>
            {t("channel.edit.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
