import type { FastifyServerOptions } from "fastify";
import { buildApp } from "./app";
import { createReplicator, type Replicator, type ReplicatorOptions } from "./federation/replicator";
import type { App } from "./http/types";
import { type NodeRuntime, type OpenOptions, openNode } from "./node";

export interface RunningNode {
  readonly node: NodeRuntime;
  readonly app: App;
  readonly replicator: Replicator;
  readonly url: string;
  stop(): Promise<void>;
}

/** Opens a node folder and serves it over HTTP until `stop`. */
export async function serveNode(
  dir: string,
  opts: OpenOptions & {
    port?: number;
    host?: string;
    logLevel?: string;
    logger?: FastifyServerOptions["logger"];
    replication?: ReplicatorOptions;
    /** false: serve only, do not pull from peers (tests of the API alone). */
    replicate?: boolean;
  } = {},
): Promise<RunningNode> {
  const node = await openNode(dir, opts);
  try {
    let app: App | undefined;
    const log = {
      warn: (obj: object, msg: string) => app?.log.warn(obj, msg),
      info: (obj: object, msg: string) => app?.log.info(obj, msg),
    };
    const replicator = createReplicator(node, { log, ...opts.replication });
    app = await buildApp({ node, replicator, logger: opts.logger ?? { level: opts.logLevel ?? "info" } });
    const address = await app.listen({ port: opts.port ?? node.config.port, host: opts.host ?? node.config.host });
    if (opts.replicate !== false) await replicator.start();
    let stopped = false;
    return {
      node,
      app,
      replicator,
      url: address,
      async stop() {
        if (stopped) return;
        stopped = true;
        await replicator.stop();
        await app.close();
        await node.close();
      },
    };
  } catch (err) {
    await node.close();
    throw err;
  }
}
