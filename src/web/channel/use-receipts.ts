import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { channelKeys } from "./keys";
import { patchMessage } from "./message-cache";
import type { MessageView, ReceiptAnswer, ReceiptsView } from "./types";

const enc = encodeURIComponent;

/** Acceptance, delivery, reading and acknowledgement of a message, per recipient; refreshed by the stream's receipts. */
export function useReceipts(message: string, enabled = true) {
  return useQuery({
    queryKey: channelKeys.receipts(message),
    queryFn: () => api<ReceiptsView>(`/messages/${enc(message)}/receipts`),
    enabled,
    staleTime: 30_000,
  });
}

/** Acknowledges a message (an addressee), with an optional comment. */
export function useAcknowledge(m: Pick<MessageView, "id" | "conversation">) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (comment: string) => api<ReceiptAnswer>(`/messages/${enc(m.id)}/ack`, { method: "POST", body: comment ? { comment } : {} }),
    onSuccess: (answer) => {
      // Recorded or kept pending (a provisional message): either way this user has acknowledged it.
      qc.setQueryData(channelKeys.messages(m.conversation), (d: Parameters<typeof patchMessage>[0]) =>
        patchMessage(d, m.id, (x) => ({
          ...x,
          mine: {
            ...x.mine,
            acknowledged: true,
            read: true,
            pending: answer.status === "pending" ? [...x.mine.pending, "acknowledged"] : x.mine.pending,
          },
        })),
      );
      void qc.invalidateQueries({ queryKey: channelKeys.receipts(m.id) });
      void qc.invalidateQueries({ queryKey: channelKeys.summary() });
      void qc.invalidateQueries({ queryKey: channelKeys.conversations() });
    },
  });
}
