import { Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";
import { PageHeader } from "../components/PageHeader";
import { QueryState } from "../components/QueryState";
import { RouterLink } from "../components/RouterLink";
import { formatClock } from "./channel-format";
import { PrecedenceBadge } from "./PrecedenceBadge";
import { SafeHtml } from "./SafeHtml";
import { TlpLabel } from "./TlpLabel";
import { useSearchMessages } from "./use-messages";
import "./channel.css";

/** Full-text search in the caller's conversations (the server's FTS5 or PostgreSQL index); the query lives in the address. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const q = new URLSearchParams(useSearch()).get("q") ?? "";
  const [text, setText] = useState(q);
  const [, navigate] = useLocation();
  const results = useSearchMessages(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/channel/search?q=${encodeURIComponent(text.trim())}`, { replace: true });
  };
  return (
    <Stack gap="md">
      <PageHeader title={t("channel.search.title")} subtitle={<RouterLink href="/channel">{t("channel.conversations.back")}</RouterLink>} />
      <search aria-label={t("channel.search.label")}>
        <form onSubmit={submit}>
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t("channel.search.field")}
              description={t("channel.search.help")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              type="search"
              w={420}
              data-autofocus
            />
            <Button type="submit">{t("channel.search.submit")}</Button>
          </Group>
        </form>
      </search>
      {q && (
        <QueryState query={results}>
          {(hits) => (
            <Stack gap="sm">
              <Text size="sm" c="dimmed" role="status">
                {t("channel.search.count", { count: hits.length, q })}
              </Text>
              <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={t("channel.search.results")}>
                {hits.map(({ message: m, conversationTitle }) => (
                  <Paper component="li" withBorder p="sm" key={m.id}>
                    <Group gap={6} mb={6} wrap="wrap">
                      <PrecedenceBadge precedence={m.precedence} />
                      <TlpLabel tlp={m.tlp} size="xs" />
                      <RouterLink href={`/channel/${encodeURIComponent(m.conversation)}?m=${encodeURIComponent(m.id)}`} fw={600} size="sm">
                        {conversationTitle || t("channel.search.untitled")}
                      </RouterLink>
                      <Text size="xs" c="dimmed">
                        {m.author} · {formatClock(m.postedAt, i18n.language)}
                      </Text>
                    </Group>
                    <SafeHtml html={m.html} />
                  </Paper>
                ))}
              </Stack>
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
