import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FollowupInput, IncidentInput, ReleaseInput } from "../../core/border/inputs";
import type { IncidentDetailView, IncidentPageView } from "../../core/border/views";
import { api } from "../api/client";

/** Incidents matching the list's query string (time window, sector, side, type), a page at a time. */
export function useIncidents(params: URLSearchParams, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ["border", "incidents", "list", params.toString(), pageSize],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams(params);
      q.set("limit", String(pageSize));
      if (pageParam) q.set("cursor", pageParam);
      return api<IncidentPageView>(`/incidents?${q}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One incident with its follow-ups. */
export function useIncident(id: string | null) {
  return useQuery({
    queryKey: ["border", "incidents", "detail", id],
    queryFn: () => api<IncidentDetailView>(`/incidents/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
  });
}

/** Everything of the border picture may show an incident (lists, map, figures): refetch it all. */
const invalidate = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ["border"] });

/** Reports an incident on this node's side. */
export function useReportIncident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentInput) => api<IncidentDetailView>("/incidents", { method: "POST", body }),
    onSuccess: () => invalidate(qc),
  });
}

/** Posts a follow-up report (either side may). */
export function usePostFollowup(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowupInput) =>
      api<IncidentDetailView>(`/incidents/${encodeURIComponent(id)}/followups`, { method: "POST", body }),
    onSuccess: () => invalidate(qc),
  });
}

/** Closes an incident with a reason (its owner only). */
export function useCloseIncident(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      api<IncidentDetailView>(`/incidents/${encodeURIComponent(id)}/close`, { method: "POST", body }),
    onSuccess: () => invalidate(qc),
  });
}

/** Releases a national incident into a shared space as a sanitised copy. */
export function useReleaseIncident(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReleaseInput) => api<IncidentDetailView>(`/incidents/${encodeURIComponent(id)}/release`, { method: "POST", body }),
    onSuccess: () => invalidate(qc),
  });
}
