import type { MessageView } from "../../core/channel/view-schema";
import { type Actor, actorName } from "../admin/commands";
import type { Sql } from "../db/database";
import type { StoredEvent } from "../db/projections";
import type { StreamFrame, StreamTap } from "../http/stream";
import type { NodeRuntime } from "../node";
import { provisionalView } from "./provisional";
import { messageRow } from "./queries";
import type { ChannelService } from "./service";
import { messageViews } from "./views";

/**
 * What a user's stream carries of the channel: only members of a conversation hear of it.
 * Besides the usual `log` line, a member receives `message.posted` (the whole message as it
 * may see it; sent again with `provisional: false` when a message first shown from the
 * express lane is applied in its chain, so a client upserts by id), `message.updated` (an
 * edit or a withdrawal), `message.receipt` and, for the author and the conversation's
 * commanders, `message.escalated`. A frame from the log comes after its position's `log` line
 * and carries the position as its SSE id; one pushed from the express lane carries none.
 * Pushing a message to a recipient records its delivery.
 */
const logFrame = (e: StoredEvent): StreamFrame => ({
  pos: e.pos,
  event: "log",
  data: { pos: e.pos, type: e.type, space: e.space, subject: e.subject, origin: e.origin },
});

export function channelStreamTap(node: NodeRuntime, service: ChannelService): StreamTap {
  return {
    owns: (type) => type.startsWith("message.") || type.startsWith("conversation."),

    frames(actor, events) {
      const member = actorName(actor);
      return node.db.connection(async (sql) => {
        const members = new Map<string, boolean>();
        const isMember = async (conversation: string) => {
          let known = members.get(conversation);
          if (known === undefined) {
            known =
              (await sql.all("SELECT 1 AS one FROM channel_members WHERE conversation = ? AND member = ?", [conversation, member])).length >
              0;
            members.set(conversation, known);
          }
          return known;
        };
        const out: StreamFrame[] = [];
        for (const e of events) out.push(...(await framesOf(sql, e, actor, member, isMember)));
        return out;
      });
    },

    live(actor, push) {
      const member = actorName(actor);
      return (
        service.provisional?.subscribe((change) => {
          const view = provisionalView(change.message, member);
          if (!view) return;
          // Held now: the same message, no longer provisional (a client upserts by id).
          if (change.kind === "confirmed") {
            push([{ event: "message.posted", data: { ...view, provisional: false } }]);
            return;
          }
          if (change.kind === "contradicted") {
            push([{ event: "message.contradicted", data: { id: view.id, conversation: view.conversation } }]);
            return;
          }
          push([{ event: "message.posted", data: view }]);
          if (view.mine.isAddressee) service.delivered(actor, view.id);
        }) ?? (() => {})
      );
    },
  };

  async function framesOf(
    sql: Sql,
    e: StoredEvent,
    actor: Actor,
    member: string,
    isMember: (conversation: string) => Promise<boolean>,
  ): Promise<StreamFrame[]> {
    if (e.type.startsWith("conversation.")) return (await isMember(e.subject)) ? [logFrame(e)] : [];
    if (e.type === "message.receipt_deferred") return `${e.data.user}@${e.origin}` === member ? [logFrame(e)] : [];
    const row = await messageRow(sql, e.subject);
    if (!row || !(await isMember(row.conversation))) return [];
    const view = async (): Promise<MessageView | undefined> => (await messageViews(sql, [row], member))[0];
    const pos = e.pos;
    switch (e.type) {
      case "message.posted": {
        const v = await view();
        if (!v) return [logFrame(e)];
        if (v.mine.isAddressee) service.delivered(actor, v.id);
        return [logFrame(e), { pos, event: "message.posted", data: v }];
      }
      case "message.edited":
      case "message.withdrawn":
        return [logFrame(e), { pos, event: "message.updated", data: await view() }];
      case "message.escalated": {
        const notify = row.author === member || actor.role === "commander";
        const data = {
          message: row.id,
          conversation: row.conversation,
          precedence: row.precedence,
          escalatedAt: row.escalated_at,
          ...e.data,
        };
        return notify ? [logFrame(e), { pos, event: "message.escalated", data }] : [logFrame(e)];
      }
      default: {
        const kind = e.type.slice("message.".length);
        const d = e.data as { user?: string; at: string; comment?: string | null };
        const who = kind === "accepted" ? e.origin : `${d.user}@${e.origin}`;
        const data = {
          message: row.id,
          conversation: row.conversation,
          kind,
          member: who,
          at: d.at,
          comment: d.comment ?? null,
          event: e.id,
        };
        return [logFrame(e), { pos, event: "message.receipt", data }];
      }
    }
  }
}
