import { Button, Group, Paper, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { canChannel } from "../../core/channel/policy";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { useMe } from "../session/use-session";
import { ConversationsTable } from "./ConversationsTable";
import { CreateConversationForm } from "./CreateConversationForm";
import { NotificationPrompt } from "./NotificationPrompt";
import { useConversations } from "./use-conversations";
import "./channel.css";

/** The command channel's front page: notifications, search, a new conversation, and every conversation with its counts. */
export function ChannelPage() {
  const { t } = useTranslation();
  const me = useMe();
  const conversations = useConversations();
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState("");
  const [, navigate] = useLocation();
  const mayCreate = me.data ? canChannel(me.data.role, "conversation.create") : false;
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/channel/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={t("channel.pageTitle")}
        subtitle={t("channel.pageSubtitle")}
        actions={
          mayCreate && (
            <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((v) => !v)} aria-expanded={creating}>
              {creating ? t("common.cancel") : t("channel.create.open")}
            </Button>
          )
        }
      />
      <NotificationPrompt />
      {creating && (
        <Paper withBorder p="md">
          <CreateConversationForm onCreated={(id) => navigate(`/channel/${encodeURIComponent(id)}`)} />
        </Paper>
      )}
      <search aria-label={t("channel.search.label")}>
        <form onSubmit={search}>
          <Group gap="xs" align="flex-end">
            <TextInput label={t("channel.search.field")} value={q} onChange={(e) => setQ(e.currentTarget.value)} type="search" w={360} />
            <Button type="submit" variant="default">
              {t("channel.search.submit")}
            </Button>
          </Group>
        </form>
      </search>
      <QueryState query={conversations}>{(list) => <ConversationsTable conversations={list} />}</QueryState>
    </Stack>
  );
}
