import { Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../components/RouterLink";
import { useMe } from "../session/use-session";
import { formatClock } from "./channel-format";
import { conversationTitle, memberName } from "./conversation-title";
import { TlpLabel } from "./TlpLabel";
import type { ConversationView } from "./types";
import { UnreadBadges } from "./UnreadBadges";

/** Every conversation of the caller, with its marking, members, unread messages and acknowledgements owed. */
export function ConversationsTable({ conversations }: { conversations: ConversationView[] }) {
  const { t, i18n } = useTranslation();
  const me = memberName(useMe().data);
  if (conversations.length === 0) return <Text c="dimmed">{t("channel.conversations.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t("channel.conversations.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("channel.conversations.conversation")}</Table.Th>
            <Table.Th scope="col">{t("channel.conversations.members")}</Table.Th>
            <Table.Th scope="col">{t("channel.conversations.marking")}</Table.Th>
            <Table.Th scope="col">{t("channel.conversations.pending")}</Table.Th>
            <Table.Th scope="col">{t("channel.conversations.lastActivity")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conversations.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={400}>
                <RouterLink href={`/channel/${encodeURIComponent(c.id)}`} fw={c.unread > 0 ? 700 : 600}>
                  {conversationTitle(c, me, t)}
                </RouterLink>
                <Text size="xs" c="dimmed">
                  {t(`channel.conversations.kind.${c.kind}`)}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{c.members.filter((m) => m !== me).join(", ")}</Text>
              </Table.Td>
              <Table.Td>
                <TlpLabel tlp={c.tlp} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <UnreadBadges unread={c.unread} pendingAcks={c.pendingAcks} />
                  {c.unread === 0 && c.pendingAcks === 0 && (
                    <Text size="xs" c="dimmed">
                      {t("channel.conversations.upToDate")}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatClock(c.lastMessageAt ?? c.createdAt, i18n.language)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
