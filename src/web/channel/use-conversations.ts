import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConversationInput } from "../../core/channel/schema";
import { api } from "../api/client";
import { channelKeys } from "./keys";
import type { ChannelSummary, ConversationView } from "./types";

const enc = encodeURIComponent;

/** The caller's conversations with their unread counts, most recently active first. */
export function useConversations() {
  return useQuery({
    queryKey: channelKeys.conversations(),
    queryFn: async () => (await api<{ conversations: ConversationView[] }>("/conversations")).conversations,
  });
}

/** One conversation (404 for a non-member, as for one that does not exist). */
export function useConversation(id: string) {
  return useQuery({ queryKey: channelKeys.conversation(id), queryFn: () => api<ConversationView>(`/conversations/${enc(id)}`) });
}

/** Unread messages, acknowledgements owed and escalations: the navigation's badge. */
export function useChannelSummary(enabled = true) {
  return useQuery({ queryKey: channelKeys.summary(), queryFn: () => api<ChannelSummary>("/channel/summary"), enabled });
}

/** Opens a conversation; a direct one that exists already is answered as it is. */
export function useCreateConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConversationInput) => api<ConversationView>("/conversations", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: channelKeys.conversations() }),
  });
}

/** Marks what the caller has on screen as read; the counts follow. */
export function useMarkRead(conversation: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number }>(`/conversations/${enc(conversation)}/read`, { method: "POST" }),
    onSuccess: ({ marked }) => {
      if (marked === 0) return;
      void qc.invalidateQueries({ queryKey: channelKeys.summary() });
      void qc.invalidateQueries({ queryKey: channelKeys.conversations() });
      void qc.invalidateQueries({ queryKey: channelKeys.messages(conversation) });
    },
  });
}
