import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { nodeIdSchema } from "../core/log/envelope";

/**
 * A node folder: `enlace.json` (this config), `node.key` (its Ed25519 private key, mode
 * 0600) and, on the default engine, `enlace.db`. `DATABASE_URL` in the environment moves the
 * database to PostgreSQL without touching the folder.
 */
export const nodeConfigSchema = z.strictObject({
  node: nodeIdSchema,
  name: z.string().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as CO"),
  host: z.string().default("127.0.0.1"),
  port: z.number().int().min(0).max(65535).default(8401),
  /** The URL peers use to reach this node; defaults to http://host:port. */
  publicUrl: z.string().url().optional(),
  databaseUrl: z.string().optional(),
  sessionHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
});
export type NodeConfig = z.infer<typeof nodeConfigSchema>;

export const CONFIG_FILE = "enlace.json";
export const KEY_FILE = "node.key";
export const DB_FILE = "enlace.db";

export class ConfigError extends Error {}

export function readNodeConfig(dir: string): NodeConfig {
  const path = join(dir, CONFIG_FILE);
  if (!existsSync(path)) throw new ConfigError(`${dir} is not an Enlace node folder (no ${CONFIG_FILE}); run \`enlace init\` first`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ConfigError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = nodeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${path}: ${issue?.path.join(".") || "config"}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Where the node's database is: the environment wins, then the config, then the folder. */
export function databaseUrlFor(dir: string, config: NodeConfig, env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || config.databaseUrl || join(dir, DB_FILE);
}

export function publicUrlOf(config: NodeConfig): string {
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}
