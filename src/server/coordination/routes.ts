import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { intelRoutes } from "./intel-routes";
import { meetingRoutes } from "./meeting-routes";
import { type ReminderLoop, startReminders } from "./reminders";
import { threatRoutes } from "./threat-routes";
import { unitRoutes } from "./unit-routes";

export interface CoordinationOptions {
  /** The clock reminders are judged by. */
  readonly now?: () => number;
  /** How often due reminders are issued; false: never in the background (tests tick by hand). */
  readonly remindEveryMs?: number | false;
}

/**
 * The REST API of regional coordination (agreement 4): units, meetings, the threat and risk
 * register and intelligence. While the app runs, due meeting reminders are issued to this
 * node's event stream.
 */
export function coordinationRoutes(app: App, node: NodeRuntime, opts: CoordinationOptions = {}): void {
  const now = opts.now ?? Date.now;
  unitRoutes(app, node);
  meetingRoutes(app, node, now);
  threatRoutes(app, node);
  intelRoutes(app, node);
  const every = opts.remindEveryMs ?? 30_000;
  if (every === false) return;
  let loop: ReminderLoop | undefined;
  app.addHook("onReady", async () => {
    loop = startReminders(node, { now, everyMs: every, onError: (err) => app.log.error({ err }, "meeting reminders failed") });
  });
  app.addHook("onClose", async () => {
    await loop?.stop();
  });
}
