import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  ConsentAnswerInput,
  ConsentRequestInput,
  IntelReportInput,
  ReleaseInput,
  RfiInput,
  RfiReplyInput,
} from "../../core/coordination/threat-inputs";
import type { ConsentRequestView, IntelReportDetailView, IntelReportView, RfiDetailView, RfiView } from "../../core/coordination/views";
import { api } from "../api/client";
import { fetchPages } from "./fetch-pages";
import { ROOT, useInvalidateCoordination } from "./use-units";

/** Filters of the reports list: a space (national or shared), withdrawn reports too. */
export interface IntelFilter {
  space?: string;
  includeWithdrawn?: boolean;
}

/** Intelligence reports, newest first. */
export function useIntelReports(filter: IntelFilter = {}) {
  return useQuery({
    queryKey: [ROOT, "intel", "list", filter],
    queryFn: () => fetchPages<IntelReportView>("/intel-reports", { ...filter }),
  });
}

/** One report with its releases and consent requests. */
export function useIntelReport(id: string) {
  return useQuery({
    queryKey: [ROOT, "intel", "detail", id],
    queryFn: () => api<IntelReportDetailView>(`/intel-reports/${encodeURIComponent(id)}`),
  });
}

/** Requests for information, newest first. */
export function useRfis(status?: "open" | "closed") {
  return useQuery({ queryKey: [ROOT, "rfis", "list", status ?? "all"], queryFn: () => fetchPages<RfiView>("/rfis", { status }) });
}

/** One request with its replies. */
export function useRfi(id: string) {
  return useQuery({ queryKey: [ROOT, "rfis", "detail", id], queryFn: () => api<RfiDetailView>(`/rfis/${encodeURIComponent(id)}`) });
}

function usePost<B, R>(url: string, body: (b: B) => unknown = (b) => b) {
  const invalidate = useInvalidateCoordination();
  return useMutation({ mutationFn: (b: B) => api<R>(url, { method: "POST", body: body(b) }), onSuccess: invalidate });
}

const report = (id: string, tail = "") => `/intel-reports/${encodeURIComponent(id)}${tail}`;

/** Writes a report in the national space. */
export const useWriteReport = () => usePost<IntelReportInput, IntelReportDetailView>("/intel-reports");
/** Releases a sanitised copy into a shared space. */
export const useReleaseReport = (id: string) => usePost<ReleaseInput, IntelReportDetailView>(report(id, "/release"));
/** Withdraws a report (its writer only). */
export const useWithdrawReport = (id: string) => usePost<string, IntelReportDetailView>(report(id, "/withdraw"), (reason) => ({ reason }));
/** Asks the originator's consent to pass the report into another space. */
export const useRequestConsent = (id: string) => usePost<ConsentRequestInput, ConsentRequestView>(report(id, "/consent-requests"));
/** The originator grants or refuses a consent request. */
export function useAnswerConsent(id: string) {
  const invalidate = useInvalidateCoordination();
  return useMutation({
    mutationFn: ({ requestId, ...body }: ConsentAnswerInput & { requestId: string }) =>
      api<ConsentRequestView>(report(id, `/consent-requests/${encodeURIComponent(requestId)}/answer`), { method: "POST", body }),
    onSuccess: invalidate,
  });
}

/** Asks a request for information. */
export const useAskRfi = () => usePost<RfiInput, RfiDetailView>("/rfis");
/** Replies to a request, linking reports of its space. */
export const useReplyRfi = (id: string) => usePost<RfiReplyInput, RfiDetailView>(`/rfis/${encodeURIComponent(id)}/replies`);
/** Closes a request (its asker only). */
export const useCloseRfi = (id: string) =>
  usePost<string, RfiDetailView>(`/rfis/${encodeURIComponent(id)}/close`, (reason) => ({ reason }));
