import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { LevelAnswerInput, LevelProposalInput } from "../../core/border/inputs";
import type { SectorDetailView, SectorView } from "../../core/border/views";
import { api } from "../api/client";

/** Every sector of the border this node sees. */
export function useSectors() {
  return useQuery({ queryKey: ["border", "sectors"], queryFn: () => api<SectorView[]>("/sectors"), staleTime: 30_000 });
}

/** One sector with every level proposal made for it (its level's history). */
export function useSector(id: string | null) {
  return useQuery({
    queryKey: ["border", "sectors", "detail", id],
    queryFn: () => api<SectorDetailView>(`/sectors/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
  });
}

/** Proposes an impact level for a sector (another member accepts or rejects it). */
export function useProposeLevel(sectorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LevelProposalInput) =>
      api<SectorDetailView>(`/sectors/${encodeURIComponent(sectorId)}/level-proposals`, { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["border"] }),
  });
}

/** Accepts or rejects a pending level proposal. */
export function useAnswerLevel(sectorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId, ...body }: LevelAnswerInput & { proposalId: string }) =>
      api<SectorDetailView>(`/sectors/${encodeURIComponent(sectorId)}/level-proposals/${encodeURIComponent(proposalId)}/answer`, {
        method: "POST",
        body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["border"] }),
  });
}
