import type { SideSource } from "../../core/stix/sources";
import type { Sql } from "../db/database";

/**
 * The sides of the agreement as STIX identities: this node (its configuration) and the
 * peers it has pinned. An identity's `created` is the creation of the earliest shared space
 * the side belongs to — a time both nodes hold identically, so both write the same identity —
 * or, for a node in no shared space, its genesis (this node) or its pinning (a peer).
 */
export async function sidesOf(sql: Sql, self: { node: string; name: string; country: string }): Promise<SideSource[]> {
  const peers = await sql.all<{ node: string; name: string; country: string; pinned_at: string }>(
    "SELECT node, name, country, pinned_at FROM peers",
  );
  const firstSpace = await sql.all<{ node: string; at: string }>(
    "SELECT m.node AS node, MIN(s.created_at) AS at FROM space_members m JOIN spaces s ON s.id = m.space GROUP BY m.node",
  );
  const spaceAt = new Map(firstSpace.map((r) => [r.node, r.at]));
  const [genesis] = await sql.all<{ hlc: string }>("SELECT hlc FROM events WHERE space = 'national' AND origin = ? AND seq = 1", [
    self.node,
  ]);
  const own = spaceAt.get(self.node) ?? (genesis ? genesis.hlc.slice(0, 24) : new Date(0).toISOString());
  return [
    { node: self.node, name: self.name, country: self.country, created: own },
    ...peers
      .filter((p) => p.node !== self.node)
      .map((p) => ({ node: p.node, name: p.name, country: p.country, created: spaceAt.get(p.node) ?? p.pinned_at })),
  ];
}
