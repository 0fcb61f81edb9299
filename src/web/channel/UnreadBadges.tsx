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
  // Spelled out (in a table cell) a badge keeps its whole label and the pair may wrap, so a
  // narrow column never cuts a count off.
  const whole = compact ? undefined : { flexShrink: 0, minWidth: "max-content" };
  return (
    <Group gap={4} wrap={compact ? "nowrap" : "wrap"}>
      {unread > 0 && (
        <Badge size="sm" color="indigo.8" variant="filled" circle={compact && unread < 10} tt="none" style={whole}>
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
        <Badge size="sm" color="red.8" variant="filled" tt="none" style={whole}>
          {t("channel.counts.ackShort", { count: pendingAcks })}
        </Badge>
      )}
    </Group>
  );
}
