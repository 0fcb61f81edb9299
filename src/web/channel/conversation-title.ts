import type { TFunction } from "i18next";
import type { ConversationView } from "./types";

/** What a conversation is called on screen: its title, or for a direct one the other member. */
export function conversationTitle(c: Pick<ConversationView, "title" | "kind" | "members">, me: string, t: TFunction): string {
  if (c.title) return c.title;
  const others = c.members.filter((m) => m !== me);
  return c.kind === "direct" ? t("channel.conversations.directWith", { member: others[0] ?? me }) : others.join(", ");
}

/** The caller as the channel names members: `username@node`. */
export const memberName = (me: { username: string; node: string } | null | undefined) => (me ? `${me.username}@${me.node}` : "");
