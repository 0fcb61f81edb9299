import { Box, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { ConversationNavList } from "./ConversationNavList";
import "./channel.css";

/** A conversation beside the list of the others (on wide screens), so unread counts stay in sight. */
export function ChannelShell({ current, children }: { current: string; children: ReactNode }) {
  return (
    <Group align="stretch" gap="md" wrap="nowrap" className="channel-shell">
      <Box component="aside" w={290} visibleFrom="lg" style={{ flexShrink: 0 }} className="channel-aside">
        <ConversationNavList current={current} />
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>{children}</Box>
    </Group>
  );
}
