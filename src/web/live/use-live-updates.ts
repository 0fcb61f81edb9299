import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { API } from "../api/client";
import { listenToChannel } from "../channel/live-channel";
import { type LogMessage, queryRootsFor } from "./invalidation";

/** The state of the console's one stream, for the header's indicator. */
export type LiveState = "connecting" | "live" | "offline";

const FLUSH_MS = 150;
const RETRY_MS = 5_000;

/**
 * Opens the console's ONE Server-Sent Events connection (GET /api/v1/stream) and, for each
 * `log` message, invalidates the queries that event makes stale, batched so a burst of
 * replicated events costs one refetch per query. EventSource resumes with Last-Event-ID by
 * itself; if the server ends the stream for good, a new one is opened after a pause and
 * every query is refreshed (events may have been missed).
 */
export function useLiveUpdates(enabled: boolean): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (!enabled) return;
    const pending = new Set<string>();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;
    let stopChannel: (() => void) | undefined;
    let closed = false;

    const flush = () => {
      flushTimer = undefined;
      for (const root of pending) void qc.invalidateQueries({ queryKey: [root] });
      pending.clear();
    };
    const onLog = (e: MessageEvent<string>) => {
      let msg: LogMessage;
      try {
        msg = JSON.parse(e.data) as LogMessage;
      } catch {
        return;
      }
      for (const root of queryRootsFor(msg.type)) pending.add(root);
      flushTimer ??= setTimeout(flush, FLUSH_MS);
    };
    const open = (resumed: boolean) => {
      if (closed) return;
      setState("connecting");
      source = new EventSource(`${API}/stream`, { withCredentials: true });
      source.addEventListener("log", onLog as EventListener);
      // A catch-up folded announcements this client did not get: refetch what is shown.
      source.addEventListener("resync", () => void qc.invalidateQueries());
      stopChannel?.();
      stopChannel = listenToChannel(source, qc);
      source.onopen = () => {
        setState("live");
        if (resumed) void qc.invalidateQueries();
      };
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          setState("offline");
          source.close();
          retryTimer = setTimeout(() => open(true), RETRY_MS);
        } else setState("connecting");
      };
    };
    open(false);
    return () => {
      closed = true;
      source?.close();
      stopChannel?.();
      clearTimeout(flushTimer);
      clearTimeout(retryTimer);
    };
  }, [enabled, qc]);

  return enabled ? state : "offline";
}
