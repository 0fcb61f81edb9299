import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UnitInput, UnitPatch } from "../../core/coordination/inputs";
import type { UnitView } from "../../core/coordination/views";
import { api } from "../api/client";
import { fetchPages } from "./fetch-pages";

/** Every query of this capability sits under one root, refreshed by its events on the stream. */
export const ROOT = "coordination";

/** Invalidates every coordination query after a change (lists, details and calendars overlap). */
export function useInvalidateCoordination() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [ROOT] });
}

/** The regional units of both sides (retired ones on request). */
export function useUnits(includeRetired = false) {
  return useQuery({
    queryKey: [ROOT, "units", { includeRetired }],
    queryFn: () => fetchPages<UnitView>("/units", { includeRetired }),
    staleTime: 30_000,
  });
}

/** One unit with its jurisdiction and counterparts. */
export function useUnit(id: string) {
  return useQuery({ queryKey: [ROOT, "units", "detail", id], queryFn: () => api<UnitView>(`/units/${encodeURIComponent(id)}`) });
}

/** Defines a unit of this node's side. */
export function useCreateUnit() {
  const invalidate = useInvalidateCoordination();
  return useMutation({ mutationFn: (body: UnitInput) => api<UnitView>("/units", { method: "POST", body }), onSuccess: invalidate });
}

/** Changes a unit of this node's side. */
export function usePatchUnit(id: string) {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: (body: UnitPatch) => api<UnitView>(`/units/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

/** Retires a unit of this node's side, with a reason. */
export function useRetireUnit(id: string) {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: (reason: string) => api<UnitView>(`/units/${encodeURIComponent(id)}/retire`, { method: "POST", body: { reason } }),
    onSuccess: invalidate,
  });
}
