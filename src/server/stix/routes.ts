import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../core/errors";
import { reportBundle, STIX_MEDIA_TYPE } from "../../core/stix/bundle";
import { canStix } from "../../core/stix/policy";
import { actorOf } from "../http/auth";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { reportGraph } from "./graph";
import { importStix } from "./import";

/**
 * STIX 2.1 at the REST API: a report with everything it references as one bundle, and a
 * bundle from another tool into the national space. Bundles travel as
 * `application/stix+json;version=2.1`; plain `application/json` is read too.
 */
const IMPORT_LIMIT = 32 * 1024 * 1024;

const jsonBody = (_req: unknown, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) => {
  try {
    done(null, JSON.parse(String(body)));
  } catch (err) {
    done(Object.assign(err as Error, { statusCode: 400 }), undefined);
  }
};

export function stixRoutes(app: App, node: NodeRuntime): void {
  const { config, db, store } = node;
  const self = { node: config.node, name: config.name, country: config.country };
  const tags = ["stix"];
  // A scope of their own, so the STIX media type is parsed here only.
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("application/stix+json", { parseAs: "string", bodyLimit: IMPORT_LIMIT }, jsonBody);
    // Fastify rewrites a JSON-like type (quoting the version, adding a charset); STIX tools compare it as written.
    scope.addHook("onSend", async (_request, reply) => {
      if (String(reply.getHeader("content-type") ?? "").startsWith("application/stix+json")) reply.header("content-type", STIX_MEDIA_TYPE);
    });

    scope.get(
      "/export/stix",
      {
        schema: {
          tags,
          summary: "A report and everything it references as a STIX 2.1 bundle (application/stix+json;version=2.1)",
          querystring: z.strictObject({ report: z.uuid() }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!canStix(actor.role, "stix.export")) throw new DomainError("auth.forbidden", `role ${actor.role} may not export STIX`);
        const graph = await db.snapshot((sql) => reportGraph(sql, self, request.query.report));
        if (!graph) throw new DomainError("intel.not_found", "no such intelligence report", "query.report");
        const bundle = reportBundle(graph);
        return reply
          .type(STIX_MEDIA_TYPE)
          .header("content-disposition", `attachment; filename="informe-${request.query.report}.stix.json"`)
          .send(JSON.stringify(bundle));
      },
    );

    scope.post(
      "/import/stix",
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary: "Import a STIX 2.1 bundle into the national space: threat actors as groups, reports as national intelligence",
          description:
            "The body is a STIX 2.1 bundle (application/stix+json or application/json). One transaction: a malformed object refuses the whole bundle with `stix.invalid` naming `objects.<index>.<property>`.",
        },
      },
      async (request) => importStix({ store, actor: actorOf(request) }, request.body),
    );
  });
}
