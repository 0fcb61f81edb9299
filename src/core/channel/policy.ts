import type { Role } from "../admin/schema";

/**
 * Who may do what in the channel. Whether a user may read, post in or acknowledge a given
 * conversation is its membership (checked by the decisions); roles say who may open
 * conversations and who may write at all.
 */
export const CHANNEL_ACTIONS = ["channel.read", "conversation.create", "message.post"] as const;
export type ChannelAction = (typeof CHANNEL_ACTIONS)[number];

const ALLOWED: Record<ChannelAction, readonly Role[]> = {
  "channel.read": ["admin", "commander", "officer", "analyst", "viewer"],
  "conversation.create": ["admin", "commander", "officer"],
  "message.post": ["admin", "commander", "officer", "analyst"],
};

export function canChannel(role: Role, action: ChannelAction): boolean {
  return ALLOWED[action].includes(role);
}
