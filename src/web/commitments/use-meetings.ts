import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MinisterialMeetingInput } from "../../core/commitments/schema";
import { api } from "../api/client";
import type { MinisterialMeeting } from "./types";

/** Ministerial meetings, the records the statements hang from. */
export function useMeetings() {
  return useQuery({ queryKey: ["meetings"], queryFn: () => api<MinisterialMeeting[]>("/ministerial-meetings") });
}

/** Records a ministerial meeting. */
export function useCreateMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MinisterialMeetingInput) => api<MinisterialMeeting>("/ministerial-meetings", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["meetings"] }),
  });
}
