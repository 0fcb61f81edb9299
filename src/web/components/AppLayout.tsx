import { AppShell } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLiveUpdates } from "../live/use-live-updates";
import type { Me } from "../session/use-session";
import { AppHeader } from "./AppHeader";
import { MainNav } from "./MainNav";

/**
 * The frame of every page after login: header (banner landmark), side navigation (a drawer
 * below the tablet breakpoint) and the main landmark. Opens the one live-update stream.
 */
export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpen, nav] = useDisclosure(false);
  const live = useLiveUpdates(true);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: "md", collapsed: { mobile: !navOpen } }} padding="md">
      <a href="#main" className="skip-link">
        {t("nav.skip")}
      </a>
      <AppShell.Header className="no-print">
        <AppHeader me={me} live={live} navOpen={navOpen} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("nav.label")} className="no-print">
        <MainNav isAdmin={me.role === "admin"} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
