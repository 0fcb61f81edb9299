import { buildApp } from "./app";
import type { App } from "./http/types";
import { openNode, type NodeRuntime, type OpenOptions } from "./node";

export interface RunningNode {
  readonly node: NodeRuntime;
  readonly app: App;
  readonly url: string;
  stop(): Promise<void>;
}

/** Opens a node folder and serves it over HTTP until `stop`. */
export async function serveNode(
  dir: string,
  opts: OpenOptions & { port?: number; host?: string; logLevel?: string } = {},
): Promise<RunningNode> {
  const node = await openNode(dir, opts);
  try {
    const app = await buildApp({ node, logger: { level: opts.logLevel ?? "info" } });
    const address = await app.listen({ port: opts.port ?? node.config.port, host: opts.host ?? node.config.host });
    let stopped = false;
    return {
      node,
      app,
      url: address,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await node.close();
      },
    };
  } catch (err) {
    await node.close();
    throw err;
  }
}
