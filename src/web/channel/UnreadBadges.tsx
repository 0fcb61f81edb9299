import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * Unread messages and acknowledgements owed, nothing when both are zero. Compact (in the
 * side list) the unread count is a bare number, spelled out for screen readers.
 */
export function UnreadBadges({ unread, pendingAcks, compact = false }: { unread: number; pendingAcks: number; compact?: boolean }) {
  const { t } = useTranslation();
  if (unread === 0 && pendingAcks === 0) return null;
  const unreadText = t("channel.counts.unread", { count: unread });
  return (
    <Group gap={4} wrap="nowrap">
      {unread > 0 && (
        <Badge size="sm" color="indigo.8" variant="filled" circle={compact && unread < 10} tt="none">
          {compact ? (
            <>
              <span aria-hidden>{unread}</span>
              <span className="sr-only">{unreadText}</span>
            </>
          ) : (
            unreadText
          )}
        </Badge>
      )}
      {pendingAcks > 0 && (
        <Badge size="sm" color="red.8" variant="filled" tt="none">
          {t("channel.counts.ackShort", { count: pendingAcks })}
        </Badge>
      )}
    </Group>
  );
}
