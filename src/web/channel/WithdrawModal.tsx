import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { withdrawInput } from "../../core/channel/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import type { MessageView } from "./types";
import { useWithdrawMessage } from "./use-messages";

/** Withdrawing is an event like any other: the message stays in the log, marked withdrawn, with the reason given. */
export function WithdrawModal({ message, opened, onClose }: { message: MessageView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawMessage();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(withdrawInput, reason.trim() ? { reason } : {}, t);
    setErrors(v.errors ?? {});
    if (!v.data) return;
    withdraw.mutate({ id: message.id, ...(v.data.reason ? { reason: v.data.reason } : {}) }, { onSuccess: onClose });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("channel.withdraw.title")} centered>
      <form onSubmit={submit} noValidate aria-label={t("channel.withdraw.title")}>
        <Stack gap="sm">
          <Text size="sm">{t("channel.withdraw.explain")}</Text>
          <TextInput
            label={t("channel.withdraw.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <ProblemAlert error={withdraw.error} />
          <Group gap="xs" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red.8" loading={withdraw.isPending}>
              {t("channel.withdraw.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
