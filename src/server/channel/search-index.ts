import { plainText } from "../../core/channel/markdown";
import type { Sql } from "../db/database";

/**
 * The full-text index of message bodies on both engines: FTS5 on SQLite, a `tsvector` with
 * the 'simple' configuration on PostgreSQL. Both index the same words, lower-cased and
 * without accents ("Río" is found by "rio"): 'simple' does no stemming, so Spanish and
 * English bodies are indexed alike and a word is found as written, or by its beginning.
 */
export function searchWords(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a query (letters and digits only, so nothing reaches either engine's query syntax). */
export function queryTokens(q: string): string[] {
  return (searchWords(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
}

/**
 * Sets the indexed words of a message (its body's current version). On SQLite the FTS row's
 * id is the log position of the message's `message.posted` event, so replacing it is a key
 * lookup; `fresh` skips the replacement for a message just posted.
 */
export async function indexBody(tx: Sql, message: { id: string; pos: number }, body: string, fresh = false): Promise<void> {
  const words = searchWords(plainText(body));
  if (tx.dialect === "sqlite") {
    if (!fresh) await tx.run("DELETE FROM channel_fts WHERE rowid = ?", [message.pos]);
    await tx.run("INSERT INTO channel_fts (rowid, words, message) VALUES (?, ?, ?)", [message.pos, words, message.id]);
  } else {
    await tx.run("UPDATE channel_messages SET search = to_tsvector('simple', ?) WHERE id = ?", [words, message.id]);
  }
}

export async function unindexBody(tx: Sql, message: { id: string; pos: number }): Promise<void> {
  if (tx.dialect === "sqlite") await tx.run("DELETE FROM channel_fts WHERE rowid = ?", [message.pos]);
  else await tx.run("UPDATE channel_messages SET search = NULL WHERE id = ?", [message.id]);
}

/**
 * Ids of the messages matching every token (each as a word or a word's beginning), among the
 * conversations `member` belongs to, newest first.
 */
export async function searchMessages(sql: Sql, member: string, tokens: readonly string[], limit: number): Promise<string[]> {
  if (tokens.length === 0) return [];
  const visible = "m.conversation IN (SELECT conversation FROM channel_members WHERE member = ?) AND m.withdrawn_at IS NULL";
  const rows =
    sql.dialect === "sqlite"
      ? await sql.all<{ id: string }>(
          `SELECT m.id FROM channel_fts f JOIN channel_messages m ON m.id = f.message
           WHERE channel_fts MATCH ? AND ${visible} ORDER BY m.hlc DESC LIMIT ?`,
          [tokens.map((t) => `"${t}"*`).join(" "), member, limit],
        )
      : await sql.all<{ id: string }>(
          `SELECT m.id FROM channel_messages m WHERE m.search @@ to_tsquery('simple', ?) AND ${visible} ORDER BY m.hlc DESC LIMIT ?`,
          [tokens.map((t) => `${t}:*`).join(" & "), member, limit],
        );
  return rows.map((r) => r.id);
}
