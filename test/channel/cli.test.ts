import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { RunningNode } from "../../src/server/main";
import { assertOneLineFailure, enlace } from "../helpers/cli";
import { createCluster } from "../helpers/cluster";
import { type Cluster, disposeCluster, waitFor } from "../helpers/federation";
import { expecting, type MessageBody, users } from "./helpers";

/**
 * `enlace msg send` as a real process against co's folder while co serves: it opens (or
 * finds) the one-to-one conversation and posts, and the message reaches ve. Bad input exits
 * non-zero with one line and writes nothing.
 */
let cluster: Cluster;
let co: RunningNode;
let ve: RunningNode;
let t: Record<string, string>;

before(async () => {
  cluster = await createCluster(["co", "ve"]);
  co = await cluster.start("co");
  ve = await cluster.start("ve");
  await cluster.link();
  t = { ...(await users(co, { ana: "commander" })), ...(await users(ve, { vic: "commander" })) };
});

after(async () => disposeCluster(cluster));

const send = (...args: string[]) => enlace(["msg", "send", "--dir", cluster.member("co").dir, ...args], { env: cluster.member("co").env });

it("sends a FLASH from the command line that reaches ve, twice in the same conversation", async () => {
  const first = await send("--to", "vic@ve", "--precedence", "flash", "--ack", "--as", "ana", "Contacto", "en", "el", "paso", "7");
  assert.equal(first.code, 0, first.stderr);
  const m = /^message (\S+) \(flash, acknowledgement due (\S+)\) sent to vic@ve in conversation (\S+)\n$/.exec(first.stdout);
  assert.ok(m, first.stdout);
  const second = await send("--to", "vic@ve", "--as", "ana", "Segundo");
  assert.equal(second.code, 0, second.stderr);
  assert.ok(second.stdout.endsWith(`in conversation ${m[3]}\n`), "the same one-to-one conversation");
  const page = await waitFor("both on ve", async () => {
    const p = await expecting(ve)<{ messages: MessageBody[] }>(t.vic as string, "GET", `/conversations/${m[3]}/messages`).catch(
      () => undefined,
    );
    return p?.messages.length === 2 ? p.messages : undefined;
  });
  assert.deepEqual(
    page.map((x) => [x.body, x.precedence]),
    [
      ["Contacto en el paso 7", "flash"],
      ["Segundo", "routine"],
    ],
  );
  assert.equal(page[0]?.id, m[1]);
});

it("refuses bad input with one line and a non-zero exit, writing nothing", async () => {
  // Replication writes receipts meanwhile: count what `msg send` could have written.
  const written = () =>
    co.node.db.connection(async (sql) =>
      Number(
        (await sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE type LIKE 'conversation.%' OR type = 'message.posted'"))[0]
          ?.n,
      ),
    );
  const before = await written();
  assertOneLineFailure(await send("--precedence", "flash", "hola"), 2, /^enlace msg send: --to is required/);
  assertOneLineFailure(await send("--to", "vic@ve"), 2, /TEXT is required/);
  assertOneLineFailure(await send("--to", "vic", "hola"), 1, /--to: vic is not USER@NODE/);
  assertOneLineFailure(await send("--to", "vic@ve", "--precedence", "urgent", "hola"), 1, /--precedence:/);
  assertOneLineFailure(await send("--to", "vic@ve", "--tlp", "purple", "hola"), 1, /--tlp:/);
  assertOneLineFailure(await send("--to", "vic@ve", "--as", "nadie", "hola"), 1, /--as: nadie is not an enabled user/);
  assertOneLineFailure(await send("--to", "joao@br", "hola"), 1, /no joined space has exactly the nodes/);
  assertOneLineFailure(await send("--to", "vic@ve", "--bogus", "hola"), 2, /Unknown option/);
  assert.equal(await written(), before);
});
