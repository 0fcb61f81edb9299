import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CONTACT_CHANNELS, type Contact } from "../../core/coordination/schema";
import type { FormErrors } from "../i18n/validation";

/** A unit's contact channels (call signs, switchboards, functional mailboxes), never a person's own. */
export function ContactsEditor({ value, onChange, errors }: { value: Contact[]; onChange: (v: Contact[]) => void; errors: FormErrors }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Contact>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t("coordination.units.contacts")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("coordination.units.contactsHelp")}
      </Text>
      {value.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <Group key={i} gap="xs" align="flex-start" wrap="wrap">
          <Select
            label={t("coordination.units.channel", { n: i + 1 })}
            data={CONTACT_CHANNELS.map((ch) => ({ value: ch, label: t(`coordination.channel.${ch}`) }))}
            value={c.channel}
            onChange={(v) => v && set(i, { channel: v as Contact["channel"] })}
            allowDeselect={false}
            w={150}
          />
          <TextInput
            label={t("coordination.units.contactValue", { n: i + 1 })}
            value={c.value}
            onChange={(e) => set(i, { value: e.currentTarget.value })}
            error={errors[`contacts.${i}.value`]}
            style={{ flex: 1 }}
            miw={180}
          />
          <TextInput
            label={t("coordination.units.contactLabel", { n: i + 1 })}
            value={c.label}
            onChange={(e) => set(i, { label: e.currentTarget.value })}
            w={180}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t("coordination.units.removeContact", { n: i + 1 })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        onClick={() => onChange([...value, { channel: "radio", value: "", label: "" }])}
        style={{ alignSelf: "flex-start" }}
      >
        {t("coordination.units.addContact")}
      </Button>
    </Stack>
  );
}
