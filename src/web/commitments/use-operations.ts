import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OperationInput } from "../../core/commitments/schema";
import { api } from "../api/client";
import type { Operation, Rollup } from "./types";

/** Operations with their roll-up and status counts. */
export function useOperations() {
  return useQuery({ queryKey: ["operations"], queryFn: () => api<Operation[]>("/operations") });
}

/** An operation's roll-up, optionally compared with a baseline date. */
export function useRollup(id: string, baseline?: string) {
  const q = baseline ? `?baseline=${encodeURIComponent(baseline)}` : "";
  return useQuery({
    queryKey: ["operations", id, "rollup", baseline ?? null],
    queryFn: () => api<Rollup>(`/operations/${encodeURIComponent(id)}/rollup${q}`),
  });
}

/** Creates an operation. */
export function useCreateOperation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OperationInput) => api<Operation>("/operations", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["operations"] }),
  });
}
