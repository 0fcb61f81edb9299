import type { CsvColumn } from "../../core/border/export/csv";
import type { DailyIncident } from "../../core/border/read-views";

/** The daily report's CSV: one row per incident of the day. */
const col = (name: string, get: CsvColumn<DailyIncident>["get"]): CsvColumn<DailyIncident> => ({ name, get });

export const DAILY_COLUMNS: readonly CsvColumn<DailyIncident>[] = [
  col("id", (i) => i.id),
  col("occurred_at", (i) => i.occurredAt),
  col("reported_at", (i) => i.reportedAt),
  col("late_report", (i) => i.lateReport),
  col("type", (i) => i.type),
  col("side", (i) => i.side),
  col("sector_id", (i) => i.sectorId),
  col("crossing_id", (i) => i.crossingId),
  col("lat", (i) => i.lat),
  col("lon", (i) => i.lon),
  col("impact", (i) => i.impact),
  col("status", (i) => i.status),
  col("goods", (i) => i.goods.map((g) => `${g.category} ${g.quantity} ${g.unit}`).join(" | ")),
  col("summary", (i) => i.summary),
  col("originator", (i) => i.originator),
];
