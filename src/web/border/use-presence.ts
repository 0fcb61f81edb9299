import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeploymentInput, PatrolInput } from "../../core/border/inputs";
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

/**
 * What new presence makes stale: its own list (shown on the map too), coverage and the daily
 * report, which count presence at the crossings. Incidents and the dashboards do not.
 */
function refreshAfter(qc: QueryClient, list: "deployments" | "patrols") {
  return Promise.all([list, "coverage", "reports"].map((part) => qc.invalidateQueries({ queryKey: ["border", part] })));
}

/** Records a deployment on this node's side of the border. */
export function useRecordDeployment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DeploymentInput) => api<DeploymentView>("/deployments", { method: "POST", body }),
    onSuccess: () => refreshAfter(qc, "deployments"),
  });
}

/** Files a patrol report whose route lies on this node's side of the border. */
export function useReportPatrol() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatrolInput) => api<PatrolView>("/patrols", { method: "POST", body }),
    onSuccess: () => refreshAfter(qc, "patrols"),
  });
}
