import type { Replicator } from "../federation/replicator";
import { peerStatuses } from "../federation/status";
import type { NodeRuntime } from "../node";
import { problem, sendProblem } from "./errors";
import type { Metrics } from "./metrics";
import type { App } from "./types";

/**
 * `/healthz` (the process answers), `/readyz` (the database answers) and `/metrics`
 * (Prometheus text: requests, latency, events appended, log size).
 */
export function healthRoutes(app: App, node: NodeRuntime, metrics: Metrics, replicator?: Replicator): void {
  const requests = metrics.counter("enlace_http_requests_total", "HTTP requests by method, route and status");
  const latency = metrics.histogram("enlace_http_request_duration_seconds", "HTTP request latency");
  const appended = metrics.counter("enlace_events_stored_total", "Events stored by this process, by space and origin");
  metrics.gauge("enlace_log_events", "Events in the log (highest log position)", async () => {
    const row = await node.db.kysely
      .selectFrom("events")
      .select((eb) => eb.fn.max("pos").as("n"))
      .executeTakeFirst();
    return [{ labels: {}, value: Number(row?.n ?? 0) }];
  });
  const peers = () => peerStatuses(node.db, replicator?.state());
  metrics.gauge("enlace_peer_lag_events", "Events a peer reported holding that this node has not applied", async () =>
    (await peers()).map((p) => ({ labels: { peer: p.node }, value: p.lagEvents })),
  );
  metrics.gauge("enlace_peer_last_contact_seconds", "Seconds since a peer last answered (-1: never)", async () =>
    (await peers()).map((p) => ({ labels: { peer: p.node }, value: p.lastContact ? (Date.now() - Date.parse(p.lastContact)) / 1000 : -1 })),
  );
  metrics.gauge("enlace_peer_quarantined_events", "Events from a peer waiting in quarantine", async () =>
    (await peers()).map((p) => ({ labels: { peer: p.node }, value: p.quarantined })),
  );
  const unsubscribe = node.store.subscribe((events) => {
    // Counted per run of one (space, origin), not per event: a catch-up slice is one run.
    let from = 0;
    for (let i = 1; i <= events.length; i++) {
      const a = events[from];
      const b = events[i];
      if (a && (!b || b.space !== a.space || b.origin !== a.origin)) {
        appended({ space: a.space, origin: a.origin }, i - from);
        from = i;
      }
    }
  });
  app.addHook("onClose", async () => {
    unsubscribe();
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    requests({ method: request.method, route, status: String(reply.statusCode) });
    latency({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const hidden = { schema: { hide: true }, config: { public: true } } as const;
  app.get("/healthz", hidden, async () => ({ status: "ok" }));
  app.get("/readyz", hidden, async (request, reply) => {
    try {
      await node.db.kysely.selectFrom("projection_state").select("name").limit(1).execute();
      return { status: "ready" };
    } catch (err) {
      request.log.warn({ err }, "database not ready");
      return sendProblem(reply, problem(request, "service.unavailable", "the database does not answer"));
    }
  });
  app.get("/metrics", hidden, async (_request, reply) => {
    reply.type("text/plain; version=0.0.4");
    return metrics.render();
  });
}
