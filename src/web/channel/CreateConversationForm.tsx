import { Button, Group, Select, Stack, Switch, TagsInput, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { conversationInput, TLPS, type Tlp } from "../../core/channel/schema";
import { ProblemAlert } from "../components/ProblemAlert";
import { useSpaces } from "../federation/use-federation";
import { type FormErrors, validate } from "../i18n/validation";
import { tlpText } from "./TlpLabel";
import { useCreateConversation } from "./use-conversations";

const AUTO = "auto";

/** The first message about a field or any of its items (`members.2`). */
const fieldError = (errors: FormErrors, field: string) =>
  errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];

/**
 * Opens a conversation: a direct one with one other member, or a group with a title.
 * Members are named `username@node`; the space is chosen from the members' nodes unless
 * the person picks one; the default marking applies to every message that sets none.
 */
export function CreateConversationForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const shared = useSpaces();
  const create = useCreateConversation();
  const [direct, setDirect] = useState(false);
  const [title, setTitle] = useState("");
  const [members, setMembers] = useState<string[]>([]);
  const [space, setSpace] = useState(AUTO);
  const [tlp, setTlp] = useState<Tlp>("amber");
  const [errors, setErrors] = useState<FormErrors>({});
  // A field's message goes once the person changes it.
  const clear = (field: string) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field && !k.startsWith(`${field}.`))));

  const spaces = [
    { value: AUTO, label: t("channel.create.spaceAuto") },
    { value: "national", label: t("channel.space.national") },
    ...(shared.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.members.map((m) => m.node).join(", ")})` })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(
      conversationInput,
      {
        title: title.trim(),
        members: members.map((m) => m.trim().toLowerCase()),
        tlp,
        direct,
        ...(space === AUTO ? {} : { space }),
      },
      t,
    );
    // The schema's "a group needs a title" is, to the person filling the form, a required field.
    const errs = v.errors && !direct && !title.trim() ? { ...v.errors, title: t("validation.required") } : v.errors;
    setErrors(errs ?? {});
    if (v.data) create.mutate(v.data, { onSuccess: (c) => onCreated(c.id) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t("channel.create.form")}>
      <Stack gap="sm">
        <Switch
          label={t("channel.create.direct")}
          description={t("channel.create.directHelp")}
          checked={direct}
          onChange={(e) => setDirect(e.currentTarget.checked)}
        />
        <TextInput
          label={t("channel.create.title")}
          description={direct ? t("channel.create.titleOptional") : undefined}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            clear("title");
          }}
          error={errors.title}
          required={!direct}
        />
        <TagsInput
          label={t("channel.create.members")}
          description={t("channel.create.membersHelp")}
          placeholder={t("channel.create.membersPlaceholder")}
          value={members}
          onChange={(v) => {
            setMembers(v);
            clear("members");
          }}
          splitChars={[",", " ", ";"]}
          error={fieldError(errors, "members")}
          required
          {...(direct ? { maxTags: 1 } : {})}
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("channel.create.space")}
            data={spaces}
            value={space}
            onChange={(v) => setSpace(v ?? AUTO)}
            allowDeselect={false}
            error={errors.space}
            w={340}
          />
          <Select
            label={t("channel.create.tlp")}
            description={t(`channel.tlp.short.${tlp}`)}
            data={TLPS.map((x) => ({ value: x, label: tlpText(x) }))}
            value={tlp}
            onChange={(v) => v && setTlp(v as Tlp)}
            allowDeselect={false}
            error={errors.tlp}
            w={240}
          />
        </Group>
        <ProblemAlert error={create.error} />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("channel.create.submit")}
        </Button>
      </Stack>
    </form>
  );
}
