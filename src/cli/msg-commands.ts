import { type Role, roleSchema } from "../core/admin/schema";
import { conversationInput, memberSchema, messageInput } from "../core/channel/schema";
import { DomainError } from "../core/errors";
import { type Actor, consoleActor } from "../server/admin/commands";
import { userByUsername } from "../server/admin/queries";
import { createConversation, postMessage } from "../server/channel/commands";
import { openNode } from "../server/node";
import { type CommandSpec, required, UsageError } from "./args";

/** The option each message field comes from, for the one-line refusal. */
const OPTION: Record<string, string> = { body: "TEXT", precedence: "--precedence", tlp: "--tlp", ackRequired: "--ack" };

function parsed<T>(
  result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? "input");
  throw new DomainError("validation.failed", `${OPTION[field] ?? `--${field}`}: ${issue?.message}`);
}

/** The sender: a user of the node (`--as`), or the node's console operator. */
async function sender(node: Awaited<ReturnType<typeof openNode>>, as: string | undefined): Promise<Actor> {
  if (as === undefined) return consoleActor(node.config.node);
  const row = await node.db.connection((sql) => userByUsername(sql, as));
  if (!row || Number(row.disabled) === 1) throw new DomainError("user.not_found", `--as: ${as} is not an enabled user of this node`);
  return { userId: row.id, username: row.username, role: roleSchema.parse(row.role) as Role, node: node.config.node };
}

export const msgCommands: CommandSpec[] = [
  {
    name: "msg send",
    summary: "Send a message to a user of this or a peer node (opens the one-to-one conversation if needed)",
    usage: "enlace msg send --dir DIR --to USER@NODE [--precedence flash|immediate|priority|routine] [--ack] [--tlp TLP] [--as USER] TEXT",
    options: {
      dir: { type: "string" },
      to: { type: "string" },
      precedence: { type: "string" },
      ack: { type: "boolean" },
      tlp: { type: "string" },
      as: { type: "string" },
    },
    async run(v, positionals) {
      const dir = required(v, "dir");
      const to = required(v, "to");
      if (positionals.length === 0) throw new UsageError("the message TEXT is required");
      if (!memberSchema.safeParse(to).success) throw new DomainError("validation.failed", `--to: ${to} is not USER@NODE`);
      const input = parsed(
        messageInput.safeParse({
          body: positionals.join(" "),
          precedence: v.precedence ?? "routine",
          ackRequired: v.ack === true,
          ...(typeof v.tlp === "string" ? { tlp: v.tlp } : {}),
        }),
      );
      const node = await openNode(dir);
      try {
        const ctx = { store: node.store, actor: await sender(node, typeof v.as === "string" ? v.as : undefined) };
        const { id } = await createConversation(ctx, conversationInput.parse({ members: [to], direct: true }));
        const m = await postMessage(ctx, id, input);
        const ack = m.ackRequired ? `, acknowledgement due ${m.dueAt}` : "";
        console.log(`message ${m.id} (${m.precedence}${ack}) sent to ${to} in conversation ${id}`);
      } finally {
        await node.close();
      }
    },
  },
];
