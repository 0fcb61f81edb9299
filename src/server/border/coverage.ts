import type { CoverageGap, CoverageShare, CoverageView } from "../../core/border/read-views";
import type { Sql } from "../db/database";

/**
 * Coverage of the informal crossings at an instant: a crossing is covered in a window when
 * some presence there (a deployment at it, or a patrol that visited it) overlaps the window
 * [at − 24 h, at] or [at − 7 d, at]. Shares are given for all crossings, per side (the
 * crossings on its territory) and per sector; the gaps are the crossings without presence
 * in the last 24 h, each with the last moment anyone was there.
 */
const H24 = 24 * 3_600_000;
const D7 = 7 * 24 * 3_600_000;
const RISK_ORDER = ["critical", "high", "medium", "low"];

interface CrossingRow {
  id: string;
  name: string;
  side: string;
  sector_id: string;
  lon: number;
  lat: number;
  risk: string;
  status: string;
  last_before: number | null;
}

interface Presence {
  last: number | null;
  in24h: boolean;
  in7d: boolean;
  sides24h: Set<string>;
  sides7d: Set<string>;
}

const share = (covered: number, of: number) => (of === 0 ? null : Math.round((covered / of) * 10_000) / 10_000);

function shareOf(rows: readonly { p: Presence }[]): CoverageShare {
  const covered24h = rows.filter((r) => r.p.in24h).length;
  const covered7d = rows.filter((r) => r.p.in7d).length;
  return {
    crossings: rows.length,
    covered24h,
    covered7d,
    share24h: share(covered24h, rows.length),
    share7d: share(covered7d, rows.length),
  };
}

export async function coverage(sql: Sql, atMs: number): Promise<CoverageView> {
  // The last presence that ended more than 7 days before `at`, for crossings with none since.
  const crossings = await sql.all<CrossingRow>(
    `SELECT c.id, c.name, c.side, c.sector_id, c.lon, c.lat, c.risk, c.status,
       (SELECT MAX(p.end_ms) FROM border_stats_presence p WHERE p.crossing_id = c.id AND p.end_ms < ?) AS last_before
     FROM border_stats_crossings c WHERE c.category = 'informal'`,
    [atMs - D7],
  );
  const recent = await sql.all<{ crossing_id: string; side: string; start_ms: number; end_ms: number }>(
    "SELECT crossing_id, side, start_ms, end_ms FROM border_stats_presence WHERE end_ms >= ? AND start_ms <= ?",
    [atMs - D7, atMs],
  );
  const presence = new Map<string, Presence>();
  for (const c of crossings) {
    presence.set(c.id, {
      last: c.last_before === null ? null : Number(c.last_before),
      in24h: false,
      in7d: false,
      sides24h: new Set(),
      sides7d: new Set(),
    });
  }
  for (const r of recent) {
    const p = presence.get(r.crossing_id);
    if (!p) continue;
    const end = Math.min(Number(r.end_ms), atMs);
    p.last = Math.max(p.last ?? end, end);
    p.in7d = true;
    p.sides7d.add(r.side);
    if (Number(r.end_ms) >= atMs - H24) {
      p.in24h = true;
      p.sides24h.add(r.side);
    }
  }
  const rows = crossings.map((c) => ({ c, p: presence.get(c.id) as Presence }));

  const sides = [...new Set(crossings.map((c) => c.side).concat(recent.map((r) => r.side)))].sort();
  const sectors = await sql.all<{ id: string; code: string; name: string }>("SELECT id, code, name FROM border_stats_sectors");
  const sectorById = new Map(sectors.map((s) => [s.id, s]));
  const sectorIds = [...new Set(crossings.map((c) => c.sector_id))].sort();

  const gaps: CoverageGap[] = rows
    .filter((r) => !r.p.in24h)
    .sort(
      (a, b) =>
        Number(a.p.in7d) - Number(b.p.in7d) ||
        (a.p.last ?? Number.NEGATIVE_INFINITY) - (b.p.last ?? Number.NEGATIVE_INFINITY) ||
        RISK_ORDER.indexOf(a.c.risk) - RISK_ORDER.indexOf(b.c.risk) ||
        a.c.name.localeCompare(b.c.name),
    )
    .map(({ c, p }) => ({
      crossingId: c.id,
      name: c.name,
      side: c.side,
      sectorId: c.sector_id || null,
      lat: Number(c.lat),
      lon: Number(c.lon),
      risk: c.risk,
      status: c.status,
      lastPresenceAt: p.last === null ? null : new Date(p.last).toISOString(),
      presence7d: p.in7d,
    }));

  return {
    at: new Date(atMs).toISOString(),
    combined: shareOf(rows),
    sides: sides.map((side) => ({
      side,
      ...shareOf(rows.filter((r) => r.c.side === side)),
      present24h: rows.filter((r) => r.p.sides24h.has(side)).length,
      present7d: rows.filter((r) => r.p.sides7d.has(side)).length,
    })),
    sectors: sectorIds.map((id) => {
      const s = sectorById.get(id);
      return { sectorId: id || null, code: s?.code ?? null, name: s?.name ?? null, ...shareOf(rows.filter((r) => r.c.sector_id === id)) };
    }),
    gaps,
  };
}
