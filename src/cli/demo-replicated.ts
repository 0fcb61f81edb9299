import type { Sql } from "../server/db/database";
import type { NodeRuntime } from "../server/node";

/** Waits until `query` (a COUNT as `n`) reaches `want` on `node`: replication has brought it over. */
export async function replicated(node: NodeRuntime, query: string, params: unknown[], want: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await node.db.connection((sql: Sql) => sql.all<{ n: number }>(query, params));
    if (Number(row?.n ?? 0) >= want) return;
    if (Date.now() > deadline) throw new Error(`the demo nodes did not replicate the seed data in ${timeoutMs / 1000} s (${query})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
