import type { Sql } from "../db/database";

/** Reads of the federation projection, shared by routes, commands, the replicator and the CLI. */
export interface PeerRow {
  node: string;
  pin_id: string;
  name: string;
  country: string;
  url: string;
  public_key: string;
  pinned_at: string;
  removed_at: string | null;
}

export async function activePeer(sql: Sql, node: string): Promise<PeerRow | undefined> {
  return (await sql.all<PeerRow>("SELECT * FROM peers WHERE node = ? AND removed_at IS NULL", [node]))[0];
}

/** The latest pin of a node, removed or not: what verifies the events it sent while peered. */
export async function lastPin(sql: Sql, node: string): Promise<PeerRow | undefined> {
  return (await sql.all<PeerRow>("SELECT * FROM peers WHERE node = ?", [node]))[0];
}

export async function listPeers(sql: Sql, includeRemoved = false): Promise<PeerRow[]> {
  return sql.all<PeerRow>(`SELECT * FROM peers ${includeRemoved ? "" : "WHERE removed_at IS NULL"} ORDER BY node`);
}

export async function isSpaceMember(sql: Sql, space: string, node: string): Promise<boolean> {
  return (await sql.all("SELECT 1 AS one FROM space_members WHERE space = ? AND node = ?", [space, node])).length > 0;
}

export interface SpaceView {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  members: { node: string; joined: boolean }[];
}

export async function listSpaces(sql: Sql): Promise<SpaceView[]> {
  const spaces = await sql.all<{ id: string; name: string; created_by: string; created_at: string }>(
    "SELECT id, name, created_by, created_at FROM spaces ORDER BY created_at, id",
  );
  const members = await sql.all<{ space: string; node: string; joined_at: string | null }>(
    "SELECT space, node, joined_at FROM space_members ORDER BY space, node",
  );
  return spaces.map((s) => ({
    id: s.id,
    name: s.name,
    createdBy: s.created_by,
    createdAt: s.created_at,
    members: members.filter((m) => m.space === s.id).map((m) => ({ node: m.node, joined: m.joined_at !== null })),
  }));
}

/** Spaces this node has joined that also list `peer` as a member: what to replicate with it. */
export async function sharedSpaces(sql: Sql, self: string, peer: string): Promise<{ space: string; members: string[] }[]> {
  const rows = await sql.all<{ space: string; node: string }>(
    `SELECT m.space, m.node FROM space_members m
     WHERE m.space IN (SELECT a.space FROM space_members a JOIN space_members b ON a.space = b.space
                       WHERE a.node = ? AND a.joined_at IS NOT NULL AND b.node = ?)
     ORDER BY m.space, m.node`,
    [self, peer],
  );
  const bySpace = new Map<string, string[]>();
  for (const r of rows) bySpace.set(r.space, [...(bySpace.get(r.space) ?? []), r.node]);
  return [...bySpace].map(([space, members]) => ({ space, members }));
}

export interface QuarantineRow {
  id: string;
  peer: string;
  space: string;
  origin: string;
  seq: number;
  code: string;
  reason: string;
  event: string;
  at: string;
  resolution: string | null;
  resolved_at: string | null;
}

export async function listQuarantine(sql: Sql, open = true): Promise<QuarantineRow[]> {
  return sql.all<QuarantineRow>(`SELECT * FROM quarantine ${open ? "WHERE resolution IS NULL" : ""} ORDER BY at`);
}

/** Whether the stream of `origin` in `space` from `peer` is halted (open quarantine or dropped). */
export async function streamHalted(sql: Sql, peer: string, space: string, origin: string): Promise<boolean> {
  const rows = await sql.all(
    "SELECT 1 AS one FROM quarantine WHERE peer = ? AND space = ? AND origin = ? AND (resolution IS NULL OR resolution = 'drop')",
    [peer, space, origin],
  );
  return rows.length > 0;
}

export async function latestReceipts(
  sql: Sql,
  space: string,
): Promise<{ member: string; origin: string; seq: number; hash: string; at: string }[]> {
  return sql.all("SELECT member, origin, seq, hash, at FROM receipts WHERE space = ? ORDER BY member, origin", [space]);
}
