import { createHash } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { createCheckpointer } from "./checkpointer";
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from "./kysely";
import type { Tables } from "./tables";

/**
 * One handle over either engine. Kysely builds the queries that read projections; the hot
 * paths (append, apply, lookups inside loops) go through `Sql.all/run`, which on SQLite use
 * prepared statements cached by their text and on PostgreSQL a pre-numbered raw query, so
 * neither pays Kysely's per-call compilation.
 */
export type Dialect = "sqlite" | "postgres";

/**
 * A statement the hot paths run over and over. SQLite caches every statement it prepares;
 * on PostgreSQL this one is prepared once per connection under its name, so the server
 * parses and plans it once instead of on every call (most of the cost of a small write).
 * Only fixed texts of tables whose shape never changes at run time belong here.
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/** Names a hot statement after its text, so one text always gets the same name. */
export function statement(text: string): Statement {
  return { name: `enlace_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`, text };
}

/** A connection (or transaction) that can run raw SQL written with `?` placeholders. */
export interface Sql {
  readonly dialect: Dialect;
  readonly kysely: Kysely<Tables>;
  all<T>(text: string | Statement, params?: readonly unknown[]): Promise<T[]>;
  run(text: string | Statement, params?: readonly unknown[]): Promise<number>;
}

export interface Database {
  readonly dialect: Dialect;
  /** PostgreSQL schema the node's tables live in, when not the default. */
  readonly schema?: string;
  readonly kysely: Kysely<Tables>;
  /** One write transaction; on SQLite `BEGIN IMMEDIATE`, so writers from other processes queue. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** One connection for a sequence of reads (no transaction). */
  connection<T>(fn: (c: Sql) => Promise<T>): Promise<T>;
  /** A read-only snapshot: every read inside sees the same state. */
  snapshot<T>(fn: (c: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path. */
  readonly url: string;
  /** PostgreSQL: a schema to create and use (tests isolate themselves this way). */
  readonly schema?: string;
  readonly readonly?: boolean;
}

const textOf = (s: string | Statement) => (typeof s === "string" ? s : s.text);

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return isPostgresUrl(options.url) ? openPostgres(options) : openSqlite(options);
}

function openSqlite(options: DatabaseOptions): Database {
  const raw = new BetterSqlite3(options.url, { readonly: options.readonly ?? false });
  if (!options.readonly) raw.pragma("journal_mode = WAL");
  // A file written by this connection is checkpointed by a worker thread (checkpointer.ts).
  const checkpointer = !options.readonly && !raw.memory ? createCheckpointer(options.url) : undefined;
  if (checkpointer) raw.pragma("wal_autocheckpoint = 0");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("busy_timeout = 10000");
  raw.pragma("foreign_keys = ON");
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (text: string) => {
    let stmt = statements.get(text);
    if (!stmt) {
      stmt = raw.prepare(text);
      if (statements.size > 2000) statements.clear();
      statements.set(text, stmt);
    }
    return stmt;
  };
  // Kysely gets the same cache, so its queries reuse prepared statements too.
  const kysely = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: { close: () => raw.close(), prepare } }),
  });
  const bind = (k: Kysely<Tables>): Sql => ({
    dialect: "sqlite",
    kysely: k,
    // An array binds as the anonymous parameters, without spreading thousands of arguments.
    all: async <T>(text: string | Statement, params: readonly unknown[] = []) => prepare(textOf(text)).all(params as unknown[]) as T[],
    run: async (text: string | Statement, params: readonly unknown[] = []) => prepare(textOf(text)).run(params as unknown[]).changes,
  });
  // A statement may only run while this connection is held, so every raw call goes
  // through Kysely's connection lease (which serialises the single SQLite handle).
  const leased = <T>(begin: string | undefined, fn: (c: Sql) => Promise<T>) =>
    kysely.connection().execute(async (conn) => {
      if (!begin) return fn(bind(conn));
      raw.exec(begin);
      try {
        const result = await fn(bind(conn));
        raw.exec("COMMIT");
        if (begin !== "BEGIN DEFERRED") checkpointer?.committed();
        return result;
      } catch (err) {
        if (raw.inTransaction) raw.exec("ROLLBACK");
        throw err;
      }
    });
  return {
    dialect: "sqlite",
    kysely,
    transaction: (fn) => leased("BEGIN IMMEDIATE", fn),
    connection: (fn) => leased(undefined, fn),
    snapshot: (fn) => leased("BEGIN DEFERRED", fn),
    close: async () => {
      await checkpointer?.close();
      await kysely.destroy();
    },
  };
}

async function openPostgres(options: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    // int8 (counts, log positions) arrives as text by default; every value we keep fits a double.
    types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) },
    // Every query here is short and served from indexes or small aggregates: compiling one
    // with the JIT (PostgreSQL's default above a cost threshold) costs more than it saves.
    options: `-c jit=off${options.schema ? ` -c search_path=${options.schema}` : ""}`,
  });
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const numbered = new Map<string, string>();
  const toPg = (text: string) => {
    let out = numbered.get(text);
    if (out === undefined) {
      let n = 0;
      out = text.replace(/\?/g, () => `$${++n}`);
      numbered.set(text, out);
    }
    return out;
  };
  // node-postgres takes a query config ({ name, text }) wherever it takes the text, and Kysely
  // hands a compiled query's `sql` to it unchanged: that is how a Statement gets its name.
  const compile = (text: string | Statement, params: readonly unknown[]): CompiledQuery => {
    const query = CompiledQuery.raw(toPg(textOf(text)), [...params]);
    if (typeof text === "string") return query;
    return { ...query, sql: { name: text.name, text: query.sql } as unknown as string };
  };
  const bind = (k: Kysely<Tables>): Sql => ({
    dialect: "postgres",
    kysely: k,
    all: async <T>(text: string | Statement, params: readonly unknown[] = []) => (await k.executeQuery<T>(compile(text, params))).rows,
    run: async (text: string | Statement, params: readonly unknown[] = []) =>
      Number((await k.executeQuery(compile(text, params))).numAffectedRows ?? 0),
  });
  return {
    dialect: "postgres",
    ...(options.schema ? { schema: options.schema } : {}),
    kysely,
    transaction: (fn) => kysely.transaction().execute((trx) => fn(bind(trx))),
    connection: (fn) => kysely.connection().execute((conn) => fn(bind(conn))),
    snapshot: (fn) =>
      kysely
        .transaction()
        .setIsolationLevel("repeatable read")
        .execute(async (trx) => {
          await sql`SET TRANSACTION READ ONLY`.execute(trx);
          return fn(bind(trx));
        }),
    close: () => kysely.destroy(),
  };
}
