import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AssessmentInput,
  AssessmentRevision,
  RiskFactorInput,
  RiskFactorPatch,
  ThreatActorInput,
  ThreatActorPatch,
} from "../../core/coordination/threat-inputs";
import type { AssessmentView, assessmentDetailView, RiskFactorView, ThreatActorView } from "../../core/coordination/views";
import { api } from "../api/client";
import { fetchPages } from "./fetch-pages";
import { ROOT, useInvalidateCoordination } from "./use-units";

/** An assessment with every revision, as GET /threat-assessments/{id} answers. */
export type AssessmentDetail = z.infer<typeof assessmentDetailView>;

/** Narrows the register to a sector or a group. */
export interface RegisterFilter {
  sectorId?: string;
  threatActorId?: string;
}

/** Organised-crime groups both sides recorded. */
export function useThreatActors(filter: RegisterFilter = {}) {
  return useQuery({
    queryKey: [ROOT, "threat-actors", "list", filter],
    queryFn: () => fetchPages<ThreatActorView>("/threat-actors", { ...filter }),
  });
}

/** One group. */
export function useThreatActor(id: string) {
  return useQuery({
    queryKey: [ROOT, "threat-actors", "detail", id],
    queryFn: () => api<ThreatActorView>(`/threat-actors/${encodeURIComponent(id)}`),
  });
}

/** Risk factors per sector. */
export function useRiskFactors(filter: RegisterFilter = {}) {
  return useQuery({
    queryKey: [ROOT, "risk-factors", "list", filter],
    queryFn: () => fetchPages<RiskFactorView>("/risk-factors", { ...filter }),
  });
}

/** Threat assessments, of a group or a sector or all. */
export function useAssessments(filter: RegisterFilter = {}) {
  return useQuery({
    queryKey: [ROOT, "assessments", "list", filter],
    queryFn: () => fetchPages<AssessmentView>("/threat-assessments", { ...filter }),
  });
}

/** One assessment and its history. */
export function useAssessment(id: string) {
  return useQuery({
    queryKey: [ROOT, "assessments", "detail", id],
    queryFn: () => api<AssessmentDetail>(`/threat-assessments/${encodeURIComponent(id)}`),
  });
}

/** A POST or PATCH that refreshes the register when it succeeds. */
function useWrite<B, R>(method: "POST" | "PATCH", url: (b: B) => string, body: (b: B) => unknown = (b) => b) {
  const invalidate = useInvalidateCoordination();
  return useMutation({ mutationFn: (b: B) => api<R>(url(b), { method, body: body(b) }), onSuccess: invalidate });
}

/** Records a group (its writer alone changes it later). */
export const useRecordThreatActor = () => useWrite<ThreatActorInput, ThreatActorView>("POST", () => "/threat-actors");
/** Changes a group this side recorded. */
export const usePatchThreatActor = (id: string) =>
  useWrite<ThreatActorPatch, ThreatActorView>("PATCH", () => `/threat-actors/${encodeURIComponent(id)}`);
/** Records a risk factor of a sector. */
export const useRecordRiskFactor = () => useWrite<RiskFactorInput, RiskFactorView>("POST", () => "/risk-factors");
/** Changes a risk factor this side recorded (level, status, wording). */
export const usePatchRiskFactor = (id: string) =>
  useWrite<RiskFactorPatch, RiskFactorView>("PATCH", () => `/risk-factors/${encodeURIComponent(id)}`);
/** Records an assessment of a group, a sector or both. */
export const useRecordAssessment = () => useWrite<AssessmentInput, AssessmentDetail>("POST", () => "/threat-assessments");
/** Revises an assessment; the earlier revision stays in its history. */
export const useReviseAssessment = (id: string) =>
  useWrite<AssessmentRevision, AssessmentDetail>("POST", () => `/threat-assessments/${encodeURIComponent(id)}/revisions`);
/** Withdraws an assessment with a reason. */
export const useWithdrawAssessment = (id: string) =>
  useWrite<string, AssessmentDetail>(
    "POST",
    () => `/threat-assessments/${encodeURIComponent(id)}/withdraw`,
    (reason) => ({ reason }),
  );
