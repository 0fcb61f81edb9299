import type { KeyObject } from "node:crypto";
import { checkChain, eventHash, signEvent } from "../../core/log/chain";
import type { NodeKeys } from "../../core/log/crypto";
import { type ChainHead, type Event, NATIONAL_SPACE, type NewEvent } from "../../core/log/envelope";
import type { HybridClock } from "../../core/log/hlc";
import { uuidv7 } from "../../core/log/ids";
import type { EventRegistry, EventRejection, WriterFacts } from "../../core/log/registry";
import { addresseesFor } from "./addressees";
import { heldIds, ownerOf, ownersOf, readHead } from "./chain-index";
import type { Database, Sql } from "./database";
import { createGroupCommit } from "./group-commit";
import { insertEvents } from "./insert";
import { createProjectionSet, type Projection, type ProjectionSet, projectEvents, resetProjections, type StoredEvent } from "./projections";
import { type EventRow, readLog, rowToStored } from "./rows";

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
  /** What event rules need to know about a writer (its country); read through `sql`. */
  readonly writerFacts?: (origin: string, sql: Sql) => Promise<WriterFacts>;
  readonly wallClock?: () => number;
  /** Where a failing listener's error goes (it never fails the write that was committed). */
  readonly onListenerError?: (err: unknown) => void;
}

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
  const group = createGroupCommit(db);
  const hasRule = (type: string, v: number) => registry.get(type, v)?.rule !== undefined;
  const factsOf = (origin: string, sql: Sql): Promise<WriterFacts> =>
    options.writerFacts ? options.writerFacts(origin, sql) : Promise.resolve({ country: undefined });

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
  function insert(sql: Sql, batch: readonly { event: Event; hash: string }[]): Promise<StoredEvent[]> {
    return insertEvents(sql, batch, { storedAt: wall(), creates, projections });
  }

  /**
   * Stamps, checks, signs and inserts local events. `memo` is the group transaction's (see
   * group-commit.ts): a chain head noted there was read under the chain's lock by an earlier
   * write of the same transaction, which still holds the lock, so it is still the head.
   */
  async function appendIn(sql: Sql, batch: readonly NewEvent[], memo?: Map<string, unknown>): Promise<StoredEvent[]> {
    const heads = new Map<string, ChainHead>();
    // A batch's subjects are read in one query per space (subjects are recorded only at the
    // insert below, so reading them first sees what reading each in turn would).
    const owners = new Map<string, Promise<Map<string, string>>>();
    const ownerIn = async (space: string, subject: string) => {
      if (batch.length === 1) return ownerOf(sql, space, subject);
      let known = owners.get(space);
      if (!known) {
        known = ownersOf(
          sql,
          space,
          batch.filter((e) => e.space === space).map((e) => e.subject),
        );
        owners.set(space, known);
      }
      return (await known).get(subject);
    };
    const created = new Map<string, string>();
    const signed: { event: Event; hash: string }[] = [];
    let facts: WriterFacts | undefined;
    for (const ne of batch) {
      const v = ne.v ?? 1;
      const rejection = registry.check({ type: ne.type, v, space: ne.space, data: ne.data });
      if (rejection) throw new EventRejectedError(rejection.code, rejection.message);
      if (hasRule(ne.type, v)) {
        facts ??= await factsOf(node.id, sql);
        const broken = registry.checkRule({ type: ne.type, v, origin: node.id, space: ne.space, data: ne.data }, facts);
        if (broken) throw new EventRejectedError(broken.code, broken.message);
      }
      let head = heads.get(ne.space);
      if (!head) {
        // Membership only grows (a space is created or joined, never left), so a yes noted by
        // an earlier write of this transaction still holds.
        const memberKey = `member\u0000${ne.space}`;
        if (!memo?.has(memberKey)) {
          if (!(await isMember(sql, ne.space, node.id, ne))) {
            throw new EventRejectedError("unknown_space", `this node is not a member of space ${ne.space}`);
          }
          memo?.set(memberKey, true);
        }
        head = memo?.get(`head\u0000${ne.space}`) as ChainHead | undefined;
        if (!head) {
          const h = await readHead(sql, ne.space, node.id);
          if (h.hlc) clock.advanceTo(h.hlc);
          head = h;
        }
      }
      const key = `${ne.space}\u0000${ne.subject}`;
      const owner = created.get(key) ?? (await ownerIn(ne.space, ne.subject));
      const writer = registry.checkWriter({ type: ne.type, v, origin: node.id }, owner, await addresseesFor(sql, registry, ne, batch));
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
    const stored = await insert(sql, signed);
    for (const [space, head] of heads) memo?.set(`head\u0000${space}`, head);
    return stored;
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
    let facts: WriterFacts | undefined;
    for (let i = 0; i < limit; i++) {
      const e = fresh[i] as Event;
      const bad = registry.check(e);
      if (bad) return { ok, duplicates, rejected: reject(e, bad.code, bad.message) };
      if (hasRule(e.type, e.v)) {
        facts ??= await factsOf(origin, sql);
        const broken = registry.checkRule(e, facts);
        if (broken) return { ok, duplicates, rejected: reject(e, broken.code, broken.message) };
      }
      if (taken.has(e.id))
        return { ok, duplicates, rejected: reject(e, "duplicate_id", `event id ${e.id} is already used by another event`) };
      const subjectKey = `${e.space}\u0000${e.subject}`;
      const owner = created.get(subjectKey) ?? owners.get(e.subject);
      const wrong = registry.checkWriter(e, owner, await addresseesFor(sql, registry, e, fresh, i));
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

    /**
     * Runs `fn` in one write transaction; events it appends commit or vanish with it. Its
     * promise settles after the COMMIT.
     */
    async write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
      // Concurrent writes share one transaction (group-commit.ts), each in its own savepoint.
      const { result } = await group.run(
        async (sql, memo) => {
          const appended: StoredEvent[] = [];
          const append = async (events: readonly NewEvent[]) => {
            const stored = await appendIn(sql, events, memo);
            appended.push(...stored);
            return stored;
          };
          return { result: await fn({ sql, append }), appended };
        },
        (done) => notify(done.appended),
      );
      return result;
    },

    /** Appends events in one transaction (shared with concurrent writes, see `write`). */
    append(events: readonly NewEvent[]): Promise<StoredEvent[]> {
      return group.run((sql, memo) => appendIn(sql, events, memo), notify);
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
        const replayed = createProjectionSet(projections.all.filter((p) => wanted.has(p)));
        for (;;) {
          const rows: EventRow[] = await readLog(sql, after, 2000);
          if (rows.length === 0) break;
          const events = rows.map(rowToStored);
          await projectEvents(sql, replayed, events);
          after = (events.at(-1) as StoredEvent).pos;
          count += events.length;
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
