import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AttendanceInput, MeetingInput, OutcomeInput, SeriesInput } from "../../core/coordination/inputs";
import type { MeetingDetailView, MeetingView, OutcomeView, ReminderView, SeriesView } from "../../core/coordination/views";
import { api } from "../api/client";
import { fetchPages, queryString } from "./fetch-pages";
import { ROOT, useInvalidateCoordination } from "./use-units";

/** Filters of GET /api/v1/meetings: a unit, a status and a window of start instants. */
export interface MeetingFilter {
  unitId?: string;
  status?: "scheduled" | "cancelled";
  from?: string;
  to?: string;
}

/** Regional-unit meetings in start order (not the ministerial meetings of the commitments pages). */
export function useUnitMeetings(filter: MeetingFilter) {
  return useQuery({
    queryKey: [ROOT, "meetings", "list", filter],
    queryFn: () => fetchPages<MeetingView>("/meetings", { ...filter }),
  });
}

/** One meeting with its minutes and outcomes. */
export function useUnitMeeting(id: string) {
  return useQuery({
    queryKey: [ROOT, "meetings", "detail", id],
    queryFn: () => api<MeetingDetailView>(`/meetings/${encodeURIComponent(id)}`),
  });
}

/** Series of recurring meetings, of one unit or all. */
export function useMeetingSeries(unitId?: string) {
  return useQuery({
    queryKey: [ROOT, "series", unitId ?? "all"],
    queryFn: () => api<SeriesView[]>(`/meeting-series${queryString({ unitId })}`),
  });
}

/** Meeting reminders due now for this node's users. */
export function useDueReminders() {
  return useQuery({ queryKey: [ROOT, "reminders"], queryFn: () => api<ReminderView[]>("/reminders"), refetchInterval: 60_000 });
}

const path = (id: string, tail = "") => `/meetings/${encodeURIComponent(id)}${tail}`;

/** Schedules one meeting hosted by a unit of this side. */
export function useScheduleMeeting() {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: (body: MeetingInput) => api<MeetingDetailView>("/meetings", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

/** Plans a series of recurring meetings at once (each occurrence is a meeting of its own). */
export function useCreateSeries() {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: (body: SeriesInput) => api<SeriesView>("/meeting-series", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

/** Confirms (or declines) attendance for one of this side's units. */
export function useConfirmAttendance(id: string) {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: (body: AttendanceInput) => api<MeetingDetailView>(path(id, "/attendance"), { method: "POST", body }),
    onSuccess: invalidate,
  });
}

/** Records the minutes (the host's side; each save is a new version). */
export function useRecordMinutes(id: string) {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: (text: string) => api<MeetingDetailView>(path(id, "/minutes"), { method: "POST", body: { text } }),
    onSuccess: invalidate,
  });
}

/** Records an outcome; an action item also becomes an activity of the commitments pages. */
export function useRecordOutcome(id: string) {
  const invalidate = useInvalidateCoordination();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OutcomeInput) => api<OutcomeView>(path(id, "/outcomes"), { method: "POST", body }),
    onSuccess: () => {
      for (const root of ["activities", "operations", "progress"]) void qc.invalidateQueries({ queryKey: [root] });
      return invalidate();
    },
  });
}

/** Cancels a meeting (the host's side), with a reason. */
export function useCancelMeeting(id: string) {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: (reason: string) => api<MeetingDetailView>(path(id, "/cancel"), { method: "POST", body: { reason } }),
    onSuccess: invalidate,
  });
}
