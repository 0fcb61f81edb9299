import { FIRST_REPORT_DUE_MS, type Goods, type Position } from "../../core/border/schema";
import { toBaseUnit } from "../../core/border/units";
import { hlcIso } from "../../core/log/hlc";
import type { Sql } from "../db/database";
import type { StoredEvent } from "../db/projections";
import type { IncidentRow } from "./incident-queries";
import { placeColumns, utc } from "./projection-presence";
import { runWrites, type Write } from "./writes";

/** Incidents, their seizures, follow-ups, closure and release (see projection.ts). */
export const INCIDENT_TYPES_READ = ["incident.reported", "incident.followup_posted", "incident.closed", "incident.released"] as const;

interface IncidentFacts {
  type: string;
  sector_id: string | null;
  crossing_id: string | null;
  owner: string;
  space: string;
  occurred_at: string;
  month: string;
}

const GOODS_COLUMNS = `incident_id, source_id, line, category, quantity, unit, base_quantity, base_unit, description,
  type, sector_id, crossing_id, owner, space, occurred_at, month`;
const GOODS_TUPLE = `(${Array.from({ length: 16 }, () => "?").join(", ")})`;
/** The goods INSERT texts by number of lines. */
const goodsTexts: string[] = [];

/** One row per goods line, in one statement; none without goods. */
function goodsWrite(incidentId: string, sourceId: string, goods: readonly Goods[], f: IncidentFacts): Write | undefined {
  if (goods.length === 0) return undefined;
  let text = goodsTexts[goods.length];
  if (text === undefined) {
    text = `INSERT INTO border_incident_goods (${GOODS_COLUMNS}) VALUES ${Array.from(goods, () => GOODS_TUPLE).join(", ")}`;
    goodsTexts[goods.length] = text;
  }
  const params: unknown[] = [];
  for (const [line, g] of goods.entries()) {
    const base = toBaseUnit(g);
    params.push(incidentId, sourceId, line, g.category, g.quantity, g.unit, base.quantity, base.unit, g.description);
    params.push(f.type, f.sector_id, f.crossing_id, f.owner, f.space, f.occurred_at, f.month);
  }
  return { text, params };
}

/** What an `incident.reported` event carries. */
interface ReportedData {
  type: string;
  occurredAt: string;
  position: Position;
  crossingId: string | null;
  sectorId: string | null;
  impact: string;
  confidence: { reliability: string; credibility: number };
  goods: Goods[];
  summary: string;
  originator: string;
  derivedFrom: { space: string; id: string } | null;
  reportedAt?: string;
}

type ReportedRow = IncidentRow & { gx: number; gy: number; hlc: string };

/** The rows the projection inserted, by event object, so answering the report does not build one again. */
const projectedRows = new WeakMap<StoredEvent, ReportedRow>();

/**
 * The `border_incidents` row an `incident.reported` event starts, before any follow-up,
 * closure or release. The projection inserts it; the report's answer is built from it, so
 * the two cannot disagree.
 */
export function reportedIncidentRow(e: StoredEvent): ReportedRow {
  const projected = projectedRows.get(e);
  if (projected) return projected;
  const d = e.data as unknown as ReportedData;
  const occurred = utc(d.occurredAt);
  const reported = d.reportedAt === undefined ? hlcIso(e.hlc) : utc(d.reportedAt);
  const [lat, lon, mgrs, gx, gy] = placeColumns(d.position) as [number, number, string, number, number];
  return {
    id: e.subject,
    space: e.space,
    owner: e.origin,
    lat,
    lon,
    mgrs,
    gx,
    gy,
    type: d.type,
    occurred_at: occurred,
    reported_at: reported,
    crossing_id: d.crossingId,
    sector_id: d.sectorId,
    impact: d.impact,
    reliability: d.confidence.reliability,
    credibility: d.confidence.credibility,
    hlc: e.hlc,
    goods: JSON.stringify(d.goods),
    summary: d.summary,
    originator: d.originator,
    status: "open",
    closed_at: null,
    closed_reason: null,
    late_report: Date.parse(reported) - Date.parse(occurred) > FIRST_REPORT_DUE_MS ? 1 : 0,
    followup_count: 0,
    derived_space: d.derivedFrom?.space ?? null,
    derived_id: d.derivedFrom?.id ?? null,
  };
}

async function reported(tx: Sql, e: StoredEvent): Promise<void> {
  const r = reportedIncidentRow(e);
  projectedRows.set(e, r);
  const facts: IncidentFacts = {
    type: r.type,
    sector_id: r.sector_id,
    crossing_id: r.crossing_id,
    owner: r.owner,
    space: r.space,
    occurred_at: r.occurred_at,
    month: r.occurred_at.slice(0, 7),
  };
  const incident: Write = {
    text: `INSERT INTO border_incidents (id, space, owner, lat, lon, mgrs, gx, gy, type, occurred_at, day, month, reported_at, crossing_id, sector_id,
       impact, reliability, credibility, impact_hlc, confidence_hlc, goods, summary, originator, status, closed_at, closed_reason,
       late_report, followup_count, derived_space, derived_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, NULL, ?, 0, ?, ?)`,
    params: [
      r.id,
      r.space,
      r.owner,
      r.lat,
      r.lon,
      r.mgrs,
      r.gx,
      r.gy,
      r.type,
      r.occurred_at,
      r.occurred_at.slice(0, 10),
      facts.month,
      r.reported_at,
      r.crossing_id,
      r.sector_id,
      r.impact,
      r.reliability,
      r.credibility,
      r.hlc,
      r.hlc,
      r.goods,
      r.summary,
      r.originator,
      r.late_report,
      r.derived_space,
      r.derived_id,
    ],
  };
  // One round trip on PostgreSQL (see runWrites).
  await runWrites(tx, [incident, goodsWrite(e.subject, e.subject, (e.data as unknown as ReportedData).goods, facts)]);
}

async function followup(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as {
    text: string;
    goods: Goods[];
    impact: string | null;
    confidence: { reliability: string; credibility: number } | null;
  };
  await tx.run(
    `INSERT INTO border_followups (id, incident_id, space, author_node, actor, text, goods, impact, reliability, credibility, posted_at, hlc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.id,
      e.subject,
      e.space,
      e.origin,
      e.actor,
      d.text,
      JSON.stringify(d.goods),
      d.impact,
      d.confidence?.reliability ?? null,
      d.confidence?.credibility ?? null,
      at,
      e.hlc,
    ],
  );
  const [incident] = await tx.all<IncidentFacts & { goods: string; impact_hlc: string; confidence_hlc: string }>(
    "SELECT type, sector_id, crossing_id, owner, space, occurred_at, month, goods, impact_hlc, confidence_hlc FROM border_incidents WHERE id = ?",
    [e.subject],
  );
  if (!incident) return;
  await tx.run("UPDATE border_incidents SET followup_count = followup_count + 1, goods = ? WHERE id = ?", [
    JSON.stringify([...(JSON.parse(incident.goods) as Goods[]), ...d.goods]),
    e.subject,
  ]);
  // Impact and confidence are those of the latest report by HLC, whatever order follow-ups arrive in.
  if (d.impact !== null && incident.impact_hlc < e.hlc) {
    await tx.run("UPDATE border_incidents SET impact = ?, impact_hlc = ? WHERE id = ?", [d.impact, e.hlc, e.subject]);
  }
  if (d.confidence !== null && incident.confidence_hlc < e.hlc) {
    await tx.run("UPDATE border_incidents SET reliability = ?, credibility = ?, confidence_hlc = ? WHERE id = ?", [
      d.confidence.reliability,
      d.confidence.credibility,
      e.hlc,
      e.subject,
    ]);
  }
  await runWrites(tx, [goodsWrite(e.subject, e.id, d.goods, incident)]);
}

export async function applyIncidentEvent(tx: Sql, e: StoredEvent): Promise<void> {
  const at = hlcIso(e.hlc);
  switch (e.type) {
    case "incident.reported":
      return reported(tx, e);
    case "incident.followup_posted":
      return followup(tx, e, at);
    case "incident.closed":
      await tx.run("UPDATE border_incidents SET status = 'closed', closed_at = ?, closed_reason = ? WHERE id = ? AND status = 'open'", [
        at,
        e.data.reason,
        e.subject,
      ]);
      return;
    case "incident.released":
      await tx.run(
        "INSERT INTO border_releases (incident_id, space, copy_id, actor, released_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id, space) DO NOTHING",
        [e.subject, e.data.space, e.data.copyId, e.actor, at],
      );
      return;
  }
}
