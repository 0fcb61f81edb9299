import { NavLink } from "@mantine/core";
import { useLocation } from "wouter";
import { useLink } from "../use-link";

/** One entry of the side navigation; marked current when the path is at or under it. */
export function NavItem({ href, label, onNavigate }: { href: string; label: string; onNavigate?: () => void }) {
  const [location] = useLocation();
  const link = useLink(href);
  const active = location === href || location.startsWith(`${href}/`);
  return (
    <NavLink
      component="a"
      href={link.href}
      label={label}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={(e) => {
        link.onClick(e);
        onNavigate?.();
      }}
    />
  );
}
