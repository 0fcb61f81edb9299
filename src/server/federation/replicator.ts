import { importPublicKey } from "../../core/log/crypto";
import { type Event, readEnvelope } from "../../core/log/envelope";
import { createExpressLane } from "../channel/express-lane";
import type { Sql } from "../db/database";
import { type ApplyResult, FULL_CHECK_MAX } from "../db/event-store";
import type { StoredEvent } from "../db/projections";
import type { NodeRuntime } from "../node";
import { createBackgroundCheck } from "./background-check";
import { createPeerClient, type PeerClient } from "./client";
import { checkpoint, quarantine } from "./commands";
import { listPeers, type PeerRow, sharedSpaces, streamHalted } from "./queries";

/**
 * Pull replication (DESIGN.md, "Federation"). For every pinned peer, every space shared
 * with it and every other member of that space, one loop pulls that origin's chain from
 * that peer: catch-up in pages (the next page is fetched while the current one is applied),
 * then a long-poll so new events arrive within milliseconds. A peer may relay a member it
 * does not own; events are signed by their origin, and applying is idempotent, so the same
 * chain arriving from two peers is harmless. Errors back off with jitter; a refused event
 * is quarantined and halts that stream until an operator acts.
 */
export interface ReplicatorOptions {
  readonly pageSize?: number;
  /** Events applied per transaction within a page (the loop is yielded between slices). */
  readonly applySlice?: number;
  readonly waitMs?: number;
  /** How often receipts are signed while events flow. */
  readonly receiptMs?: number;
  /** How often peers, spaces and heads are re-read. */
  readonly refreshMs?: number;
  readonly onProgress?: (p: { peer: string; space: string; origin: string; applied: number; head: number; remote?: number }) => void;
  readonly log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export interface PeerState {
  lastContact: number | null;
  lastError: string | null;
  remoteHeads: Record<string, Record<string, number>>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A page of the wire format: the events up to the first line that is not an envelope. */
export interface Page {
  readonly events: Event[];
  readonly malformed?: { readonly line: string; readonly error: string };
}

export function parseEventLines(body: Buffer): Page {
  const events: Event[] = [];
  for (const line of body.toString("utf8").split("\n")) {
    if (line.length === 0) continue;
    let read: ReturnType<typeof readEnvelope>;
    try {
      read = readEnvelope(JSON.parse(line));
    } catch (err) {
      return { events, malformed: { line, error: (err as Error).message } };
    }
    if ("error" in read) return { events, malformed: { line, error: read.error } };
    events.push(read.event);
  }
  return { events };
}

export function createReplicator(node: NodeRuntime, options: ReplicatorOptions = {}) {
  const pageSize = options.pageSize ?? 5000;
  const applySlice = Math.max(FULL_CHECK_MAX + 1, options.applySlice ?? 1000);
  const waitMs = options.waitMs ?? 25_000;
  const self = node.config.node;
  const controller = new AbortController();
  const loops = new Map<string, Promise<void>>();
  const peers = new Map<string, { row: PeerRow; client: PeerClient; state: PeerState }>();
  const dirtySpaces = new Set<string>();
  const timers: NodeJS.Timeout[] = [];
  // Urgent channel traffic on its own long-poll, never queued behind a chain's catch-up.
  const express = createExpressLane(node, { ...(options.log ? { log: options.log } : {}) });
  // When a stream last applied a full page: the background check yields while catch-up runs.
  let lastFullPage = 0;
  const catchingUp = () => Date.now() - lastFullPage < 1000;
  const background = createBackgroundCheck(node, async (range, seq) => {
    const reason = `the signature of event ${range.space}/${range.origin}/${seq}, applied on the strength of a later one, does not verify`;
    const id = await quarantine(node.store, self, range.peer, {
      space: range.space,
      origin: range.origin,
      seq,
      code: "bad_signature",
      reason,
      event: { seq },
    });
    options.log?.warn(
      { peer: range.peer, space: range.space, origin: range.origin, seq, quarantine: id },
      "background signature check failed",
    );
  });
  background.yieldWhile(catchingUp);

  function clientFor(row: PeerRow) {
    const known = peers.get(row.node);
    if (known && known.row.public_key === row.public_key && known.row.url === row.url) return known;
    known?.client.close();
    const entry = {
      row,
      client: createPeerClient({ id: self, keys: node.keys }, { node: row.node, url: row.url, publicKey: importPublicKey(row.public_key) }),
      state: known?.state ?? { lastContact: null, lastError: null, remoteHeads: {} },
    };
    peers.set(row.node, entry);
    return entry;
  }

  async function localHead(space: string, origin: string): Promise<number> {
    return (await node.store.heads(space))[origin]?.seq ?? 0;
  }

  async function fetchPage(
    peer: string,
    space: string,
    origin: string,
    after: number,
    wait: number,
    signal: AbortSignal,
  ): Promise<Page | undefined> {
    const entry = peers.get(peer);
    if (!entry) return undefined;
    const path = `/federation/v1/spaces/${space}/events?origin=${origin}&after=${after}&limit=${pageSize}&wait=${wait}`;
    const res = await entry.client.request("GET", path, { signal, timeoutMs: wait + 30_000 });
    entry.state.lastContact = Date.now();
    entry.state.lastError = null;
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new Error(`${peer} answered ${res.status}`);
    return parseEventLines(res.body);
  }

  const saveCursor = (peer: string) => async (sql: Sql, applied: readonly StoredEvent[]) => {
    const last = applied.at(-1);
    if (!last) return;
    await sql.run(
      "INSERT INTO cursors (peer, space, origin, seq, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (peer, space, origin) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at",
      [peer, last.space, last.origin, last.seq, Date.now()],
    );
  };

  /**
   * Applies a page in slices, each its own transaction with its cursor, yielding to the
   * event loop between them: a long catch-up never holds the database or the loop for more
   * than one slice, so the express lane, the API and the streams stay responsive.
   */
  async function applySlices(peer: string, events: readonly Event[]): Promise<ApplyResult> {
    const applied: StoredEvent[] = [];
    let duplicates = 0;
    for (let i = 0; i < events.length; i += applySlice) {
      if (i > 0) await nextTurn();
      const result = await node.store.apply(events.slice(i, i + applySlice), saveCursor(peer));
      applied.push(...result.applied);
      duplicates += result.duplicates;
      if (result.rejected) return { applied, duplicates, rejected: result.rejected };
    }
    return { applied, duplicates };
  }

  /** One (peer, space, origin) stream, until stopped. */
  async function pull(peer: string, space: string, origin: string): Promise<void> {
    let failures = 0;
    const signal = controller.signal;
    while (!signal.aborted && peers.has(peer)) {
      try {
        if (await node.db.connection((sql) => streamHalted(sql, peer, space, origin))) {
          await sleep(2000, signal);
          continue;
        }
        let after = await localHead(space, origin);
        // The prefetched request is abandoned (not awaited) when a page is refused.
        let pending = new AbortController();
        const stream = () => AbortSignal.any([signal, pending.signal]);
        let page = fetchPage(peer, space, origin, after, 0, stream());
        for (;;) {
          const fetched = await page;
          if (fetched === undefined) {
            // The peer does not (yet) share the space with us, e.g. it has not joined.
            await sleep(options.refreshMs ?? 5000, signal);
            break;
          }
          const { events, malformed } = fetched;
          const full = events.length === pageSize && !malformed;
          if (full) lastFullPage = Date.now();
          const last = events.at(-1);
          // Prefetch the next page while this one is verified and applied. At the live tail the
          // next long-poll leaves on the next turn of the event loop instead, so signing and
          // sending it never delays applying, and showing, what just arrived: on SQLite that
          // turn comes once the page is applied, on PostgreSQL while it waits for the database.
          pending = new AbortController();
          const next = stream();
          page =
            full && last
              ? fetchPage(peer, space, origin, last.seq, 0, next)
              : nextTurn().then(() => fetchPage(peer, space, origin, last?.seq ?? after, waitMs, next));
          page.catch(() => {});
          if (events.length === 0 && !malformed) continue;
          const result = await applySlices(peer, events);
          const first = result.applied[0];
          const lastApplied = result.applied.at(-1);
          if (events.length > FULL_CHECK_MAX && first && lastApplied) {
            background.add({ peer, space, origin, from: first.seq, to: lastApplied.seq });
          }
          failures = 0;
          if (result.applied.some((e) => e.type !== "receipt.checkpoint")) dirtySpaces.add(space);
          after = result.applied.at(-1)?.seq ?? after;
          options.onProgress?.({ peer, space, origin, applied: result.applied.length, head: after });
          if (result.rejected?.code === "no_subject") {
            // In a space of three or more, a remark can arrive before the subject it is
            // about, which comes on another member's stream: not a fault, just early.
            pending.abort();
            await sleep(1000, signal);
            break;
          }
          const refused = result.rejected
            ? { ...result.rejected, space, origin, seq: result.rejected.event.seq }
            : malformed && { space, origin, seq: after + 1, code: "malformed", reason: malformed.error, event: malformed.line };
          if (refused) {
            const id = await quarantine(node.store, self, peer, refused);
            options.log?.warn({ peer, space, origin, seq: refused.seq, code: refused.code, quarantine: id }, "event quarantined");
            pending.abort();
            break;
          }
          if (signal.aborted) break;
        }
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const entry = peers.get(peer);
        if (entry) entry.state.lastError = (err as Error).message;
        const backoff = Math.min(30_000, 250 * 2 ** Math.min(failures, 7));
        await sleep(backoff / 2 + Math.random() * (backoff / 2), signal);
      }
    }
  }

  /** Starts the loops that should run and forgets peers that were removed. */
  async function refresh(): Promise<void> {
    const rows = await node.db.connection((sql) => listPeers(sql));
    const active = new Set(rows.map((r) => r.node));
    for (const node of [...peers.keys()]) {
      if (active.has(node)) continue;
      peers.get(node)?.client.close();
      peers.delete(node);
      void express.forget(node);
    }
    for (const row of rows) {
      const entry = clientFor(row);
      express.ensure(row.node, entry.client);
      const spaces = await node.db.connection((sql) => sharedSpaces(sql, self, row.node));
      for (const { space, members } of spaces) {
        try {
          const res = await entry.client.json<{ heads: Record<string, { seq: number }> }>("GET", `/federation/v1/spaces/${space}/heads`, {
            timeoutMs: 5000,
          });
          entry.state.remoteHeads[space] = Object.fromEntries(Object.entries(res.heads).map(([o, h]) => [o, h.seq]));
          entry.state.lastContact = Date.now();
          entry.state.lastError = null;
        } catch (err) {
          entry.state.lastError = (err as Error).message;
        }
        for (const origin of members) {
          if (origin === self) continue;
          const key = `${row.node}\u0000${space}\u0000${origin}`;
          if (!loops.has(key))
            loops.set(
              key,
              pull(row.node, space, origin).finally(() => loops.delete(key)),
            );
        }
      }
    }
    await persistStatus();
  }

  async function persistStatus(): Promise<void> {
    const now = Date.now();
    for (const [peer, { state }] of peers) {
      await node.db.kysely
        .insertInto("peer_status")
        .values({
          peer,
          last_contact: state.lastContact,
          last_error: state.lastError,
          remote_heads: JSON.stringify(state.remoteHeads),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column("peer").doUpdateSet({
            last_contact: state.lastContact,
            last_error: state.lastError,
            remote_heads: JSON.stringify(state.remoteHeads),
            updated_at: now,
          }),
        )
        .execute();
    }
  }

  async function signReceipts(): Promise<void> {
    for (const space of [...dirtySpaces]) {
      dirtySpaces.delete(space);
      await checkpoint(node.store, self, space);
    }
  }

  const guard = (fn: () => Promise<void>) => () => {
    fn().catch((err: Error) => options.log?.warn({ err: err.message }, "replicator housekeeping failed"));
  };

  return {
    async start(): Promise<void> {
      await refresh();
      timers.push(setInterval(guard(refresh), options.refreshMs ?? 5000));
      timers.push(setInterval(guard(signReceipts), options.receiptMs ?? 5000));
    },
    /** Re-reads peers and spaces now (after a peering or a join). */
    refresh,
    async stop(): Promise<void> {
      for (const t of timers) clearInterval(t);
      controller.abort();
      await Promise.allSettled([...loops.values()]);
      await background.stop();
      await express.stop();
      for (const { client } of peers.values()) client.close();
    },
    /** Resolves once every page applied so far has had all its signatures re-checked. */
    verified: () => background.idle(),
    /** The express lane: urgent messages received ahead of their chains. */
    express,
    /** In-memory state per peer: last contact, last error, the heads it last reported. */
    state(): Map<string, PeerState> {
      return new Map([...peers].map(([k, v]) => [k, v.state]));
    },
  };
}

export type Replicator = ReturnType<typeof createReplicator>;
