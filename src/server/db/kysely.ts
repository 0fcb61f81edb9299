import { createRequire } from "node:module";
import type * as K from "kysely";

/**
 * Kysely's values, loaded from its CommonJS build. Its ES module build is some 280 files, and
 * under tsx's module hooks each file is a round trip to the hooks' thread: 380 ms at every start
 * of a process (each CLI command, each node) against 130 ms this way. Every value import of
 * Kysely goes through here, so there is one copy of it; types may still come from "kysely".
 */
const kysely = createRequire(import.meta.url)("kysely") as typeof K;

export const { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } = kysely;
export type Kysely<DB> = K.Kysely<DB>;
export type CompiledQuery<O = unknown> = K.CompiledQuery<O>;
