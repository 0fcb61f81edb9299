import { Alert, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { askNotifyPermission, type NotifyPermission, notifyPermission } from "./notify";

const DISMISSED = "enlace.channel.notifyDismissed";

function wasDismissed(): boolean {
  try {
    return window.localStorage.getItem(DISMISSED) === "1";
  } catch {
    return false;
  }
}

/**
 * Offers system notifications for FLASH and IMMEDIATE traffic, and asks the browser only
 * when the person says yes; "not now" is remembered on this browser.
 */
export function NotificationPrompt() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission);
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (permission === "unsupported") return null;
  if (permission === "granted") {
    return (
      <Text size="xs" c="dimmed" role="status">
        {t("channel.notify.granted")}
      </Text>
    );
  }
  if (permission === "denied") {
    return (
      <Text size="xs" c="dimmed" role="status">
        {t("channel.notify.denied")}
      </Text>
    );
  }
  if (dismissed) {
    return (
      <Button variant="subtle" size="compact-xs" onClick={() => setDismissed(false)} style={{ alignSelf: "flex-start" }}>
        {t("channel.notify.offer")}
      </Button>
    );
  }
  return (
    <Alert color="indigo" variant="light" title={t("channel.notify.askTitle")}>
      <Text size="sm" mb="xs">
        {t("channel.notify.askBody")}
      </Text>
      <Group gap="xs">
        <Button size="xs" onClick={() => void askNotifyPermission().then(setPermission)}>
          {t("channel.notify.enable")}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            try {
              window.localStorage.setItem(DISMISSED, "1");
            } catch {
              // private mode: remembered for this page only
            }
            setDismissed(true);
          }}
        >
          {t("channel.notify.notNow")}
        </Button>
      </Group>
    </Alert>
  );
}
