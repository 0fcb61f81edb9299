import type { ActivityStatus } from "../../core/commitments/schema";

/**
 * The commitments API as the console reads it (see issue 4's contract). Inputs are the
 * server's zod schemas in src/core/commitments/schema.ts; these are the answers.
 */
export type { ActivityStatus };

/** How many activities are in each status. */
export type StatusCounts = Record<ActivityStatus, number>;

/** An agreement as listed under its statement, with its roll-up. */
export interface AgreementSummary {
  id: string;
  number: number;
  text: string;
  percent: number;
}

/** A joint statement (GET /statements, /statements/{id}; `text` only in the latter). */
export interface Statement {
  id: string;
  space: string;
  ownerNode: string;
  date: string;
  title: string;
  text?: string;
  language: "es" | "en";
  meetingId: string | null;
  percent: number;
  agreements: AgreementSummary[];
}

/** What the paste box gets back: draft agreements to review, a date if found, warnings. */
export interface ParsedStatement {
  agreements: { number: number; text: string }[];
  date: string | null;
  warnings: string[];
}

/** A ministerial meeting (GET /ministerial-meetings). */
export interface MinisterialMeeting {
  id: string;
  date: string;
  place: string;
  hostNode: string;
  participants: string[];
  summary?: string | null;
}

/** An agreement with the statement it belongs to (GET /agreements). */
export interface Agreement extends AgreementSummary {
  statementId: string;
}

/** An operation with its roll-up and status counts (GET /operations). */
export interface Operation {
  id: string;
  space: string;
  ownerNode: string;
  name: string;
  description: string;
  agreementIds: string[];
  percent: number;
  counts: StatusCounts;
}

/** A dated milestone of an activity. */
export interface Milestone {
  title: string;
  dueDate: string;
  doneOn: string | null;
}

/** An activity as listed (GET /activities). */
export interface Activity {
  id: string;
  operationId: string;
  number: number | null;
  title: string;
  description: string;
  ownerNode: string;
  space: string;
  responsibleUnit: string;
  dueDate: string;
  startDate: string | null;
  level: number;
  status: ActivityStatus;
  flaggedAtRisk: boolean;
  milestones: Milestone[];
  weight: number;
  createdAt: string;
  updatedAt: string;
}

/** An evidence file of a report, by its hash (GET /evidence/{sha256}). */
export interface Evidence {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** A progress report, from either side. */
export interface Report {
  id: string;
  node: string;
  author: string;
  date: string;
  proposedLevel: number;
  narrative: string;
  evidence: Evidence[];
  postedAt: string;
}

/** One change to an activity as the signed log recorded it. */
export interface HistoryEntry {
  at: string;
  node: string;
  actor: string;
  type: string;
  summary: string;
  note: string | null;
}

/** An activity with both sides' reports and its history (GET /activities/{id}). */
export interface ActivityDetail extends Activity {
  reports: Report[];
  history: HistoryEntry[];
}

/** An activity as the roll-up lists it. */
export interface RollupActivity {
  id: string;
  title: string;
  level: number;
  status: ActivityStatus;
  dueDate: string;
  projectedCompletion: string | null;
}

/** An operation's roll-up (GET /operations/{id}/rollup). */
export interface Rollup {
  operationId: string;
  percent: number;
  counts: StatusCounts;
  activities: RollupActivity[];
  atRisk: { id: string; title: string; dueDate: string; projectedCompletion: string | null }[];
  baseline: null | { date: string; percent: number; changed: { id: string; title: string; from: number; to: number }[] };
}

/** The progress report for the next ministerial meeting (GET /reports/progress). */
export interface ProgressReport {
  statement: { id: string; date: string; title: string; language: "es" | "en" };
  generatedAt: string;
  today: string;
  percent: number;
  agreements: { id: string; number: number; text: string; percent: number; counts: StatusCounts }[];
  counts: StatusCounts;
  timeline: { date: string; percent: number }[];
  atRisk: { id: string; title: string; ownerNode: string; dueDate: string; projectedCompletion: string | null; status: ActivityStatus }[];
  /** The date compared with: the one asked for, else the last ministerial meeting before today. */
  baseline: { date: string; percent: number };
  changedSinceBaseline: { id: string; title: string; ownerNode: string; from: number; to: number }[];
}
