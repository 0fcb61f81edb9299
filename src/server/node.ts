import type { KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportPrivateKeyPem, generateNodeKeys, importPublicKey, loadNodeKeys, type NodeKeys } from "../core/log/crypto";
import { NATIONAL_SPACE } from "../core/log/envelope";
import { createHlc } from "../core/log/hlc";
import { CONFIG_FILE, ConfigError, DB_FILE, databaseUrlFor, KEY_FILE, type NodeConfig, nodeConfigSchema, readNodeConfig } from "./config";
import { type Database, openDatabase, type Sql } from "./db/database";
import { createEventStore, type EventStore } from "./db/event-store";
import { migrate } from "./db/migrate";
import { activePeer, isSpaceMember, lastPin } from "./federation/queries";
import { type NodeModel, nodeModel } from "./registry";

/** A running node's parts: its folder, identity, database and event store. */
export interface NodeRuntime {
  readonly dir: string;
  readonly config: NodeConfig;
  readonly keys: NodeKeys;
  readonly db: Database;
  readonly store: EventStore;
  readonly model: NodeModel;
  /** The verifying key of an origin: this node's own, or a pinned peer's (read through `sql` inside a transaction). */
  keyOf(origin: string, sql?: Sql): Promise<KeyObject | undefined>;
  /** Like keyOf, but also a removed peer's last key: `verify` re-checks what it sent while peered. */
  historicKeyOf(origin: string, sql: Sql): Promise<KeyObject | undefined>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly model?: NodeModel;
  /** PostgreSQL schema to use (tests). */
  readonly schema?: string;
  readonly wallClock?: () => number;
}

function readKeys(dir: string): NodeKeys {
  const path = join(dir, KEY_FILE);
  if (!existsSync(path)) throw new ConfigError(`the node key ${path} is missing`);
  try {
    return loadNodeKeys(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ConfigError(`the node key ${path} is unreadable: ${(err as Error).message}`);
  }
}

/** Opens a node folder: migrates the database, rebuilds stale projections, checks identity. */
export async function openNode(dir: string, options: OpenOptions = {}): Promise<NodeRuntime> {
  const config = readNodeConfig(dir);
  const keys = readKeys(dir);
  const model = options.model ?? nodeModel();
  const url = databaseUrlFor(dir, config, options.env);
  // ENLACE_PG_SCHEMA puts a node in its own PostgreSQL schema (several nodes, one database).
  const schema = options.schema ?? (options.env ?? process.env).ENLACE_PG_SCHEMA;
  const db = await openDatabase({ url, ...(schema ? { schema } : {}) });
  try {
    await migrate(db);
    const keyOf = createKeyCache(db, config.node, keys);
    const store = createEventStore({
      db,
      ...model,
      node: { id: config.node, keys },
      clock: createHlc(options.wallClock),
      keyOf,
      isMember: (sql, space, origin) => isSpaceMember(sql, space, origin),
      // A writer's country is its own config's, or the one its peer token declared when pinned.
      writerFacts: async (origin, sql) => ({
        country: origin === config.node ? config.country : (await lastPin(sql, origin))?.country,
      }),
      ...(options.wallClock ? { wallClock: options.wallClock } : {}),
    });
    await store.syncProjections();
    await checkIdentity(db, config, keys);
    const historicKeyOf = async (origin: string, sql: Sql) => {
      if (origin === config.node) return keys.publicKey;
      const pin = await lastPin(sql, origin);
      return pin ? importPublicKey(pin.public_key) : undefined;
    };
    return { dir, config, keys, db, store, model, keyOf, historicKeyOf, close: () => db.close() };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/**
 * Pinned keys by node id, read from the peers table and kept for a few seconds, so a peer
 * pinned or removed by the CLI while the server runs takes effect without a restart.
 */
function createKeyCache(db: Database, self: string, keys: NodeKeys) {
  const cache = new Map<string, { key: KeyObject | undefined; until: number }>();
  return async (origin: string, sql?: Sql): Promise<KeyObject | undefined> => {
    if (origin === self) return keys.publicKey;
    const hit = cache.get(origin);
    if (hit && hit.until > Date.now()) return hit.key;
    const row = sql ? await activePeer(sql, origin) : await db.connection((c) => activePeer(c, origin));
    const key = row ? importPublicKey(row.public_key) : undefined;
    // Only hits are kept: a peer pinned a moment ago must be known at once.
    if (key) cache.set(origin, { key, until: Date.now() + 5000 });
    return key;
  };
}

/** The first national event names the node and its key; a database of another node is refused. */
async function checkIdentity(db: Database, config: NodeConfig, keys: NodeKeys): Promise<void> {
  const genesis = await db.kysely
    .selectFrom("events")
    .select(["origin", "type", "data"])
    .where("space", "=", NATIONAL_SPACE)
    .where("seq", "=", 1)
    .executeTakeFirst();
  if (!genesis) return;
  const data = JSON.parse(genesis.data) as { publicKey?: string };
  if (genesis.origin !== config.node || genesis.type !== "node.created" || data.publicKey !== keys.publicKeyText) {
    throw new ConfigError(`the database belongs to node ${genesis.origin}, not to this folder's node ${config.node} and key`);
  }
}

export interface InitOptions {
  readonly dir: string;
  readonly node: string;
  readonly name: string;
  readonly country: string;
  readonly port?: number;
  readonly host?: string;
  readonly publicUrl?: string;
  readonly databaseUrl?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly schema?: string;
  /** Restore brings its own key and log instead of a new key and a genesis event. */
  readonly keyPem?: string;
  readonly genesis?: boolean;
}

/**
 * Creates a node folder: config, a new Ed25519 key (0600), the database, and the genesis
 * event. On any failure the folder is left as it was found.
 */
export async function initNode(options: InitOptions): Promise<NodeRuntime> {
  const parsed = nodeConfigSchema.safeParse({
    node: options.node,
    name: options.name,
    country: options.country,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`--${issue?.path.join(".") ?? "config"}: ${issue?.message}`);
  }
  const config = parsed.data;
  const { dir } = options;
  if (existsSync(join(dir, CONFIG_FILE))) throw new ConfigError(`${dir} is already a node folder`);
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  try {
    const keys = options.keyPem ? loadNodeKeys(options.keyPem) : generateNodeKeys();
    const keyPath = join(dir, KEY_FILE);
    writeFileSync(keyPath, options.keyPem ?? exportPrivateKeyPem(keys.privateKey), { mode: 0o600, flag: "wx" });
    chmodSync(keyPath, 0o600);
    written.push(keyPath);
    const configPath = join(dir, CONFIG_FILE);
    writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`, { flag: "wx" });
    written.push(configPath);
    const node = await openNode(dir, {
      ...(options.env ? { env: options.env } : {}),
      ...(options.schema ? { schema: options.schema } : {}),
    });
    if (options.genesis !== false) {
      await node.store.append([
        {
          space: NATIONAL_SPACE,
          type: "node.created",
          subject: config.node,
          actor: `system@${config.node}`,
          data: { node: config.node, name: config.name, country: config.country, publicKey: keys.publicKeyText },
        },
      ]);
    }
    return node;
  } catch (err) {
    if (created) rmSync(dir, { recursive: true, force: true });
    else {
      const dbFile = databaseUrlFor(dir, config, options.env);
      if (dbFile === join(dir, DB_FILE)) written.push(dbFile, `${dbFile}-wal`, `${dbFile}-shm`);
      for (const f of written) rmSync(f, { force: true });
    }
    throw err;
  }
}
