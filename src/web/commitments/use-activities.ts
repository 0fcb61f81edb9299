import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActivityInput, ActivityPatch, ReportInput } from "../../core/commitments/schema";
import { api } from "../api/client";
import type { Activity, ActivityDetail, Report } from "./types";

/** Filters of GET /api/v1/activities. */
export interface ActivityFilter {
  operationId?: string;
  status?: string;
  ownerNode?: string;
}

const query = (f: ActivityFilter & { limit?: number; cursor?: string }) =>
  new URLSearchParams(Object.entries(f).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]]))).toString();

/** Every activity matching the filter (follows the cursor; an operation holds tens, not thousands). */
export function useActivities(filter: ActivityFilter) {
  return useQuery({
    queryKey: ["activities", "list", filter],
    queryFn: async () => {
      const items: Activity[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const res = await api<{ items: Activity[]; next: string | null }>(
          `/activities?${query({ ...filter, limit: 200, ...(cursor ? { cursor } : {}) })}`,
        );
        items.push(...res.items);
        if (!res.next) break;
        cursor = res.next;
      }
      return items;
    },
  });
}

/** One activity with both sides' reports and its history. */
export function useActivity(id: string) {
  return useQuery({ queryKey: ["activities", "detail", id], queryFn: () => api<ActivityDetail>(`/activities/${encodeURIComponent(id)}`) });
}

const useInvalidateCommitments = () => {
  const qc = useQueryClient();
  return () => {
    for (const root of ["activities", "operations", "statements", "agreements", "progress"])
      void qc.invalidateQueries({ queryKey: [root] });
  };
};

/** Creates an activity in an operation (owned by this node). */
export function useCreateActivity() {
  const invalidate = useInvalidateCommitments();
  return useMutation({
    mutationFn: (body: ActivityInput) => api<Activity>("/activities", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

/** The owner's changes: level, due date, status flag, title, unit, milestones. */
export function useUpdateActivity(id: string) {
  const invalidate = useInvalidateCommitments();
  return useMutation({
    mutationFn: (body: ActivityPatch) => api<Activity>(`/activities/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

/** Either side's progress report, with evidence files. */
export function usePostReport(id: string) {
  const invalidate = useInvalidateCommitments();
  return useMutation({
    mutationFn: (body: ReportInput) => api<Report>(`/activities/${encodeURIComponent(id)}/reports`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}
