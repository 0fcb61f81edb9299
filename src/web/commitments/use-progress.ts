import { useQuery } from "@tanstack/react-query";
import { API, api } from "../api/client";
import type { ProgressReport } from "./types";

const params = (statementId: string, baseline?: string, lang?: string) =>
  new URLSearchParams({ statementId, ...(baseline ? { baseline } : {}), ...(lang ? { lang } : {}) }).toString();

/** The progress report for the next ministerial meeting. */
export function useProgressReport(statementId: string | undefined, baseline?: string) {
  return useQuery({
    queryKey: ["progress", statementId ?? null, baseline ?? null],
    queryFn: () => api<ProgressReport>(`/reports/progress?${params(statementId ?? "", baseline)}`),
    enabled: Boolean(statementId),
  });
}

/** Where the same report is downloaded as PDF. */
export function progressPdfUrl(statementId: string, baseline: string | undefined, lang: string): string {
  return `${API}/reports/progress.pdf?${params(statementId, baseline, lang)}`;
}
