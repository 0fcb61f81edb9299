import { Button, Group, NavLink, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState";
import { useMe } from "../session/use-session";
import { useLink } from "../use-link";
import { formatClock } from "./channel-format";
import { conversationTitle, memberName } from "./conversation-title";
import { TlpLabel } from "./TlpLabel";
import type { ConversationView } from "./types";
import { UnreadBadges } from "./UnreadBadges";
import { useConversations } from "./use-conversations";

function Item({ c, current, me }: { c: ConversationView; current: boolean; me: string }) {
  const { t, i18n } = useTranslation();
  const link = useLink(`/channel/${encodeURIComponent(c.id)}`);
  return (
    <NavLink
      component="a"
      {...link}
      active={current}
      aria-current={current ? "page" : undefined}
      label={
        <Text size="sm" fw={c.unread > 0 ? 700 : 500} lineClamp={1}>
          {conversationTitle(c, me, t)}
        </Text>
      }
      description={
        <Group gap={6} mt={2} wrap="nowrap">
          <TlpLabel tlp={c.tlp} size="xs" />
          <Text span size="xs" c="dimmed">
            {formatClock(c.lastMessageAt ?? c.createdAt, i18n.language)}
          </Text>
        </Group>
      }
      rightSection={<UnreadBadges unread={c.unread} pendingAcks={c.pendingAcks} compact />}
    />
  );
}

/** The caller's conversations in a column beside the open one. */
export function ConversationNavList({ current }: { current: string }) {
  const { t } = useTranslation();
  const list = useConversations();
  const me = memberName(useMe().data);
  const all = useLink("/channel");
  return (
    <Paper withBorder p={4} h="100%">
      <Stack gap={4} h="100%">
        <Group justify="space-between" px="xs" pt={4}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="channel-aside-title">
            {t("channel.conversations.title")}
          </Text>
          <Button component="a" {...all} size="compact-xs" variant="subtle">
            {t("channel.conversations.all")}
          </Button>
        </Group>
        <ScrollArea style={{ flex: 1 }}>
          <QueryState query={list}>
            {(items) => (
              <nav aria-labelledby="channel-aside-title">
                {items.map((c) => (
                  <Item key={c.id} c={c} current={c.id === current} me={me} />
                ))}
              </nav>
            )}
          </QueryState>
        </ScrollArea>
      </Stack>
    </Paper>
  );
}
