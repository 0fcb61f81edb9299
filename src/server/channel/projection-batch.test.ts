import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { freshDatabase } from "../../../test/helpers/db";
import { createHlc } from "../../core/log/hlc";
import { uuidv7 } from "../../core/log/ids";
import type { Database } from "../db/database";
import { resetProjections, type StoredEvent } from "../db/projections";
import { channelProjection } from "./projection";
import { applyChannelEvent } from "./projection-apply";
import { applyChannelEvents } from "./projection-batch";

/**
 * The channel projection over a batch must leave exactly the tables that applying each event
 * in turn leaves: messages (with and without acknowledgement, with an attachment), duplicate
 * and deferred receipts, reads, acknowledgements, an edit and a withdrawal, in one log.
 */
const SPACE = "co-ve-test";
// A second between events, so every message has its own posting time.
let wall = Date.parse("2026-11-28T06:00:00Z");
const clock = createHlc(() => (wall += 1000));
const conversation = uuidv7();
const [m1, m2, m3, m4, m5] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
const content = Buffer.from("informe").toString("base64");

function log(): StoredEvent[] {
  const out: StoredEvent[] = [];
  const add = (origin: string, type: string, subject: string, data: Record<string, unknown>, actor = `ana@${origin}`, space = SPACE) => {
    const pos = out.length + 1;
    out.push({
      id: uuidv7(),
      space,
      origin,
      seq: pos,
      prev: "0".repeat(64),
      hlc: clock.now(),
      actor,
      type,
      v: 1,
      subject,
      data,
      sig: "x",
      pos,
      hash: pos.toString(16).padStart(64, "0"),
    });
  };
  const posted = (id: string, body: string, ackRequired: boolean, attachments: unknown[] = []) =>
    add("co", "message.posted", id, {
      conversation,
      body,
      precedence: ackRequired ? "flash" : "routine",
      ackRequired,
      tlp: "amber",
      replyTo: null,
      attachments,
      to: ["vic@ve", "bea@co"],
    });
  const at = () => new Date(wall).toISOString();
  add("co", "conversation.created", conversation, {
    title: "Frontera",
    kind: "group",
    members: ["ana@co", "bea@co", "vic@ve"],
    tlp: "amber",
    createdBy: "ana@co",
  });
  posted(m1, "Parte **uno**: sin novedad en el río", true);
  posted(m2, "Parte dos", false, [{ name: "a.txt", type: "text/plain", size: 7, sha256: "a".repeat(64), content }]);
  posted(m3, "Parte tres, _urgente_", true);
  add("ve", "message.accepted", m1, { at: at() }, "channel@ve");
  add("ve", "message.accepted", m2, { at: at() }, "channel@ve");
  add("ve", "message.accepted", m1, { at: at() }, "channel@ve");
  add(
    "ve",
    "message.receipt_deferred",
    uuidv7(),
    { space: SPACE, message: m3, kind: "delivered", user: "vic", at: at(), comment: null, version: 1 },
    "vic@ve",
    "national",
  );
  add("ve", "message.delivered", m1, { user: "vic", at: at() }, "vic@ve");
  add("ve", "message.delivered", m3, { user: "vic", at: at() }, "vic@ve");
  add("ve", "message.delivered", m1, { user: "vic", at: at() }, "vic@ve");
  add("ve", "message.read", m1, { user: "vic", at: at() }, "vic@ve");
  add("ve", "message.acknowledged", m1, { user: "vic", at: at(), comment: "Recibido", version: 1 }, "vic@ve");
  add("co", "message.edited", m2, { version: 2, body: "Parte dos, corregida" });
  add("co", "message.withdrawn", m3, { reason: "duplicado" });
  posted(m4, "Parte cuatro", false);
  posted(m5, "Parte cinco", true);
  add("ve", "message.accepted", m4, { at: at() }, "channel@ve");
  return out;
}

const TABLES: Record<string, string> = {
  channel_conversations: "id",
  channel_members: "conversation, member",
  channel_messages: "id",
  channel_recipients: "message, member",
  channel_unread: "member, message",
  channel_ack_due: "member, message",
  channel_receipts: "message, kind, member",
  channel_versions: "message, version",
  channel_attachments: "sha256",
  channel_pending: "id",
};

async function project(db: Database, events: readonly StoredEvent[], batched: boolean): Promise<Record<string, unknown[]>> {
  await db.transaction(async (sql) => {
    await resetProjections(sql, [channelProjection]);
    for (const e of events) {
      await sql.run(
        "INSERT INTO events (id, space, origin, seq, prev, hlc, actor, type, v, subject, data, sig, hash, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
          e.id,
          e.space,
          e.origin,
          e.seq,
          e.prev,
          e.hlc,
          e.actor,
          e.type,
          e.v,
          e.subject,
          JSON.stringify(e.data),
          e.sig,
          e.hash,
          1000 + e.pos,
        ],
      );
    }
    if (!batched) for (const e of events) await applyChannelEvent(sql, e);
    // Uneven slices: runs of one type are cut at slice borders too.
    else
      for (const [from, to] of [
        [0, 3],
        [3, 9],
        [9, events.length],
      ] as const)
        await applyChannelEvents(sql, events.slice(from, to));
  });
  return db.connection(async (sql) => {
    const out: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(TABLES)) out[table] = await sql.all(`SELECT * FROM ${table} ORDER BY ${key}`);
    out.search =
      sql.dialect === "sqlite"
        ? await sql.all("SELECT rowid, words, message FROM channel_fts ORDER BY rowid")
        : await sql.all("SELECT id, search::text AS words FROM channel_messages ORDER BY id");
    return out;
  });
}

describe("channel projection over a batch", () => {
  const dbs: { db: Database; dispose: () => Promise<void> }[] = [];
  before(async () => {
    dbs.push(await freshDatabase(), await freshDatabase());
  });
  after(async () => {
    for (const d of dbs) await d.dispose();
  });

  it("leaves the same tables as one event at a time", async () => {
    const events = log();
    const one = await project((dbs[0] as { db: Database }).db, events, false);
    const many = await project((dbs[1] as { db: Database }).db, events, true);
    assert.equal((one.channel_messages as unknown[]).length, 5);
    assert.equal((one.channel_receipts as unknown[]).length, 7);
    assert.deepEqual(many, one);
  });
});
