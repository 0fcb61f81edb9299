/**
 * The channel's query keys, all under one root so a conversation event can refresh the lot,
 * while message frames refresh only what they touch.
 */
export const channelKeys = {
  all: ["channel"] as const,
  conversations: () => ["channel", "conversations"] as const,
  conversation: (id: string) => ["channel", "conversation", id] as const,
  messages: (conversation: string) => ["channel", "messages", conversation] as const,
  receipts: (message: string) => ["channel", "receipts", message] as const,
  versions: (message: string) => ["channel", "versions", message] as const,
  summary: () => ["channel", "summary"] as const,
  search: (q: string) => ["channel", "search", q] as const,
};
