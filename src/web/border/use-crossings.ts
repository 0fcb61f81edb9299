import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CrossingInput, CrossingPatch } from "../../core/border/inputs";
import type { CrossingView, NearestCrossingView } from "../../core/border/views";
import { api } from "../api/client";
import type { LatLon } from "./position";

/** Every crossing this node sees, both sides'. */
export function useCrossings() {
  return useQuery({ queryKey: ["border", "crossings"], queryFn: () => api<CrossingView[]>("/crossings"), staleTime: 30_000 });
}

/** Records a crossing on this node's side of the border. */
export function useCreateCrossing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CrossingInput) => api<CrossingView>("/crossings", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["border"] }),
  });
}

/** Changes a crossing this node owns (name, modes, status, risk, note). */
export function useUpdateCrossing(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CrossingPatch) => api<CrossingView>(`/crossings/${encodeURIComponent(id)}`, { method: "PATCH", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["border"] }),
  });
}

/** The crossing nearest a position (within 50 km), suggested when an incident is entered there. */
export function useNearestCrossing(position: LatLon | null) {
  const key = position ? `${position.lat.toFixed(5)},${position.lon.toFixed(5)}` : null;
  return useQuery({
    queryKey: ["border", "crossings", "nearest", key],
    queryFn: () =>
      api<NearestCrossingView>(
        `/incidents/nearest-crossing?${new URLSearchParams({ lat: String(position?.lat), lon: String(position?.lon) })}`,
      ),
    enabled: position !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
