/**
 * What the border picture's read endpoints answer (coverage, dashboards, the daily report,
 * map aggregates), shared by the server and the console. Times are ISO 8601 in UTC; a
 * "side" is the node that recorded the object (each side records on its own territory).
 */
export interface CoverageShare {
  /** Informal crossings counted. */
  crossings: number;
  covered24h: number;
  covered7d: number;
  /** covered / crossings, null when there are no crossings. */
  share24h: number | null;
  share7d: number | null;
}

export interface CoverageGap {
  crossingId: string;
  name: string;
  side: string;
  sectorId: string | null;
  lat: number;
  lon: number;
  risk: string;
  status: string;
  /** The last moment any side was present, or null if never. */
  lastPresenceAt: string | null;
  /** Presence in the last 7 days (a gap of the last 24 h only). */
  presence7d: boolean;
}

export interface CoverageView {
  at: string;
  /** Every informal crossing, presence by either side. */
  combined: CoverageShare;
  /** The crossings on each side's territory, presence by either side; `present*` counts the crossings (any) where this side itself was present. */
  sides: (CoverageShare & { side: string; present24h: number; present7d: number })[];
  sectors: (CoverageShare & { sectorId: string | null; code: string | null; name: string | null })[];
  /** Crossings with no presence in the last 24 h, the longest without first. */
  gaps: CoverageGap[];
}

export interface Quantity {
  category: string;
  unit: string;
  quantity: number;
  /** Incidents with goods of this category in this unit. */
  incidents: number;
}

export interface SeizureGroup {
  key: string | null;
  label: string;
  /** Incidents in the group (for `category`: incidents with goods of the category). */
  incidents: number;
  /** Of those, incidents with any goods seized. */
  withSeizures: number;
  quantities: Quantity[];
}

export interface SeizuresView {
  from: string;
  to: string;
  groupBy: "category" | "sector" | "month" | "side";
  groups: SeizureGroup[];
  totals: Omit<SeizureGroup, "key" | "label">;
}

export interface TrendSeries {
  /** Counts for `months`, and for the same months a year earlier. */
  counts: number[];
  previousCounts: number[];
  total: number;
  previousTotal: number;
  change: number;
  /** change / previousTotal, null when previousTotal is 0. */
  changeRatio: number | null;
}

export interface TrendsView {
  at: string;
  /** The 12 months ending with the month of `at` (that one up to `at`). */
  months: string[];
  previousMonths: string[];
  types: (TrendSeries & { type: string })[];
  totals: TrendSeries;
}

export interface BusiestCrossing {
  crossingId: string;
  name: string | null;
  category: string | null;
  side: string | null;
  sectorId: string | null;
  lat: number | null;
  lon: number | null;
  incidents: number;
}

export interface BusiestView {
  from: string;
  to: string;
  crossings: BusiestCrossing[];
}

export interface DailyIncident {
  id: string;
  type: string;
  occurredAt: string;
  reportedAt: string;
  side: string;
  sectorId: string | null;
  crossingId: string | null;
  lat: number;
  lon: number;
  impact: string;
  status: string;
  lateReport: boolean;
  summary: string;
  originator: string;
  goods: { category: string; unit: string; quantity: number }[];
}

export interface DailyReportView {
  date: string;
  /** The report's offset from UTC, ±hh:mm. */
  tz: string;
  from: string;
  to: string;
  incidents: number;
  withSeizures: number;
  lateReports: number;
  closed: number;
  followups: number;
  byType: { type: string; incidents: number }[];
  bySide: { side: string; incidents: number }[];
  bySector: { sectorId: string | null; code: string | null; name: string | null; incidents: number }[];
  byImpact: { impact: string; incidents: number }[];
  seizures: Quantity[];
  coverage: CoverageView;
  /** The day's incidents, earliest first, at most `listed`. */
  list: DailyIncident[];
  listed: number;
}
