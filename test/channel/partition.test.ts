import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { type Cluster, disposeCluster, stopMember, waitFor } from "../helpers/federation";
import { expecting, type MessageBody, openStream, users } from "./helpers";

/**
 * While ve is unreachable, co's messages queue in co's chain; when ve returns they are
 * delivered in the order they were posted, on ve's API and on its stream, and both sides
 * show the delay: ve stored (and accepted) each message well after it was posted.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let t: Record<string, string>;
let conversation: string;

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  await cluster.link();
  t = { ...(await users(co, { ana: "commander" })), ...(await users(ve, { vic: "commander" })) };
  conversation = (
    await expecting(co)<{ id: string }>(t.ana as string, "POST", "/conversations", { members: ["vic@ve"], direct: true }, 201)
  ).id;
  await waitFor(
    "the conversation on ve",
    async () => (await expecting(ve)<{ conversations: unknown[] }>(t.vic as string, "GET", "/conversations")).conversations.length === 1,
  );
});

after(async () => disposeCluster(cluster));

it("messages posted during a partition arrive in order when it heals, with the delay shown", async () => {
  await stopMember(cluster, "ve");
  const ana = t.ana as string;
  const sent: MessageBody[] = [];
  for (let i = 1; i <= 20; i++) {
    const precedence = i % 5 === 0 ? "immediate" : "routine";
    sent.push(
      await expecting(co)<MessageBody>(ana, "POST", `/conversations/${conversation}/messages`, { body: `parte ${i}`, precedence }, 201),
    );
  }
  // Queued: nothing accepted by ve yet.
  const queued = await expecting(co)<{ recipients: { acceptedAt: string | null }[] }>(ana, "GET", `/messages/${sent[0]?.id}/receipts`);
  assert.equal(queued.recipients[0]?.acceptedAt, null);
  const healedAt = Date.now();

  ve = await cluster.start("ve");
  // The stream replays the log from its start, so it shows the order ve stored them in.
  const stream = await openStream(ve.url, t.vic as string, "vic", 0);
  try {
    const vic = t.vic as string;
    const held = await waitFor(
      "the 20 messages on ve",
      async () => {
        const page = await expecting(ve)<{ messages: MessageBody[] }>(vic, "GET", `/conversations/${conversation}/messages?limit=50`);
        return page.messages.length === 20 && page.messages.every((m) => !m.provisional) ? page.messages : undefined;
      },
      30_000,
    );
    assert.deepEqual(
      held.map((m) => m.body),
      sent.map((m) => m.body),
    );
    for (const m of held) {
      assert.ok(Date.parse(m.storedAt) >= healedAt, `${m.body} stored at ${m.storedAt}, before the partition healed`);
      assert.ok(m.delayMs >= healedAt - Date.parse(m.postedAt), `${m.body}: delay ${m.delayMs} ms`);
    }
    // Frames of the log carry its position as their SSE id; urgent messages may also have come
    // ahead of their chain, on the express lane (no id): only the log's order is the chain's.
    const fromLog = () =>
      stream.frames.filter((f) => f.event === "message.posted" && f.id !== undefined).map((f) => (f.data as MessageBody).id);
    const last = sent.at(-1)?.id as string;
    await stream.next((f) => f.event === "message.posted" && f.id !== undefined && (f.data as MessageBody).id === last);
    const inChain = fromLog();
    assert.deepEqual(
      inChain,
      sent.map((m) => m.id),
    );

    // co shows when ve accepted each one: after the partition healed, the delay visible per recipient.
    const accepted = await waitFor("ve's acceptances on co", async () => {
      const r = await expecting(co)<{ postedAt: string; recipients: { acceptedAt: string | null }[] }>(
        ana,
        "GET",
        `/messages/${last}/receipts`,
      );
      return r.recipients[0]?.acceptedAt ? r : undefined;
    });
    assert.ok(Date.parse(accepted.recipients[0]?.acceptedAt as string) >= healedAt);
  } finally {
    stream.close();
  }
});
