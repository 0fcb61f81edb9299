import type { StreamTap } from "../http/stream";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import type { ProvisionalStore } from "./provisional";
import { channelRoutes } from "./routes";
import { type ChannelService, createChannelService } from "./service";
import { channelStreamTap } from "./stream-tap";

/**
 * The channel as the app mounts it: its service starts when the app is ready and stops when
 * it closes; its routes go under /api/v1 and its tap into the one event stream.
 */
export function setupChannel(
  app: App,
  node: NodeRuntime,
  provisional: ProvisionalStore | undefined,
): { service: ChannelService; tap: StreamTap; routes: (api: App) => void } {
  const service = createChannelService(node, { ...(provisional ? { provisional } : {}), log: app.log });
  app.addHook("onReady", () => service.start());
  app.addHook("onClose", () => service.stop());
  return { service, tap: channelStreamTap(node, service), routes: (api) => channelRoutes(api, node, service) };
}
