import { Burger, Group, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LiveState } from "../live/use-live-updates";
import type { Me } from "../session/use-session";
import { LanguageSwitch } from "./LanguageSwitch";
import { LiveIndicator } from "./LiveIndicator";
import { NodeIdentity } from "./NodeIdentity";
import { PeerStatusList } from "./PeerStatusList";
import { UserMenu } from "./UserMenu";

/** The bar on every page: which node, each peer's state, live state, language, account. */
export function AppHeader({ me, live, navOpen, onToggleNav }: { me: Me; live: LiveState; navOpen: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="sm" gap="sm" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
        <Burger
          opened={navOpen}
          onClick={onToggleNav}
          hiddenFrom="md"
          size="sm"
          aria-label={t(navOpen ? "header.closeNav" : "header.openNav")}
          aria-expanded={navOpen}
        />
        <Title order={2} size="h4" visibleFrom="lg">
          Enlace
        </Title>
        <NodeIdentity />
        <PeerStatusList />
      </Group>
      <Group gap="sm" wrap="nowrap">
        <LiveIndicator state={live} />
        <LanguageSwitch />
        <UserMenu me={me} />
      </Group>
    </Group>
  );
}
