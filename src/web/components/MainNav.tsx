import { Box, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ChannelNavItem } from "../channel/ChannelNavItem";
import { NavItem } from "./NavItem";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={4} id={id}>
        {title}
      </Text>
      <Box component="ul" aria-labelledby={id} m={0} p={0} style={{ listStyle: "none" }}>
        {children}
      </Box>
    </div>
  );
}

/** The side navigation, one group per capability; Administration only for admins. */
export function MainNav({ isAdmin, onNavigate }: { isAdmin: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const item = (href: string, label: string) => (
    <li>
      <NavItem href={href} label={label} {...(onNavigate ? { onNavigate } : {})} />
    </li>
  );
  return (
    // The navbar is fixed to the window's height: the list scrolls when the sections outgrow it.
    <Stack gap="sm" style={{ flex: 1, minHeight: 0, overflowY: "auto" }}>
      <Section id="nav-commitments" title={t("nav.commitments")}>
        {item("/statements", t("nav.statements"))}
        {item("/operations", t("nav.operations"))}
        {item("/meetings", t("nav.meetings"))}
        {item("/reports/progress", t("nav.progressReport"))}
      </Section>
      <Section id="nav-border" title={t("border.nav.group")}>
        {item("/border/map", t("border.nav.map"))}
        {item("/border/incidents", t("border.nav.incidents"))}
        {item("/border/sectors", t("border.nav.sectors"))}
        {item("/border/crossings", t("border.nav.crossings"))}
        {item("/border/presence", t("border.nav.presence"))}
        {item("/border/dashboard", t("border.nav.dashboard"))}
        {item("/border/exports", t("border.nav.exports"))}
      </Section>
      <Section id="nav-channel" title={t("channel.nav.group")}>
        <li>
          <ChannelNavItem {...(onNavigate ? { onNavigate } : {})} />
        </li>
        {item("/channel/search", t("channel.nav.search"))}
      </Section>
      <Section id="nav-coordination" title={t("coordination.nav.group")}>
        {item("/coordination/units", t("coordination.nav.units"))}
        {item("/coordination/meetings", t("coordination.nav.meetings"))}
        {item("/coordination/threats", t("coordination.nav.threats"))}
        {item("/coordination/intel", t("coordination.nav.intel"))}
        {item("/coordination/rfis", t("coordination.nav.rfis"))}
      </Section>
      <Section id="nav-node" title={t("nav.federationGroup")}>
        {item("/federation", t("nav.federation"))}
        {isAdmin && item("/admin", t("nav.admin"))}
      </Section>
    </Stack>
  );
}
