import { Box, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
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
    <Stack gap="sm">
      <Section id="nav-commitments" title={t("nav.commitments")}>
        {item("/statements", t("nav.statements"))}
        {item("/operations", t("nav.operations"))}
        {item("/meetings", t("nav.meetings"))}
        {item("/reports/progress", t("nav.progressReport"))}
      </Section>
      <Section id="nav-node" title={t("nav.federationGroup")}>
        {item("/federation", t("nav.federation"))}
        {isAdmin && item("/admin", t("nav.admin"))}
      </Section>
    </Stack>
  );
}
