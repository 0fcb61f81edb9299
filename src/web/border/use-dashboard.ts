import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BusiestView, DailyReportView, SeizuresView, TrendsView } from "../../core/border/read-views";
import { api } from "../api/client";

/** The dashboards' period: the last 30, 90 or 365 days (the start rounded to the hour). */
export const PERIODS = ["30", "90", "365"] as const;
export type Period = (typeof PERIODS)[number];

export function periodStart(period: Period): string {
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  return new Date(hour - Number(period) * 86_400_000).toISOString();
}

/** Incidents and quantities seized since `from`, grouped by category, sector, month or side. */
export function useSeizures(groupBy: SeizuresView["groupBy"], from: string) {
  const q = new URLSearchParams({ groupBy, from });
  return useQuery({
    queryKey: ["border", "dashboard", "seizures", q.toString()],
    queryFn: () => api<SeizuresView>(`/dashboard/seizures?${q}`),
    placeholderData: keepPreviousData,
  });
}

/** Incidents per type per month, the last 12 months beside the 12 before. */
export function useTrends() {
  return useQuery({ queryKey: ["border", "dashboard", "trends"], queryFn: () => api<TrendsView>("/dashboard/trends") });
}

/** The crossings named by most incidents since `from`. */
export function useBusiest(from: string, limit = 10) {
  const q = new URLSearchParams({ from, limit: String(limit) });
  return useQuery({
    queryKey: ["border", "dashboard", "busiest", q.toString()],
    queryFn: () => api<BusiestView>(`/dashboard/crossings/busiest?${q}`),
    placeholderData: keepPreviousData,
  });
}

/** The browser's offset from UTC as ±hh:mm, so "today" is the reader's day. */
export function localOffset(d = new Date()): string {
  const minutes = -d.getTimezoneOffset();
  const sign = minutes >= 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The daily report of one day, 00:00–24:00 at the given offset. */
export function useDailyReport(date: string, tz: string) {
  const q = new URLSearchParams({ date, tz });
  return useQuery({
    queryKey: ["border", "reports", "daily", q.toString()],
    queryFn: () => api<DailyReportView>(`/reports/daily?${q}`),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
    placeholderData: keepPreviousData,
  });
}
