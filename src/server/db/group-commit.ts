import type { Database, Sql } from "./database";

/**
 * Group commit: write transactions that arrive while one is in progress run together in the
 * next one, each inside its own savepoint, so a whole group costs one BEGIN, one COMMIT and
 * (on PostgreSQL) one fsync instead of one each. Every caller still gets its own result or
 * its own error: a body that throws is rolled back to its savepoint and only that caller
 * sees the error; the others commit. A caller's promise settles only after the COMMIT, so
 * a resolved write is durable. If the transaction itself fails (the COMMIT, or an error that
 * undoes the whole transaction), nothing of the group was committed and every caller gets
 * that error.
 *
 * Bodies run one after another in arrival order, so each sees the writes of the ones before
 * it, exactly as if they had been separate transactions in that order. A body must not wait
 * for another write (it would wait for its own group): use the transaction it is given.
 *
 * Bodies also share a `memo` for the transaction: what one body learnt and still holds (the
 * event store keeps each chain's head there, read once under its lock) saves the next ones a
 * query. It is emptied whenever a body is rolled back, since what it noted may be undone.
 */
export interface GroupCommit {
  /**
   * Runs `body` in a shared write transaction. `committed`, if given, is called with the
   * body's result right after the COMMIT, in the group's order, before any caller resumes
   * (the event store notifies its listeners there, so they see commits in log order).
   */
  run<T>(body: (sql: Sql, memo: Map<string, unknown>) => Promise<T>, committed?: (value: T) => void): Promise<T>;
}

interface Job {
  readonly body: (sql: Sql, memo: Map<string, unknown>) => Promise<unknown>;
  readonly committed?: (value: unknown) => void;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** At most this many bodies share a transaction, which bounds its length. */
const MAX_GROUP = 256;
const SAVEPOINT = "enlace_group";

export function createGroupCommit(db: Database): GroupCommit {
  const queue: Job[] = [];
  let draining = false;

  async function runGroup(group: readonly Job[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction(async (sql) => {
        const memo = new Map<string, unknown>();
        // Alone in its group, a body needs no savepoint: its error rolls the transaction back.
        if (group.length === 1) return [{ ok: true, value: await (group[0] as Job).body(sql, memo) }];
        // On PostgreSQL every statement is a round trip: releasing one savepoint and opening
        // the next go together (SQLite prepares one statement at a time, and they cost nothing).
        const pg = sql.dialect === "postgres";
        const out: Outcome[] = [];
        let open = false;
        for (const job of group) {
          if (open && pg) await sql.run(`RELEASE SAVEPOINT ${SAVEPOINT}; SAVEPOINT ${SAVEPOINT}`);
          else {
            if (open) await sql.run(`RELEASE SAVEPOINT ${SAVEPOINT}`);
            await sql.run(`SAVEPOINT ${SAVEPOINT}`);
          }
          open = true;
          try {
            out.push({ ok: true, value: await job.body(sql, memo) });
          } catch (error) {
            // If this fails too, the transaction is gone and the whole group fails below.
            await sql.run(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
            memo.clear();
            out.push({ ok: false, error });
          }
        }
        // The last savepoint ends with the transaction.
        return out;
      });
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    }
    group.forEach((job, i) => {
      const o = outcomes[i] as Outcome;
      if (!o.ok) return;
      try {
        job.committed?.(o.value);
      } catch {
        // The write is committed; a failing notification must not make it look failed.
      }
    });
    group.forEach((job, i) => {
      const o = outcomes[i] as Outcome;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await runGroup(queue.splice(0, MAX_GROUP));
    } finally {
      draining = false;
    }
  }

  return {
    run<T>(body: (sql: Sql, memo: Map<string, unknown>) => Promise<T>, committed?: (value: T) => void): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          body,
          ...(committed ? { committed: committed as (value: unknown) => void } : {}),
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        if (draining) return;
        draining = true;
        // Start on the next turn of the event loop, so writes that requests arriving together
        // make (all handled in the same poll phase) form one group even when the database
        // answers without real I/O, as SQLite does.
        setImmediate(() => void drain());
      });
    },
  };
}
