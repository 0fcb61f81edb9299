import { Anchor, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { API } from "../api/client";
import { formatBytes } from "./channel-format";
import { PaperclipIcon } from "./PaperclipIcon";
import type { MessageView } from "./types";

/** A message's files: each a download, with its size and SHA-256 (what the signed event names). */
export function AttachmentList({ message }: { message: MessageView }) {
  const { t, i18n } = useTranslation();
  if (message.attachments.length === 0) return null;
  return (
    <Group component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("channel.attachments.listLabel")}>
      {message.attachments.map((a) => (
        <li key={a.sha256}>
          <Anchor
            href={`${API}/messages/${encodeURIComponent(message.id)}/attachments/${a.sha256}`}
            download={a.name}
            size="sm"
            title={`SHA-256 ${a.sha256}`}
            aria-label={t("channel.attachments.download", { name: a.name })}
          >
            <PaperclipIcon /> {a.name}
          </Anchor>{" "}
          <Text span size="xs" c="dimmed">
            ({formatBytes(a.size, i18n.language)})
          </Text>
        </li>
      ))}
    </Group>
  );
}
