import { Button, Menu, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Me, useLogout } from "../session/use-session";

/** The logged-in user and the way out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="compact-sm" aria-label={t("header.account", { user: me.username, role: t(`roles.${me.role}`) })}>
          <Text size="sm" truncate="end" maw={120}>
            {me.username}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(`roles.${me.role}`)}</Menu.Label>
        <Menu.Item onClick={() => logout.mutate()}>{t("header.logout")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
