import { Alert, Button, Checkbox, CloseButton, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isUrgent, messageInput, PRECEDENCES, type Precedence, TLPS, type Tlp, tlpRank } from "../../core/channel/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { type FormErrors, validate } from "../i18n/validation";
import { AttachButton, AttachmentQueue, type Refusal } from "./AttachmentPicker";
import { readAttachment, serverAttachmentProblem } from "./attachment-files";
import { tlpText } from "./TlpLabel";
import type { ConversationView, MessageView } from "./types";
import { usePostMessage } from "./use-messages";

const PRECEDENCE_COLOUR: Record<Precedence, string> = { flash: "red.8", immediate: "orange.9", priority: "blue.9", routine: "gray.7" };

/**
 * Writes a message: body (safe markdown), ACP 121 precedence (FLASH in red), whether an
 * acknowledgement is required (on by default for FLASH and IMMEDIATE until the writer
 * chooses), a TLP marking no less restrictive than the conversation's, files, and the
 * message it answers. Ctrl+Enter sends.
 */
export function ComposeForm({
  conversation,
  replyTo,
  onClearReply,
}: {
  conversation: ConversationView;
  replyTo: MessageView | undefined;
  onClearReply: () => void;
}) {
  const { t } = useTranslation();
  const post = usePostMessage(conversation.id);
  const [body, setBody] = useState("");
  const [precedence, setPrecedence] = useState<Precedence>("routine");
  const [ackRequired, setAck] = useState(false);
  const [ackChosen, setAckChosen] = useState(false);
  const [tlp, setTlp] = useState<Tlp>(conversation.tlp);
  const [files, setFiles] = useState<File[]>([]);
  const [refused, setRefused] = useState<Refusal[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [reading, setReading] = useState(false);

  const pickFiles = (f: File[], r: Refusal[]) => {
    setFiles(f);
    setRefused(r);
  };
  const choosePrecedence = (p: Precedence) => {
    setPrecedence(p);
    if (!ackChosen) setAck(isUrgent(p));
  };
  const reset = () => {
    setBody("");
    setPrecedence("routine");
    setAck(false);
    setAckChosen(false);
    setTlp(conversation.tlp);
    setFiles([]);
    setRefused([]);
    onClearReply();
  };
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (post.isPending || reading) return;
    setReading(true);
    const attachments = await Promise.all(files.map(readAttachment)).finally(() => setReading(false));
    const v = validate(messageInput, { body, precedence, ackRequired, tlp, attachments, ...(replyTo ? { replyTo: replyTo.id } : {}) }, t);
    setErrors(v.errors ?? {});
    if (v.data) post.mutate(v.data, { onSuccess: reset });
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void submit();
  };
  const fileProblem = serverAttachmentProblem(post.error);
  const tlpOptions = TLPS.filter((x) => tlpRank(x) >= tlpRank(conversation.tlp)).map((x) => ({
    value: x,
    label: `${tlpText(x)} — ${t(`channel.tlp.short.${x}`)}`,
  }));
  const flash = precedence === "flash";

  return (
    <Paper withBorder p="sm" component="section" aria-label={t("channel.compose.section")}>
      <form onSubmit={submit} noValidate aria-label={t("channel.compose.form")}>
        <Stack gap="xs">
          {replyTo && (
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed" style={{ flex: 1 }} lineClamp={1}>
                {t("channel.reply.replying", { author: replyTo.author })}
              </Text>
              <CloseButton size="sm" aria-label={t("channel.reply.cancel")} onClick={onClearReply} />
            </Group>
          )}
          <Textarea
            label={t("channel.compose.body")}
            description={t("channel.compose.bodyHelp")}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            onKeyDown={onKey}
            error={errors.body}
            autosize
            minRows={2}
            maxRows={10}
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <div role="radiogroup" aria-labelledby="compose-precedence">
              <Text size="sm" fw={500} id="compose-precedence" mb={4}>
                {t("channel.compose.precedence")}
              </Text>
              <SegmentedControl
                value={precedence}
                onChange={(v) => choosePrecedence(v as Precedence)}
                color={PRECEDENCE_COLOUR[precedence]}
                size="xs"
                data={PRECEDENCES.map((p) => ({
                  value: p,
                  label: (
                    <Text span size="xs" fw={700} c={p === "flash" && !flash ? "red.8" : undefined}>
                      {t(`channel.precedence.${p}`)}
                    </Text>
                  ),
                }))}
              />
            </div>
            <Select
              label={t("channel.compose.tlp")}
              data={tlpOptions}
              value={tlp}
              onChange={(v) => v && setTlp(v as Tlp)}
              allowDeselect={false}
              error={errors.tlp}
              w={340}
              size="xs"
            />
            <Checkbox
              label={t("channel.compose.ackRequired")}
              checked={ackRequired}
              onChange={(e) => {
                setAck(e.currentTarget.checked);
                setAckChosen(true);
              }}
              size="sm"
              mb={5}
            />
            <AttachButton files={files} onChange={pickFiles} />
            <Button
              type="submit"
              color={PRECEDENCE_COLOUR[precedence]}
              loading={post.isPending || reading}
              ml="auto"
              title={t("channel.compose.shortcut")}
            >
              {t("channel.compose.send", { precedence: t(`channel.precedence.${precedence}`) })}
            </Button>
          </Group>
          <AttachmentQueue files={files} refused={refused} onChange={pickFiles} />
          {flash && (
            <Text size="xs" c="red.9" fw={600}>
              {t("channel.compose.flashNote")}
            </Text>
          )}
          {fileProblem ? (
            <Alert color="red" variant="light" role="alert" title={t("channel.attachments.refusedTitle")}>
              <Text size="sm">
                {t(`channel.attachments.server.${fileProblem.code.replace("attachment.", "")}`, {
                  name: files[fileProblem.index]?.name ?? "",
                  defaultValue: (post.error as Error).message,
                })}
              </Text>
            </Alert>
          ) : (
            <ProblemAlert error={post.error} />
          )}
        </Stack>
      </form>
    </Paper>
  );
}
