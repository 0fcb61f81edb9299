import { useQuery } from "@tanstack/react-query";
import type { CoverageView } from "../../core/border/read-views";
import type { DeploymentView, PatrolView } from "../../core/border/views";
import { api } from "../api/client";
import { fetchAll } from "./fetch-all";

/** Deployments; `active` keeps those in force now. */
export function useDeployments(active = false) {
  const params = new URLSearchParams(active ? { active: "true" } : {});
  return useQuery({ queryKey: ["border", "deployments", active], queryFn: () => fetchAll<DeploymentView>("/deployments", params) });
}

/** Patrol reports since an instant. */
export function usePatrols(since: string) {
  return useQuery({
    queryKey: ["border", "patrols", since],
    queryFn: () => fetchAll<PatrolView>("/patrols", new URLSearchParams({ from: since })),
  });
}

/** Coverage of the informal crossings per sector, per side and combined, with the gaps. */
export function useCoverage() {
  return useQuery({ queryKey: ["border", "coverage"], queryFn: () => api<CoverageView>("/coverage") });
}
