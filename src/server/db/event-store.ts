import type { KeyObject } from "node:crypto";
import { checkChain, eventHash, signEvent } from "../../core/log/chain";
import type { NodeKeys } from "../../core/log/crypto";
import { type ChainHead, type Event, NATIONAL_SPACE, type NewEvent } from "../../core/log/envelope";
import type { HybridClock } from "../../core/log/hlc";
import { uuidv7 } from "../../core/log/ids";
import type { EventRegistry, EventRejection } from "../../core/log/registry";
import { heldIds, ownerOf, ownersOf, readHead, recordSubjects } from "./chain-index";
import type { Database, Sql } from "./database";
import { type Projection, type ProjectionSet, resetProjections, type StoredEvent } from "./projections";
import { type EventRow, eventRow, insertEventsSql, readLog, rowToStored } from "./rows";

/** A local command broke an event rule (schema, space, writer); nothing was written. */
export class EventRejectedError extends Error {
  constructor(
    readonly code: EventRejection["code"] | "unknown_space",
    message: string,
  ) {
    super(message);
  }
}

/** Why a received event was refused; the federation layer quarantines it. */
export interface ApplyRejection {
  readonly event: Event;
  readonly reason: string;
  readonly code: string;
}

export interface ApplyResult {
  readonly applied: StoredEvent[];
  /** Events already held (same hash): skipped, which makes apply idempotent. */
  readonly duplicates: number;
  readonly rejected?: ApplyRejection;
}

/** A write transaction as commands see it: read with `sql`, then `append`. */
export interface WriteTx {
  readonly sql: Sql;
  append(events: readonly NewEvent[]): Promise<StoredEvent[]>;
}

export interface EventStoreOptions {
  readonly db: Database;
  readonly registry: EventRegistry;
  readonly projections: ProjectionSet;
  readonly node: { readonly id: string; readonly keys: NodeKeys };
  readonly clock: HybridClock;
  /**
   * The pinned verifying key of an origin, or undefined when it is not known. It is called
   * inside the apply transaction and must read through `sql` (SQLite has one connection).
   */
  readonly keyOf: (origin: string, sql: Sql) => KeyObject | undefined | Promise<KeyObject | undefined>;
  /** Whether `origin` is a member of `space` (the national space is always ours alone). */
  readonly isMember?: (sql: Sql, space: string, origin: string) => Promise<boolean>;
  readonly wallClock?: () => number;
  /** Where a failing listener's error goes (it never fails the write that was committed). */
  readonly onListenerError?: (err: unknown) => void;
}

/** Events per multi-row INSERT (14 columns each: far below both engines' parameter limits). */
const INSERT_CHUNK = 200;
/** Received batches up to this size have every signature checked before they are applied. */
export const FULL_CHECK_MAX = 64;
/** The event type that founds a shared space. */
export const GENESIS_TYPE = "space.created";

/**
 * The write path of DESIGN.md: stamp → chain → sign → insert → project, in one transaction.
 * Local writes (`append`) and received events (`apply`) share the insert and the
 * projections, so both sides' data are projected identically.
 */
export function createEventStore(options: EventStoreOptions) {
  const { db, registry, projections, node, clock } = options;
  const wall = options.wallClock ?? Date.now;
  const creates = (e: Event) => registry.get(e.type, e.v)?.writer === "create";
  const listeners = new Set<(events: readonly StoredEvent[]) => void>();

  /**
   * Whether `origin` may write in `space`. A space's genesis (`space.created`, seq 1, whose
   * subject is the space) names its members, so it is admitted on its own word when it
   * names both its origin and this node; every later event needs a recorded membership.
   */
  async function isMember(sql: Sql, space: string, origin: string, first?: Pick<Event, "type" | "subject" | "data">): Promise<boolean> {
    if (space === NATIONAL_SPACE) return origin === node.id;
    if (first?.type === GENESIS_TYPE && first.subject === space) {
      const members = Array.isArray(first.data.members) ? (first.data.members as unknown[]) : [];
      return members.includes(origin) && members.includes(node.id);
    }
    return options.isMember ? options.isMember(sql, space, origin) : false;
  }

  /** Inserts signed events, moves chain heads, records new subjects, runs projections. */
  async function insert(sql: Sql, batch: readonly { event: Event; hash: string }[]): Promise<StoredEvent[]> {
    const storedAt = wall();
    const positions = new Map<string, number>();
    for (let i = 0; i < batch.length; i += INSERT_CHUNK) {
      const chunk = batch.slice(i, i + INSERT_CHUNK);
      const params = chunk.flatMap(({ event, hash }) => eventRow(event, hash, storedAt));
      const rows = await sql.all<{ pos: number; id: string }>(insertEventsSql(chunk.length), params);
      for (const r of rows) positions.set(r.id, Number(r.pos));
    }
    const tips = new Map<string, { space: string; origin: string; seq: number; hash: string; hlc: string }>();
    const stored: StoredEvent[] = [];
    await recordSubjects(sql, batch, creates);
    for (const { event, hash } of batch) {
      tips.set(`${event.space}\u0000${event.origin}`, { space: event.space, origin: event.origin, seq: event.seq, hash, hlc: event.hlc });
      stored.push({ ...event, pos: positions.get(event.id) ?? 0, hash });
    }
    for (const t of tips.values()) {
      await sql.run(
        "INSERT INTO heads (space, origin, seq, hash, hlc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (space, origin) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, hlc = excluded.hlc",
        [t.space, t.origin, t.seq, t.hash, t.hlc],
      );
    }
    for (const e of stored) {
      for (const p of projections.for(e.type)) await p.apply(sql, e);
    }
    return stored;
  }

  async function appendIn(sql: Sql, batch: readonly NewEvent[]): Promise<StoredEvent[]> {
    const heads = new Map<string, ChainHead>();
    const created = new Map<string, string>();
    const signed: { event: Event; hash: string }[] = [];
    for (const ne of batch) {
      const v = ne.v ?? 1;
      const rejection = registry.check({ type: ne.type, v, space: ne.space, data: ne.data });
      if (rejection) throw new EventRejectedError(rejection.code, rejection.message);
      let head = heads.get(ne.space);
      if (!head) {
        if (!(await isMember(sql, ne.space, node.id, ne))) {
          throw new EventRejectedError("unknown_space", `this node is not a member of space ${ne.space}`);
        }
        const h = await readHead(sql, ne.space, node.id);
        if (h.hlc) clock.advanceTo(h.hlc);
        head = h;
      }
      const key = `${ne.space}\u0000${ne.subject}`;
      const owner = created.get(key) ?? (await ownerOf(sql, ne.space, ne.subject));
      const writer = registry.checkWriter({ type: ne.type, v, origin: node.id }, owner);
      if (writer) throw new EventRejectedError(writer.code, writer.message);
      if (registry.get(ne.type, v)?.writer === "create") created.set(key, node.id);
      const sealed = signEvent(
        {
          id: uuidv7(wall()),
          space: ne.space,
          origin: node.id,
          seq: head.seq + 1,
          prev: head.hash,
          hlc: clock.now(),
          actor: ne.actor,
          type: ne.type,
          v,
          subject: ne.subject,
          data: ne.data,
        },
        node.keys.privateKey,
      );
      signed.push(sealed);
      heads.set(ne.space, { seq: sealed.event.seq, hash: sealed.hash });
    }
    return insert(sql, signed);
  }

  type Admitted = { ok: { event: Event; hash: string }[]; duplicates: number; rejected?: ApplyRejection };

  /**
   * A segment is one (space, origin) chain. Every check below (key, membership, head) is made
   * for the first event's chain, so an event of another space or origin ends the segment:
   * otherwise a member could sign, with its own key, events in our national chain.
   */
  async function admit(sql: Sql, events: readonly Event[]): Promise<Admitted> {
    const first = events[0];
    const stray = first ? events.findIndex((e) => e.space !== first.space || e.origin !== first.origin) : -1;
    if (!first || stray === -1) return admitChain(sql, events);
    const result = await admitChain(sql, events.slice(0, stray));
    if (result.rejected) return result;
    const e = events[stray] as Event;
    const reason = `event ${e.space}/${e.origin}/${e.seq} is not of the segment's chain ${first.space}/${first.origin}`;
    return { ...result, rejected: { event: e, code: "mixed_segment", reason } };
  }

  /** Checks one received chain segment and returns the prefix that may be applied. */
  async function admitChain(sql: Sql, events: readonly Event[]): Promise<Admitted> {
    const first = events[0];
    if (!first) return { ok: [], duplicates: 0 };
    const { space, origin } = first;
    const reject = (event: Event, code: string, reason: string) => ({ event, code, reason });
    const key = await options.keyOf(origin, sql);
    if (!key) return { ok: [], duplicates: 0, rejected: reject(first, "unknown_origin", `no pinned key for origin ${origin}`) };
    const genesis = first.seq === 1 ? first : undefined;
    if (space === NATIONAL_SPACE || !(await isMember(sql, space, origin, genesis))) {
      return { ok: [], duplicates: 0, rejected: reject(first, "not_member", `${origin} is not a member of space ${space}`) };
    }
    const head = await readHead(sql, space, origin);
    let duplicates = 0;
    let fresh = events;
    if (first.seq <= head.seq) {
      const held = new Map(
        (
          await sql.all<{ seq: number; hash: string }>(
            "SELECT seq, hash FROM events WHERE space = ? AND origin = ? AND seq >= ? AND seq <= ?",
            [space, origin, first.seq, head.seq],
          )
        ).map((r) => [Number(r.seq), r.hash]),
      );
      fresh = events.filter((e) => e.seq > head.seq);
      for (const e of events.slice(0, events.length - fresh.length)) {
        // Same hash, not merely same id: one id signed twice with different content is a fork.
        if (held.get(e.seq) !== eventHash(e))
          return { ok: [], duplicates, rejected: reject(e, "fork", `a different event ${space}/${origin}/${e.seq} is already held`) };
        duplicates++;
      }
    }
    // Live traffic arrives in small batches: every signature is checked. A catch-up page is
    // authenticated by its last signature over the recomputed links (see chain.ts); the
    // replicator re-checks the others in the background.
    let check = checkChain(fresh, head, key, fresh.length <= FULL_CHECK_MAX ? "all" : "last");
    // A failed batch check does not say which event is bad; checking every one does.
    if (!check.ok) check = checkChain(fresh, head, key, "all");
    const limit = check.fault ? check.fault.index : fresh.length;
    const admissible = fresh.slice(0, limit);
    const taken = await heldIds(sql, admissible);
    const subjects = admissible.map((e) => e.subject);
    const owners = await ownersOf(sql, space, subjects);
    const ok: { event: Event; hash: string }[] = [];
    const created = new Map<string, string>();
    for (let i = 0; i < limit; i++) {
      const e = fresh[i] as Event;
      const bad = registry.check(e);
      if (bad) return { ok, duplicates, rejected: reject(e, bad.code, bad.message) };
      if (taken.has(e.id))
        return { ok, duplicates, rejected: reject(e, "duplicate_id", `event id ${e.id} is already used by another event`) };
      const subjectKey = `${e.space}\u0000${e.subject}`;
      const owner = created.get(subjectKey) ?? owners.get(e.subject);
      const wrong = registry.checkWriter(e, owner);
      if (wrong) return { ok, duplicates, rejected: reject(e, wrong.code, wrong.message) };
      try {
        clock.observe(e.hlc);
      } catch (err) {
        return { ok, duplicates, rejected: reject(e, "clock_drift", (err as Error).message) };
      }
      if (registry.get(e.type, e.v)?.writer === "create") created.set(subjectKey, e.origin);
      // Links up to `limit` were verified, so each event's hash is its successor's `prev`.
      ok.push({ event: e, hash: i === limit - 1 ? check.head.hash : (fresh[i + 1] as Event).prev });
    }
    if (check.fault) {
      const e = fresh[check.fault.index] as Event;
      return {
        ok,
        duplicates,
        rejected: reject(e, check.fault.reason, `event ${e.space}/${e.origin}/${e.seq}: ${check.fault.reason.replace("_", " ")}`),
      };
    }
    return { ok, duplicates };
  }

  /** Listeners run after the commit; one that throws must not make a stored write look failed. */
  function notify(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    for (const l of listeners) {
      try {
        l(events);
      } catch (err) {
        (options.onListenerError ?? ((e: unknown) => console.error("enlace: a log listener failed", e)))(err);
      }
    }
  }

  return {
    db,
    registry,
    nodeId: node.id,

    /** Runs `fn` in one write transaction; events it appends commit or vanish with it. */
    async write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
      const appended: StoredEvent[] = [];
      const result = await db.transaction((sql) =>
        fn({
          sql,
          append: async (events) => {
            const stored = await appendIn(sql, events);
            appended.push(...stored);
            return stored;
          },
        }),
      );
      notify(appended);
      return result;
    },

    /** Appends events in one transaction. */
    async append(events: readonly NewEvent[]): Promise<StoredEvent[]> {
      const stored = await db.transaction((sql) => appendIn(sql, events));
      notify(stored);
      return stored;
    },

    /**
     * Applies events received from a peer, one (space, origin) chain segment in ascending
     * seq. Held events are skipped; the first bad event stops the segment and is returned,
     * with everything before it applied and committed. `onApplied` runs in the same
     * transaction (the replicator commits its cursor there).
     */
    async apply(events: readonly Event[], onApplied?: (sql: Sql, applied: readonly StoredEvent[]) => Promise<void>): Promise<ApplyResult> {
      const result = await db.transaction(async (sql) => {
        const admitted = await admit(sql, events);
        const applied = await insert(sql, admitted.ok);
        if (onApplied) await onApplied(sql, applied);
        return { applied, duplicates: admitted.duplicates, ...(admitted.rejected ? { rejected: admitted.rejected } : {}) };
      });
      notify(result.applied);
      return result;
    },

    /** The tip of every chain of a space, by origin. */
    async heads(space: string): Promise<Record<string, ChainHead>> {
      const rows = await db.kysely.selectFrom("heads").select(["origin", "seq", "hash"]).where("space", "=", space).execute();
      return Object.fromEntries(rows.map((r) => [r.origin, { seq: Number(r.seq), hash: r.hash }]));
    },

    /** Drops and replays the given projections (all by default) in one transaction. */
    async rebuild(which: readonly Projection[] = projections.all): Promise<number> {
      if (which.length === 0) return 0;
      return db.transaction(async (sql) => {
        await resetProjections(sql, which);
        const wanted = new Set(which);
        let count = 0;
        let after = 0;
        for (;;) {
          const rows: EventRow[] = await readLog(sql, after, 2000);
          if (rows.length === 0) break;
          for (const row of rows) {
            const e = rowToStored(row);
            for (const p of projections.for(e.type)) if (wanted.has(p)) await p.apply(sql, e);
            after = e.pos;
            count++;
          }
        }
        return count;
      });
    },

    /** Rebuilds the projections whose stored version differs from the code's (at start). */
    async syncProjections(): Promise<string[]> {
      const rows = await db.kysely.selectFrom("projection_state").selectAll().execute();
      const known = new Map(rows.map((r) => [r.name, Number(r.version)]));
      const stale = projections.all.filter((p) => known.get(p.name) !== p.version);
      await this.rebuild(stale);
      return stale.map((p) => p.name);
    },

    /** Called after each commit with the events it stored (SSE, long-poll, metrics). */
    subscribe(listener: (events: readonly StoredEvent[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;
