import { z } from "zod";
import { renderMarkdown } from "../../core/channel/markdown";
import {
  ackInput,
  conversationInput,
  conversationPatch,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  messageInput,
  messagePatch,
  messagesQuery,
  searchQuery,
  withdrawInput,
} from "../../core/channel/schema";
import {
  channelSummary,
  conversationView,
  messagePage,
  messageView,
  receiptAnswer,
  receiptsView,
  searchHit,
  versionView,
} from "../../core/channel/view-schema";
import { DomainError } from "../../core/errors";
import { actorName } from "../admin/commands";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import {
  authorizeChannel,
  createConversation,
  editMessage,
  markConversationRead,
  postMessage,
  recordReceipt,
  type UserReceipt,
  updateConversation,
  withdrawMessage,
} from "./commands";
import { conversationTitles, heldMessage, listConversations, readConversation, readMessage, readMessages, versionsOf } from "./reads";
import { queryTokens, searchMessages } from "./search-index";
import type { ChannelService } from "./service";
import { messageViews, receiptsOf, summaryOf } from "./views";

const idParams = z.strictObject({ id: z.uuid() });
/** Attachments travel as base64 in JSON: the body may be a third larger than the files. */
const POST_BODY_LIMIT = Math.ceil((MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES * 4) / 3) + 256 * 1024;

/** The REST API of the command channel (agreement 3). Every read and write is limited to members. */
export function channelRoutes(app: App, node: NodeRuntime, service: ChannelService): void {
  const { db } = node;
  const tags = ["channel"];
  const who = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    authorizeChannel(actor, "channel.read");
    return { actor, member: actorName(actor), ctx: service.context(actor) };
  };
  const { provisional } = service;

  app.post(
    "/conversations",
    {
      schema: {
        tags,
        summary: "Open a conversation (a direct one that exists is returned with 200)",
        description:
          "Members are `username@node`; the caller is always one. Without `space`, the conversation goes to the national space when every member is of this node, else to the joined shared space whose nodes are exactly the members' nodes.",
        body: conversationInput,
        response: { 200: conversationView, 201: conversationView },
      },
    },
    async (request, reply) => {
      const { member, ctx } = who(request);
      const { id, created } = await createConversation(ctx, request.body);
      return reply.status(created ? 201 : 200).send(await db.connection((sql) => readConversation(sql, id, member)));
    },
  );
  app.get(
    "/conversations",
    {
      schema: {
        tags,
        summary: "The caller's conversations, most recently active first",
        response: { 200: z.object({ conversations: z.array(conversationView) }) },
      },
    },
    async (request) => {
      const { member } = who(request);
      return { conversations: await db.connection((sql) => listConversations(sql, member, provisional)) };
    },
  );
  app.get(
    "/conversations/:id",
    { schema: { tags, summary: "A conversation", params: idParams, response: { 200: conversationView } } },
    async (request) => {
      const { member } = who(request);
      return db.connection((sql) => readConversation(sql, request.params.id, member, provisional));
    },
  );
  app.patch(
    "/conversations/:id",
    {
      schema: {
        tags,
        summary: "Change title, members or marking (its creator only)",
        params: idParams,
        body: conversationPatch,
        response: { 200: conversationView },
      },
    },
    async (request) => {
      const { member, ctx } = who(request);
      await updateConversation(ctx, request.params.id, request.body);
      return db.connection((sql) => readConversation(sql, request.params.id, member));
    },
  );
  app.get(
    "/conversations/:id/messages",
    {
      schema: {
        tags,
        summary: "Messages, oldest first; `next` pages to older ones",
        params: idParams,
        querystring: messagesQuery,
        response: { 200: messagePage },
      },
    },
    async (request) => {
      const { member } = who(request);
      const { limit, before } = request.query;
      return db.connection((sql) => readMessages(sql, request.params.id, member, { limit, ...(before ? { before } : {}) }, provisional));
    },
  );
  app.post(
    "/conversations/:id/messages",
    {
      bodyLimit: POST_BODY_LIMIT,
      schema: { tags, summary: "Post a message", params: idParams, body: messageInput, response: { 201: messageView } },
    },
    async (request, reply) => {
      const { ctx } = who(request);
      return reply.status(201).send(await postMessage(ctx, request.params.id, request.body));
    },
  );
  app.post(
    "/conversations/:id/read",
    {
      schema: {
        tags,
        summary: "Mark every unread message of the conversation as read",
        params: idParams,
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (request) => ({ marked: await markConversationRead(who(request).ctx, request.params.id) }),
  );

  app.get(
    "/messages/search",
    {
      schema: {
        tags,
        summary: "Full-text search in the caller's conversations",
        querystring: searchQuery,
        response: { 200: z.object({ results: z.array(searchHit) }) },
      },
    },
    async (request) => {
      const { member } = who(request);
      const tokens = queryTokens(request.query.q);
      if (tokens.length === 0) throw new DomainError("validation.failed", "no word to look for", "query.q");
      return db.connection(async (sql) => {
        const ids = await searchMessages(sql, member, tokens, request.query.limit);
        const rows = (await Promise.all(ids.map((id) => heldMessage(sql, id, member).catch(() => undefined)))).filter(
          (r) => r !== undefined,
        );
        const views = await messageViews(sql, rows, member);
        const titles = await conversationTitles(
          sql,
          views.map((v) => v.conversation),
        );
        return { results: views.map((message) => ({ message, conversationTitle: titles.get(message.conversation) ?? "" })) };
      });
    },
  );
  app.get(
    "/messages/:id",
    { schema: { tags, summary: "A message", params: idParams, response: { 200: messageView } } },
    async (request) => {
      const { member } = who(request);
      return db.connection((sql) => readMessage(sql, request.params.id, member, provisional));
    },
  );
  app.patch(
    "/messages/:id",
    {
      schema: {
        tags,
        summary: "Edit a message (its author only): a new version, the earlier ones kept",
        params: idParams,
        body: messagePatch,
        response: { 200: messageView },
      },
    },
    async (request) => {
      const { member, ctx } = who(request);
      await editMessage(ctx, request.params.id, request.body.body);
      return db.connection((sql) => readMessage(sql, request.params.id, member));
    },
  );
  app.post(
    "/messages/:id/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw a message (its author only)",
        params: idParams,
        body: withdrawInput,
        response: { 200: messageView },
      },
    },
    async (request) => {
      const { member, ctx } = who(request);
      await withdrawMessage(ctx, request.params.id, request.body.reason);
      return db.connection((sql) => readMessage(sql, request.params.id, member));
    },
  );
  app.get(
    "/messages/:id/versions",
    {
      schema: {
        tags,
        summary: "Every version of a message's body",
        params: idParams,
        response: { 200: z.object({ versions: z.array(versionView) }) },
      },
    },
    async (request) => {
      const { member } = who(request);
      return db.connection(async (sql) => {
        const message = await heldMessage(sql, request.params.id, member);
        const versions = await versionsOf(sql, request.params.id);
        // A withdrawn message keeps its history of versions and times, never its text: the
        // API answers it as it answers the message itself (the log still holds what was signed).
        const withdrawn = message.withdrawn_at !== null;
        return {
          versions: versions.map((v) => ({
            version: Number(v.version),
            body: withdrawn ? "" : v.body,
            html: withdrawn ? "" : renderMarkdown(v.body),
            at: v.at,
          })),
        };
      });
    },
  );

  const receiptRoute = (kind: UserReceipt, path: string, summary: string) =>
    app.post(
      `/messages/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          description:
            "200 when recorded (or already recorded); 202 when the message is still provisional and the receipt is kept until it is held.",
          params: idParams,
          ...(kind === "acknowledged" ? { body: ackInput } : {}),
          response: { 200: receiptAnswer, 202: receiptAnswer },
        },
      },
      async (request, reply) => {
        const comment = kind === "acknowledged" ? (request.body as z.infer<typeof ackInput> | undefined)?.comment : undefined;
        const answer = await recordReceipt(who(request).ctx, request.params.id, kind, comment);
        return reply.status(answer.status === "pending" ? 202 : 200).send(answer);
      },
    );
  receiptRoute("acknowledged", "ack", "Acknowledge a message (an addressee), with an optional comment");
  receiptRoute("read", "read", "Mark a message as read");
  receiptRoute("delivered", "delivered", "Report that a message reached the caller's client");

  app.get(
    "/messages/:id/receipts",
    {
      schema: {
        tags,
        summary: "Acceptance, delivery, reading and acknowledgement, per recipient",
        params: idParams,
        response: { 200: receiptsView },
      },
    },
    async (request) => {
      const { member } = who(request);
      return db.connection(async (sql) => receiptsOf(sql, await heldMessage(sql, request.params.id, member)));
    },
  );
  app.get(
    "/messages/:id/attachments/:sha256",
    {
      schema: {
        tags,
        summary: "An attachment of a message",
        params: z.strictObject({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      },
    },
    async (request, reply) => {
      const { member } = who(request);
      const file = await db.connection(async (sql) => {
        const m = await heldMessage(sql, request.params.id, member);
        const named = (JSON.parse(m.attachments) as { sha256: string }[]).some((a) => a.sha256 === request.params.sha256);
        const rows = named
          ? await sql.all<{ name: string; type: string; content: string }>(
              "SELECT name, type, content FROM channel_attachments WHERE sha256 = ?",
              [request.params.sha256],
            )
          : [];
        return m.withdrawn_at === null ? rows[0] : undefined;
      });
      if (!file) throw new DomainError("attachment.not_found", "no such attachment", "path.sha256");
      return reply
        .type(file.type)
        .header("content-disposition", `attachment; filename="${file.name.replace(/[^\w.\- ]/g, "_")}"`)
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(file.content, "base64"));
    },
  );
  app.get(
    "/channel/summary",
    {
      schema: {
        tags,
        summary: "Unread messages, acknowledgements owed and escalations, for the header",
        response: { 200: channelSummary },
      },
    },
    async (request) => {
      const { actor, member } = who(request);
      return db.connection((sql) => summaryOf(sql, member, actor.role));
    },
  );
}
