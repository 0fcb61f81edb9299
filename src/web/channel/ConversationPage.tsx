import { Group, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearch } from "wouter";
import { canChannel } from "../../core/channel/policy";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { useSpaces } from "../federation/use-federation";
import { useMe } from "../session/use-session";
import { ChannelShell } from "./ChannelShell";
import { ComposeForm } from "./ComposeForm";
import { conversationTitle, memberName } from "./conversation-title";
import { MessageLog } from "./MessageLog";
import { flatten } from "./message-cache";
import { TlpLabel } from "./TlpLabel";
import type { ConversationView, MessageView } from "./types";
import { useConversation } from "./use-conversations";
import { useMarkReadOnView } from "./use-mark-read";
import { useMessages } from "./use-messages";

/** One conversation: who is in it and its marking, the live log of messages, and the compose form. */
export function ConversationPage() {
  const { id = "" } = useParams<{ id: string }>();
  const conversation = useConversation(id);
  return (
    <ChannelShell current={id}>
      <QueryState query={conversation}>{(c) => <Conversation key={c.id} conversation={c} />}</QueryState>
    </ChannelShell>
  );
}

function Conversation({ conversation: c }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const me = useMe();
  const spaces = useSpaces();
  const focus = new URLSearchParams(useSearch()).get("m") ?? undefined;
  const pages = useMessages(c.id);
  const messages = useMemo(() => flatten(pages.data), [pages.data]);
  const [replyTo, setReplyTo] = useState<MessageView | undefined>();
  const self = memberName(me.data);
  const canPost = me.data ? canChannel(me.data.role, "message.post") : false;
  useMarkReadOnView(c.id, messages);
  const space = c.space === "national" ? t("channel.space.national") : (spaces.data?.find((s) => s.id === c.space)?.name ?? c.space);

  return (
    <Stack gap="sm" className="channel-conversation">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <RouterLink href="/channel" size="sm" hiddenFrom="lg">
            {t("channel.conversations.back")}
          </RouterLink>
        </Group>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1} size="h3">
            {conversationTitle(c, self, t)}
          </Title>
          <TlpLabel tlp={c.tlp} />
        </Group>
        <Text size="sm" c="dimmed">
          {t("channel.conversations.membersLine", { members: c.members.join(", "), space })}
        </Text>
      </Stack>
      {pages.isError || pages.isPending ? (
        <QueryState query={pages}>{() => null}</QueryState>
      ) : (
        <MessageLog
          messages={messages}
          focus={focus}
          canPost={canPost}
          hasOlder={pages.hasNextPage}
          loadingOlder={pages.isFetchingNextPage}
          onOlder={() => void pages.fetchNextPage()}
          onReply={setReplyTo}
        />
      )}
      {canPost ? (
        <ComposeForm key={c.id} conversation={c} replyTo={replyTo} onClearReply={() => setReplyTo(undefined)} />
      ) : (
        <Text size="sm" c="dimmed">
          {t("channel.compose.readOnly")}
        </Text>
      )}
    </Stack>
  );
}
