import { createHash, randomBytes } from "node:crypto";
import { DomainError } from "../../core/errors";
import { canFederate, type FederationAction } from "../../core/federation/policy";
import { eventHash } from "../../core/log/chain";
import type { NodeKeys } from "../../core/log/crypto";
import { importPublicKey } from "../../core/log/crypto";
import { type Event, eventSchema, NATIONAL_SPACE } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import { type Actor, actorName, type CommandContext } from "../admin/commands";
import { type NodeConfig, publicUrlOf } from "../config";
import type { EventStore } from "../db/event-store";
import { createPeerClient } from "./client";
import { decodeInvite, encodeInvite, type PeerAnswer } from "./invite";
import { activePeer, listPeers, type PeerRow } from "./queries";

/** The parts of a node the federation commands need: identity, keys and store. */
export interface FederationNode {
  readonly config: NodeConfig;
  readonly keys: NodeKeys;
  readonly store: EventStore;
}

export function authorizeFederation(actor: Actor, action: FederationAction): void {
  if (!canFederate(actor.role, action)) throw new DomainError("auth.forbidden", `role ${actor.role} may not ${action}`);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Creates a single-use invitation; the token goes to the other side's admin out of band. */
export async function createInvite(
  ctx: CommandContext,
  node: FederationNode,
  ttlHours = 24,
): Promise<{ token: string; expiresAt: string }> {
  authorizeFederation(ctx.actor, "peer.manage");
  const invite = uuidv7();
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000).toISOString();
  await ctx.store.append([
    {
      space: NATIONAL_SPACE,
      type: "peer.invited",
      subject: invite,
      actor: actorName(ctx.actor),
      data: { secretHash: sha256(secret), expiresAt },
    },
  ]);
  const { config, keys } = node;
  const token = encodeInvite({
    v: 1,
    url: publicUrlOf(config),
    node: config.node,
    name: config.name,
    country: config.country,
    publicKey: keys.publicKeyText,
    invite,
    secret,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The inviting side of the handshake: checks the invitation and pins the answering node. */
export async function registerPeer(store: EventStore, config: NodeConfig, answer: PeerAnswer): Promise<void> {
  if (answer.node === config.node) throw new DomainError("peer.bad_invite", "a node cannot peer with itself", "node");
  await store.write(async (tx) => {
    const rows = await tx.sql.all<{ secret_hash: string; expires_at: string; used_by: string | null }>(
      "SELECT secret_hash, expires_at, used_by FROM invites WHERE id = ?",
      [answer.invite],
    );
    const invite = rows[0];
    if (!invite || invite.secret_hash !== sha256(answer.secret))
      throw new DomainError("peer.bad_invite", "unknown invitation or wrong secret", "secret");
    if (invite.used_by) throw new DomainError("peer.invite_used", "the invitation was already used");
    if (Date.parse(invite.expires_at) < Date.now()) throw new DomainError("peer.invite_expired", "the invitation has expired");
    const existing = await activePeer(tx.sql, answer.node);
    if (existing && existing.public_key !== answer.publicKey) {
      throw new DomainError("peer.exists", `${answer.node} is already pinned with another key; remove it first`, "node");
    }
    const actor = `federation@${config.node}`;
    await tx.append([
      { space: NATIONAL_SPACE, type: "peer.invite_used", subject: answer.invite, actor, data: { node: answer.node } },
      {
        space: NATIONAL_SPACE,
        type: "peer.pinned",
        subject: uuidv7(),
        actor,
        data: { node: answer.node, name: answer.name, country: answer.country, url: answer.url, publicKey: answer.publicKey },
      },
    ]);
  });
}

/** The invited side: answers the invitation over a signed request, then pins the inviter. */
export async function acceptInvite(ctx: CommandContext, node: FederationNode, tokenText: string): Promise<{ node: string; name: string }> {
  authorizeFederation(ctx.actor, "peer.manage");
  const token = decodeInvite(tokenText);
  if (Date.parse(token.expiresAt) < Date.now()) throw new DomainError("peer.invite_expired", "the invitation has expired", "token");
  if (token.node === node.config.node) throw new DomainError("peer.bad_invite", "this is our own invitation", "token");
  const client = createPeerClient(
    { id: node.config.node, keys: node.keys },
    { node: token.node, url: token.url, publicKey: importPublicKey(token.publicKey) },
  );
  const { config, keys } = node;
  await client.json("POST", "/federation/v1/peers", {
    json: {
      invite: token.invite,
      secret: token.secret,
      node: config.node,
      name: config.name,
      country: config.country,
      url: publicUrlOf(config),
      publicKey: keys.publicKeyText,
    },
  });
  await ctx.store.write(async (tx) => {
    const existing = await activePeer(tx.sql, token.node);
    if (existing?.public_key === token.publicKey && existing.url === token.url) return;
    await tx.append([
      {
        space: NATIONAL_SPACE,
        type: "peer.pinned",
        subject: uuidv7(),
        actor: actorName(ctx.actor),
        data: { node: token.node, name: token.name, country: token.country, url: token.url, publicKey: token.publicKey },
      },
    ]);
  });
  return { node: token.node, name: token.name };
}

export async function removePeer(ctx: CommandContext, peerNode: string): Promise<void> {
  authorizeFederation(ctx.actor, "peer.manage");
  await ctx.store.write(async (tx) => {
    const peer = await activePeer(tx.sql, peerNode);
    if (!peer) throw new DomainError("peer.not_found", `no active peer ${peerNode}`, "node");
    await tx.append([
      { space: NATIONAL_SPACE, type: "peer.removed", subject: peer.pin_id, actor: actorName(ctx.actor), data: { node: peerNode } },
    ]);
  });
}

/** Proposes a shared space: its genesis names the members, each of whom must be a pinned peer. */
export async function createSpace(ctx: CommandContext, input: { name: string; members: string[] }): Promise<string> {
  authorizeFederation(ctx.actor, "space.manage");
  const self = ctx.actor.node;
  const members = [...new Set([self, ...input.members])].sort();
  if (members.length < 2) throw new DomainError("validation.failed", "a shared space needs at least one other member", "members");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const pinned = new Set((await listPeers(tx.sql)).map((p) => p.node));
    const strangers = members.filter((m) => m !== self && !pinned.has(m));
    if (strangers.length) throw new DomainError("peer.not_found", `not peered with ${strangers.join(", ")}`, "members");
    await tx.append([{ space: id, type: "space.created", subject: id, actor: actorName(ctx.actor), data: { name: input.name, members } }]);
  });
  return id;
}

/**
 * Joins a space another member proposed: asks every pinned peer for the space's signed genesis,
 * checks it, and says so. Peers that offer the space must offer the same genesis: a peer that
 * knows the id could otherwise found a space of its own under it, naming itself and this node,
 * and this node's writes meant for the proposer would go to it. Two different geneses are
 * refused, naming who proposed each, and nothing is applied. Whoever proposed the joined space
 * is returned, for the administrator to see.
 */
export async function joinSpace(
  ctx: CommandContext,
  node: FederationNode,
  space: string,
): Promise<{ name: string; members: string[]; proposer: string }> {
  authorizeFederation(ctx.actor, "space.manage");
  const peers = await node.store.db.connection((sql) => listPeers(sql));
  const offered = await Promise.all(peers.map((p) => offeredGenesis(node, p, space)));
  const distinct = new Map<string, Event>();
  for (const g of offered) if (g) distinct.set(eventHash(g), g);
  const [genesis, other] = [...distinct.values()];
  if (!genesis) throw new DomainError("space.unknown", `no peer offers space ${space} to this node`, "space");
  if (other) {
    const describe = (g: Event) => `one proposed by ${g.origin} (members ${(g.data as { members: string[] }).members.join(", ")})`;
    throw new DomainError(
      "space.bad_genesis",
      `peers offer different geneses for space ${space}: ${[...distinct.values()].map(describe).join("; ")}; ask the proposing administrator which is right`,
      "space",
    );
  }
  const result = await node.store.apply([genesis]);
  if (result.rejected) throw new DomainError("space.bad_genesis", `the space's genesis was refused: ${result.rejected.reason}`, "space");
  await ctx.store.write(async (tx) => {
    const joined = await tx.sql.all("SELECT 1 AS one FROM space_members WHERE space = ? AND node = ? AND joined_at IS NOT NULL", [
      space,
      ctx.actor.node,
    ]);
    if (joined.length === 0) await tx.append([{ space, type: "space.joined", subject: space, actor: actorName(ctx.actor), data: {} }]);
  });
  const data = genesis.data as { name: string; members: string[] };
  return { name: data.name, members: data.members, proposer: genesis.origin };
}

/** The genesis of `space` as one peer offers it: a `space.created` at seq 1 of that space, or nothing. */
async function offeredGenesis(node: FederationNode, peer: PeerRow, space: string): Promise<Event | undefined> {
  const client = createPeerClient(
    { id: node.config.node, keys: node.keys },
    { node: peer.node, url: peer.url, publicKey: importPublicKey(peer.public_key) },
  );
  try {
    const res = await client.request("GET", `/federation/v1/spaces/${encodeURIComponent(space)}/genesis`, { timeoutMs: 10_000 });
    if (res.status !== 200) return undefined;
    const parsed = eventSchema.safeParse(JSON.parse(res.body.toString("utf8")));
    if (!parsed.success) return undefined;
    const g = parsed.data;
    // Signature, membership and the rest are the store's to check when it is applied.
    return g.type === "space.created" && g.seq === 1 && g.space === space && g.subject === space ? g : undefined;
  } catch {
    return undefined; // an unreachable or unaware peer
  } finally {
    client.close();
  }
}

/** Records a refused event and the reason; its stream stays halted until an operator acts. */
export async function quarantine(
  store: EventStore,
  self: string,
  peer: string,
  refused: { space: string; origin: string; seq: number; code: string; reason: string; event: unknown },
): Promise<string> {
  const id = uuidv7();
  const { space, origin, seq, code, reason, event } = refused;
  await store.append([
    {
      space: NATIONAL_SPACE,
      type: "peer.event_quarantined",
      subject: id,
      actor: `federation@${self}`,
      data: { peer, space, origin, seq, code, reason, event },
    },
  ]);
  return id;
}

export async function resolveQuarantine(ctx: CommandContext, id: string, action: "retry" | "drop"): Promise<void> {
  authorizeFederation(ctx.actor, "quarantine.manage");
  await ctx.store.write(async (tx) => {
    const rows = await tx.sql.all<{ resolution: string | null }>("SELECT resolution FROM quarantine WHERE id = ?", [id]);
    if (!rows[0]) throw new DomainError("quarantine.not_found", `no quarantined event ${id}`, "id");
    if (rows[0].resolution) throw new DomainError("quarantine.resolved", `already resolved (${rows[0].resolution})`, "id");
    await tx.append([
      { space: NATIONAL_SPACE, type: "peer.quarantine_resolved", subject: id, actor: actorName(ctx.actor), data: { action } },
    ]);
  });
}

/**
 * Signs into the space the heads this node has applied from every other member: a receipt
 * neither side can later deny. The replicator calls it only after applying something other
 * than receipts, so two nodes never acknowledge each other's acknowledgements forever.
 */
export async function checkpoint(store: EventStore, self: string, space: string): Promise<void> {
  const heads = await store.heads(space);
  const others = Object.fromEntries(Object.entries(heads).filter(([origin]) => origin !== self));
  if (Object.keys(others).length === 0) return;
  await store.append([{ space, type: "receipt.checkpoint", subject: space, actor: `federation@${self}`, data: { heads: others } }]);
}
