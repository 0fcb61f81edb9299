import { Badge, NavLink } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useLink } from "../use-link";
import { useChannelSummary } from "./use-conversations";

/**
 * The navigation's entry for the conversations, with the unread count (red while an
 * acknowledgement is owed or a message of the caller's was escalated); the count is part
 * of the link's name, so a screen reader hears it too.
 */
export function ChannelNavItem({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const summary = useChannelSummary().data;
  const link = useLink("/channel");
  const active = location === "/channel" || (location.startsWith("/channel/") && !location.startsWith("/channel/search"));
  const urgent = (summary?.pendingAcks ?? 0) + (summary?.escalated ?? 0);
  const unread = summary?.unread ?? 0;
  const shown = unread > 0 || urgent > 0;
  return (
    <NavLink
      component="a"
      href={link.href}
      onClick={(e) => {
        link.onClick(e);
        onNavigate?.();
      }}
      active={active}
      aria-current={active ? "page" : undefined}
      label={t("channel.nav.conversations")}
      rightSection={
        shown ? (
          <Badge size="sm" variant="filled" color={urgent > 0 ? "red.8" : "indigo.8"}>
            <span aria-hidden>{unread > 0 ? unread : urgent}</span>
            <span className="sr-only">
              {[
                unread > 0 ? t("channel.counts.unread", { count: unread }) : "",
                urgent > 0 ? t("channel.counts.attention", { count: urgent }) : "",
              ]
                .filter(Boolean)
                .join(", ")}
            </span>
          </Badge>
        ) : undefined
      }
    />
  );
}
