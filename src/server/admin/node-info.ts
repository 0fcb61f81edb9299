import { z } from "zod";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { readLog, rowToStored } from "../db/rows";
import type { NodeRuntime } from "../node";

export const spaceSchema = z.object({ id: z.string(), name: z.string(), members: z.array(z.string()) });
export const nodeInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  publicKey: z.string(),
  spaces: z.array(spaceSchema),
});

/** The node's identity and the spaces it belongs to. */
export async function nodeInfo(node: NodeRuntime): Promise<z.infer<typeof nodeInfoSchema>> {
  const { config, keys } = node;
  return {
    id: config.node,
    name: config.name,
    country: config.country,
    publicKey: keys.publicKeyText,
    spaces: [{ id: NATIONAL_SPACE, name: NATIONAL_SPACE, members: [config.node] }],
  };
}

/**
 * A page of the log in local order. Fields a type declares secret (credential hashes) are
 * replaced by "[redacted]": an admin audits who changed what, never reads a hash.
 */
export async function auditEvents(node: NodeRuntime, q: { after: number; limit: number; space?: string }) {
  const rows = await node.db.connection((sql) => readLog(sql, q.after, q.limit, q.space));
  const events = rows.map((row) => {
    const e = rowToStored(row);
    const secret = node.model.registry.get(e.type, e.v)?.secret ?? [];
    const data = { ...e.data };
    for (const f of secret) if (f in data) data[f] = "[redacted]";
    return { ...e, data };
  });
  const last = events.at(-1);
  return { events, next: events.length === q.limit && last ? last.pos : null };
}
