import { Alert, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A button that opens a recording form above a list, and once the form saves, closes it and
 * says what was recorded (the list below shows it too, refreshed).
 */
export function RecordPanel({
  openLabel,
  title,
  children,
}: {
  openLabel: string;
  title: string;
  /** The form, given the call that reports it saved, with the sentence to confirm it. */
  children: (saved: (message: string) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const saved = (message: string) => {
    setOpen(false);
    setConfirmation(message);
  };
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button
          variant={open ? "default" : "filled"}
          onClick={() => {
            setConfirmation(null);
            setOpen((v) => !v);
          }}
          aria-expanded={open}
        >
          {open ? t("common.cancel") : openLabel}
        </Button>
      </Group>
      {confirmation && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel={t("presence.dismiss")} onClose={() => setConfirmation(null)}>
          {confirmation}
        </Alert>
      )}
      {open && (
        <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
          <Title order={2} size="h4" mb="sm" id={titleId}>
            {title}
          </Title>
          {children(saved)}
        </Paper>
      )}
    </Stack>
  );
}
