import { mgrsOf } from "../../core/border/mgrs";
import type { Position } from "../../core/border/schema";
import { hlcIso } from "../../core/log/hlc";
import type { Sql } from "../db/database";
import type { StoredEvent } from "../db/projections";

/** Sectors and their level proposals, crossings, deployments and patrols (see projection.ts). */
export const PRESENCE_TYPES_READ = [
  "sector.created",
  "sector.updated",
  "sector.level_proposed",
  "sector.level_answered",
  "crossing.recorded",
  "crossing.updated",
  "deployment.recorded",
  "deployment.ended",
  "patrol.reported",
] as const;

/** An instant with any offset as ISO 8601 UTC with milliseconds, so text order is time order. */
export const utc = (instant: string) => new Date(instant).toISOString();

/** lat, lon, mgrs, gx, gy: the columns every positioned table starts with. */
export const placeColumns = (p: Position) => [p.lat, p.lon, mgrsOf(p), Math.floor(p.lon * 100), Math.floor(p.lat * 100)];

/**
 * A sector's agreed level is that of the accepted proposal answered last (by HLC), so both
 * nodes agree whatever order the answers arrived in.
 */
async function refreshLevel(tx: Sql, sectorId: string, at: string): Promise<void> {
  const [row] = await tx.all<{ level: string }>(
    "SELECT level FROM border_level_proposals WHERE sector_id = ? AND state = 'accepted' ORDER BY answer_hlc DESC, id DESC LIMIT 1",
    [sectorId],
  );
  await tx.run("UPDATE border_sectors SET level = ?, updated_at = ? WHERE id = ?", [row?.level ?? null, at, sectorId]);
}

async function answerProposal(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as { proposalId: string; accepted: boolean; comment: string };
  const [p] = await tx.all<{ proposed_by: string; state: string; answer_hlc: string | null }>(
    "SELECT proposed_by, state, answer_hlc FROM border_level_proposals WHERE id = ? AND sector_id = ?",
    [d.proposalId, e.subject],
  );
  // A side cannot accept its own proposal; such an answer (only a crafted one) counts for nothing.
  if (!p || p.proposed_by === e.origin) return;
  // The first answer by HLC stands; a later-stamped one arriving first is replaced.
  if (p.state !== "pending" && p.answer_hlc !== null && p.answer_hlc <= e.hlc) return;
  await tx.run(
    "UPDATE border_level_proposals SET state = ?, answered_by = ?, answerer = ?, answered_at = ?, answer_hlc = ?, comment = ? WHERE id = ?",
    [d.accepted ? "accepted" : "rejected", e.origin, e.actor, at, e.hlc, d.comment, d.proposalId],
  );
  await refreshLevel(tx, e.subject, at);
}

export async function applyPresenceEvent(tx: Sql, e: StoredEvent): Promise<void> {
  const at = hlcIso(e.hlc);
  const d = e.data;
  switch (e.type) {
    case "sector.created":
      await tx.run(
        "INSERT INTO border_sectors (id, space, owner, code, name, description, path, units, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
        [e.subject, e.space, e.origin, d.code, d.name, d.description, JSON.stringify(d.path), JSON.stringify(d.units), at, at],
      );
      return;
    case "sector.updated":
      await tx.run("UPDATE border_sectors SET name = ?, description = ?, units = ?, updated_at = ? WHERE id = ?", [
        d.name,
        d.description,
        JSON.stringify(d.units),
        at,
        e.subject,
      ]);
      return;
    case "sector.level_proposed":
      await tx.run(
        `INSERT INTO border_level_proposals (id, sector_id, space, level, reason, citations, proposed_by, proposer, proposed_at, hlc, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
        [e.id, e.subject, e.space, d.level, d.reason, JSON.stringify(d.citations), e.origin, e.actor, at, e.hlc],
      );
      return;
    case "sector.level_answered":
      return answerProposal(tx, e, at);
    case "crossing.recorded":
      await tx.run(
        `INSERT INTO border_crossings (id, space, owner, lat, lon, mgrs, gx, gy, name, category, modes, sector_id, status, risk, approximate, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.subject,
          e.space,
          e.origin,
          ...placeColumns(d.position as Position),
          d.name,
          d.category,
          JSON.stringify(d.modes),
          d.sectorId,
          d.status,
          d.risk,
          d.approximate ? 1 : 0,
          d.note,
          at,
          at,
        ],
      );
      return;
    case "crossing.updated":
      await tx.run("UPDATE border_crossings SET name = ?, modes = ?, status = ?, risk = ?, note = ?, updated_at = ? WHERE id = ?", [
        d.name,
        JSON.stringify(d.modes),
        d.status,
        d.risk,
        d.note,
        at,
        e.subject,
      ]);
      return;
    case "deployment.recorded":
      await tx.run(
        `INSERT INTO border_deployments (id, space, owner, lat, lon, mgrs, gx, gy, unit, crossing_id, sector_id, from_at, to_at, strength, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.subject,
          e.space,
          e.origin,
          ...placeColumns(d.position as Position),
          d.unit,
          d.crossingId,
          d.sectorId,
          utc(d.from as string),
          d.to === null ? null : utc(d.to as string),
          d.strength,
          at,
        ],
      );
      return;
    case "deployment.ended":
      await tx.run("UPDATE border_deployments SET to_at = ? WHERE id = ?", [utc(d.to as string), e.subject]);
      return;
    case "patrol.reported": {
      const startedAt = utc(d.startedAt as string);
      const endedAt = utc(d.endedAt as string);
      await tx.run(
        `INSERT INTO border_patrols (id, space, owner, unit, sector_id, route, started_at, ended_at, crossing_ids, findings, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.subject,
          e.space,
          e.origin,
          d.unit,
          d.sectorId,
          JSON.stringify(d.route),
          startedAt,
          endedAt,
          JSON.stringify(d.crossingIds),
          d.findings,
          at,
        ],
      );
      for (const crossing of new Set(d.crossingIds as string[])) {
        await tx.run("INSERT INTO border_patrol_crossings (patrol_id, crossing_id, owner, started_at, ended_at) VALUES (?, ?, ?, ?, ?)", [
          e.subject,
          crossing,
          e.origin,
          startedAt,
          endedAt,
        ]);
      }
      return;
    }
  }
}
