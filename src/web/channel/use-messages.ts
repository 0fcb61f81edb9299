import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MessageInput } from "../../core/channel/schema";
import { api } from "../api/client";
import { channelKeys } from "./keys";
import { type MessagesData, patchMessage, upsertMessage } from "./message-cache";
import type { MessagePage, MessageView, SearchHit, VersionView } from "./types";

const enc = encodeURIComponent;
const PAGE = 50;

/** A conversation's messages: the newest page first, older ones on demand. */
export function useMessages(conversation: string) {
  return useInfiniteQuery<MessagePage, Error, MessagesData, readonly string[], string>({
    queryKey: channelKeys.messages(conversation),
    queryFn: ({ pageParam }) =>
      api<MessagePage>(`/conversations/${enc(conversation)}/messages?limit=${PAGE}${pageParam ? `&before=${enc(pageParam)}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Shows the server's answer at once in the conversation, and refreshes the counts. */
function useShowMessage() {
  const qc = useQueryClient();
  return (m: MessageView) => {
    qc.setQueryData(channelKeys.messages(m.conversation), (d: Parameters<typeof upsertMessage>[0]) => upsertMessage(d, m));
    void qc.invalidateQueries({ queryKey: channelKeys.conversations() });
  };
}

/** Posts a message in a conversation. */
export function usePostMessage(conversation: string) {
  const show = useShowMessage();
  return useMutation({
    mutationFn: (body: MessageInput) => api<MessageView>(`/conversations/${enc(conversation)}/messages`, { method: "POST", body }),
    onSuccess: show,
  });
}

/** Edits an own message: a new version, the earlier ones kept. */
export function useEditMessage() {
  const show = useShowMessage();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) =>
      api<MessageView>(`/messages/${enc(id)}`, { method: "PATCH", body: { body } }),
    onSuccess: (m) => {
      show(m);
      void qc.invalidateQueries({ queryKey: channelKeys.versions(m.id) });
    },
  });
}

/** Withdraws an own message, with an optional reason. */
export function useWithdrawMessage() {
  const show = useShowMessage();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api<MessageView>(`/messages/${enc(id)}/withdraw`, { method: "POST", body: reason ? { reason } : {} }),
    onSuccess: show,
  });
}

/** Every version of a message's body, for its history. */
export function useVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: channelKeys.versions(id),
    queryFn: async () => (await api<{ versions: VersionView[] }>(`/messages/${enc(id)}/versions`)).versions,
    enabled,
  });
}

/** Full-text search in the caller's conversations. */
export function useSearchMessages(q: string) {
  return useQuery({
    queryKey: channelKeys.search(q),
    queryFn: async () => (await api<{ results: SearchHit[] }>(`/messages/search?q=${enc(q)}&limit=100`)).results,
    enabled: q.trim().length > 0,
  });
}

/** Applies a change to a cached message (used after an acknowledgement, before the stream confirms it). */
export function usePatchMessage() {
  const qc = useQueryClient();
  return (conversation: string, id: string, change: (m: MessageView) => MessageView) =>
    qc.setQueryData(channelKeys.messages(conversation), (d: Parameters<typeof patchMessage>[0]) => patchMessage(d, id, change));
}
