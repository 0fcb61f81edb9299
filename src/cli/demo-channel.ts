import type { Role } from "../core/admin/schema";
import { conversationInput, messageInput } from "../core/channel/schema";
import type { Actor } from "../server/admin/commands";
import { createConversation, markConversationRead, postMessage, recordReceipt } from "../server/channel/commands";
import type { NodeRuntime } from "../server/node";
import { replicated } from "./demo-replicated";

/**
 * The demo's command channel (agreement 3): the two commanders' direct conversation and a
 * group conversation with the officers of both sides, each with a short exchange in which
 * one message asks for an acknowledgement and gets it. The contents are illustrative and
 * say so; the messages are dated when the demo is first started.
 */
const ILLUSTRATIVE = "(ilustrativo)";

const DIRECT: readonly (readonly ["co" | "ve", string, { precedence?: "priority" | "immediate"; ack?: boolean }])[] = [
  ["co", `Buenos días, comandante. Abrimos este canal directo según el acuerdo 3 de la declaración conjunta ${ILLUSTRATIVE}.`, {}],
  ["ve", `Recibido. Quedamos atentos a cualquier información sobre los pasos informales del sector Táchira ${ILLUSTRATIVE}.`, {}],
  [
    "co",
    `Nuestra patrulla observó movimiento de combustible hacia el paso informal del río Táchira anoche. Solicito confirmar si tienen presencia en la orilla opuesta ${ILLUSTRATIVE}.`,
    { precedence: "priority", ack: true },
  ],
];

const GROUP: readonly (readonly ["co" | "ve", string])[] = [
  ["co", `Propongo revisar en la próxima reunión regional los incidentes de contrabando de la última semana ${ILLUSTRATIVE}.`],
  ["ve", `De acuerdo. Llevaremos el resumen de incautaciones de nuestro lado ${ILLUSTRATIVE}.`],
];

const as = (node: NodeRuntime, username: string, role: Role): { store: NodeRuntime["store"]; actor: Actor } => ({
  store: node.store,
  actor: { username, role, node: node.config.node },
});

/** Waits until `node` holds the conversation `id` and `messages` of its messages. */
const holds = (node: NodeRuntime, id: string, messages: number) =>
  replicated(
    node,
    "SELECT (SELECT COUNT(*) FROM channel_conversations WHERE id = ?) + (SELECT COUNT(*) FROM channel_messages WHERE conversation = ?) AS n",
    [id, id],
    1 + messages,
  );

/** Seeds both demo nodes' channel once (returns false when co already has a conversation). */
export async function seedChannel(co: NodeRuntime, ve: NodeRuntime): Promise<boolean> {
  const [held] = await co.db.connection((sql) => sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM channel_conversations"));
  if (Number(held?.n ?? 0) > 0) return false;
  const nodes = { co, ve };

  const commander = (side: "co" | "ve") => as(nodes[side], "comandante", "commander");
  const direct = await createConversation(commander("co"), conversationInput.parse({ members: ["comandante@ve"], direct: true }));
  let posted = 0;
  let asked: string | undefined;
  for (const [side, body, options] of DIRECT) {
    await holds(nodes[side], direct.id, posted);
    const m = await postMessage(
      commander(side),
      direct.id,
      messageInput.parse({ body, precedence: options.precedence ?? "routine", ackRequired: options.ack === true }),
    );
    posted++;
    if (options.ack) asked = m.id;
  }
  await holds(ve, direct.id, posted);
  await markConversationRead(commander("ve"), direct.id);
  if (asked)
    await recordReceipt(
      commander("ve"),
      asked,
      "acknowledged",
      `Confirmado: hay un puesto de control en la orilla venezolana ${ILLUSTRATIVE}.`,
    );

  const officer = (side: "co" | "ve") => as(nodes[side], "oficial", "officer");
  const group = await createConversation(
    commander("co"),
    conversationInput.parse({
      title: "Coordinación regional Táchira–Norte de Santander (ilustrativa)",
      members: ["comandante@ve", "oficial@co", "oficial@ve"],
      tlp: "amber",
    }),
  );
  posted = 0;
  for (const [side, body] of GROUP) {
    await holds(nodes[side], group.id, posted);
    await postMessage(officer(side), group.id, messageInput.parse({ body }));
    posted++;
  }
  return true;
}
