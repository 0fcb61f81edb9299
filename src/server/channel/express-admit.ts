import type { KeyObject } from "node:crypto";
import type { ConversationState } from "../../core/channel/decide";
import { isUrgent, nodeOfMember, type Tlp } from "../../core/channel/schema";
import { eventHash, verifyEventSignature } from "../../core/log/chain";
import { importPublicKey } from "../../core/log/crypto";
import { type Event, NATIONAL_SPACE } from "../../core/log/envelope";
import type { Sql } from "../db/database";
import { listPeers } from "../federation/queries";
import type { NodeRuntime } from "../node";
import type { ProvisionalStore } from "./provisional";
import { conversationState } from "./queries";

/**
 * The receiving side's checks on an express page, before anything is shown. A message is
 * shown (kept provisional) only when: its origin's pinned key verifies its signature; it
 * passes its type's schema and space rule; it is urgent; its origin is a member of its
 * space, which this node has joined; and its conversation — given by the page as events its
 * owner signed, or held here — has the author among its members and this node among the
 * addressees. The signature covers `prev` and `seq`, so it is the very event the chain will
 * deliver later. Keys and memberships come from a snapshot refreshed every few seconds, so
 * showing a message never waits for the database, which a catch-up keeps busy; whether the
 * chain already holds the message is checked right after, and settles it if so.
 */
export interface ExpressFacts {
  readonly keys: ReadonlyMap<string, KeyObject>;
  /** Per space, its member nodes (`joined` those that joined). */
  readonly members: ReadonlyMap<string, { readonly all: ReadonlySet<string>; readonly joined: ReadonlySet<string> }>;
}

export async function readFacts(node: NodeRuntime, sql: Sql): Promise<ExpressFacts> {
  const keys = new Map<string, KeyObject>([[node.config.node, node.keys.publicKey]]);
  for (const p of await listPeers(sql)) keys.set(p.node, importPublicKey(p.public_key));
  const rows = await sql.all<{ space: string; node: string; joined_at: string | null }>("SELECT space, node, joined_at FROM space_members");
  const members = new Map<string, { all: Set<string>; joined: Set<string> }>();
  for (const r of rows) {
    const m = members.get(r.space) ?? { all: new Set<string>(), joined: new Set<string>() };
    m.all.add(r.node);
    if (r.joined_at !== null) m.joined.add(r.node);
    members.set(r.space, m);
  }
  return { keys, members };
}

/** Checks one signed event of the page as the event store would, short of its chain. */
function checked(node: NodeRuntime, facts: ExpressFacts, e: Event): string | undefined {
  const key = facts.keys.get(e.origin);
  if (!key) return `no pinned key for ${e.origin}`;
  if (!verifyEventSignature(e, key)) return "bad signature";
  const bad = node.model.registry.check(e);
  if (bad) return bad.message;
  if (e.space === NATIONAL_SPACE || !facts.members.get(e.space)?.all.has(e.origin)) return `${e.origin} is not a member of ${e.space}`;
  return undefined;
}

/** A conversation from the page's own events: created, then changed only by its creator's node, in chain order. */
function pageConversation(
  node: NodeRuntime,
  facts: ExpressFacts,
  id: string,
  page: readonly Event[],
): ConversationState | string | undefined {
  const created = page.find((e) => e.type === "conversation.created" && e.subject === id);
  if (!created) return undefined;
  const why = checked(node, facts, created);
  if (why) return `conversation: ${why}`;
  const d = created.data as { title: string; kind: "direct" | "group"; members: string[]; tlp: Tlp; createdBy: string };
  let c: ConversationState = {
    id,
    space: created.space,
    ownerNode: created.origin,
    kind: d.kind,
    title: d.title,
    tlp: d.tlp,
    members: d.members,
    createdBy: d.createdBy,
  };
  const updates = page
    .filter((e) => e.type === "conversation.updated" && e.subject === id && e.space === created.space)
    .sort((a, b) => a.seq - b.seq);
  for (const u of updates) {
    if (u.origin !== created.origin) return "conversation changed by another node than its owner";
    const bad = checked(node, facts, u);
    if (bad) return `conversation: ${bad}`;
    const p = u.data as { title?: string; members?: string[]; tlp?: Tlp };
    c = { ...c, ...(p.title ? { title: p.title } : {}), ...(p.members ? { members: p.members } : {}), ...(p.tlp ? { tlp: p.tlp } : {}) };
  }
  return c;
}

export type Verdict = { ok: true; conversation: ConversationState } | { ok: false; reason: string };

export function judge(node: NodeRuntime, facts: ExpressFacts, m: Event, conversation: ConversationState | string | undefined): Verdict {
  const self = node.config.node;
  const refuse = (reason: string): Verdict => ({ ok: false, reason });
  const why = checked(node, facts, m);
  if (why) return refuse(why);
  const data = m.data as { conversation: string; precedence: string; to: string[] };
  if (!isUrgent(data.precedence)) return refuse("not urgent");
  if (!facts.members.get(m.space)?.joined.has(self)) return refuse(`this node has not joined ${m.space}`);
  if (conversation === undefined) return refuse("its conversation is neither held nor given");
  if (typeof conversation === "string") return refuse(conversation);
  if (conversation.id !== data.conversation || conversation.space !== m.space) return refuse("its conversation lives in another space");
  if (nodeOfMember(m.actor) !== m.origin || !conversation.members.includes(m.actor))
    return refuse("its author is not a member of its conversation");
  if (!data.to.some((member) => nodeOfMember(member) === self)) return refuse("not addressed to this node");
  return { ok: true, conversation };
}

/** Admits an express page: verified urgent messages become provisional; the others are reported. */
export async function admitExpress(
  node: NodeRuntime,
  provisional: ProvisionalStore,
  via: string,
  page: readonly Event[],
  /** The snapshot of keys and memberships; `fresh` re-reads it (a refusal may come from a stale one). */
  facts: (fresh: boolean) => Promise<ExpressFacts>,
  now: () => number = Date.now,
): Promise<{ shown: string[]; refused: { id: string; reason: string }[] }> {
  const shown: string[] = [];
  const refused: { id: string; reason: string }[] = [];
  for (const m of page) {
    if (m.type !== "message.posted" || provisional.get(m.subject)) continue;
    const conversationId = String(m.data.conversation);
    const attempt = async (fresh: boolean) => {
      const known = await facts(fresh);
      const conversation =
        pageConversation(node, known, conversationId, page) ?? (await node.db.connection((sql) => conversationState(sql, conversationId)));
      return judge(node, known, m, conversation);
    };
    let verdict = await attempt(false);
    if (!verdict.ok) verdict = await attempt(true);
    if (!verdict.ok) {
      refused.push({ id: m.subject, reason: verdict.reason });
      continue;
    }
    const hash = eventHash(m);
    if (!provisional.add({ event: m, hash, conversation: verdict.conversation, receivedAt: now(), via })) continue;
    // Already held (the chain got there first), or its subject taken: it settles at once.
    const held = await node.db.connection((sql) =>
      sql.all<{ id: string; hash: string }>("SELECT id, hash FROM events WHERE (space = ? AND origin = ? AND seq = ?) OR id = ?", [
        m.space,
        m.origin,
        m.seq,
        m.id,
      ]),
    );
    for (const h of held) provisional.settle({ ...m, id: h.id, hash: h.hash });
    if (held.length === 0) shown.push(m.subject);
  }
  return { shown, refused };
}
