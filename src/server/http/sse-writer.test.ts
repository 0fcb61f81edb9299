import assert from "node:assert/strict";
import { createServer, get, type Server } from "node:http";
import { after, it } from "node:test";
import { createSseWriter } from "./sse-writer";

/**
 * The event stream's writer over a real HTTP connection whose client falls behind (the
 * server's socket is corked, as when the client does not read): `log` lines past the limit
 * are folded into one `resync`, and a message frame is written at once, ahead of them.
 */
let server: Server | undefined;
after(() => server?.close());

it("folds log lines while the client is behind and never holds back other frames", async () => {
  const HIGH = 20 * 1024;
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.socket?.cork();
    const out = createSseWriter(res, HIGH);
    const padding = "x".repeat(100);
    for (let pos = 1; pos <= 1000; pos++) out.log(pos, { pos, padding });
    out.frame("message.posted", { id: "flash" }, 1001);
    for (let pos = 1002; pos <= 1100; pos++) out.log(pos, { pos, padding });
    res.socket?.uncork();
    // The client has everything; a later log line goes out as usual.
    res.once("drain", () => setImmediate(() => (out.log(1101, { pos: 1101 }), res.end())));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const body = await new Promise<string>((resolve, reject) => {
    get(`http://127.0.0.1:${port}/`, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () => resolve(text));
    }).on("error", reject);
  });
  const frames = body
    .split("\n\n")
    .filter(Boolean)
    .map((f) => ({
      id: /^id: (\d+)$/m.exec(f)?.[1],
      event: /^event: (.+)$/m.exec(f)?.[1],
      data: JSON.parse(/^data: (.+)$/m.exec(f)?.[1] ?? "null"),
    }));
  const flash = frames.findIndex((f) => f.event === "message.posted");
  const logs = frames.filter((f) => f.event === "log");
  assert.ok(flash > 0, "the message frame was written");
  assert.ok(logs.length < 300, `only the log lines that fit were written before it (${logs.length})`);
  assert.equal(frames[flash]?.id, undefined, "no id while positions are folded");
  assert.deepEqual(
    frames.slice(flash + 1).map((f) => [f.event, f.id]),
    [
      ["resync", "1100"],
      ["log", "1101"],
    ],
  );
  assert.deepEqual(frames[flash + 1]?.data, { pos: 1100 });
});
