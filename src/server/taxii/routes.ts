import type { FastifyRequest } from "fastify";
import { DomainError } from "../../core/errors";
import { STIX_MEDIA_TYPE } from "../../core/stix/bundle";
import { STIX_ID_PATTERN } from "../../core/stix/ids";
import type { Sql } from "../db/database";
import type { App } from "../http/types";
import type { NodeRuntime } from "../node";
import { sidesOf } from "../stix/sides";
import { type Collection, collectionIndex, type IndexEntry, listCollections } from "./collection";
import { addTaxiiGuards, sendTaxii } from "./http";
import { isTaxiiContentType, TAXII_MEDIA_TYPE } from "./media";
import { dateHeaders, pageOf, parseQuery, taxiiTime } from "./paging";
import { renderPage } from "./render";

/**
 * The TAXII 2.1 server under /taxii2/: discovery, one API root (`enlace`), a read-only
 * collection per shared space, and its objects, manifest and versions. Collections accept
 * no writes (sharing stays an explicit release), so there is never a status to look up.
 */
export const API_ROOT = "enlace";
const MAX_CONTENT_LENGTH = 10 * 1024 * 1024;
const OBJECT_FILTERS = ["added_after", "limit", "next", "match[id]", "match[type]", "match[version]", "match[spec_version]"];
const ONE_OBJECT_FILTERS = ["added_after", "limit", "next", "match[version]", "match[spec_version]"];
const VERSION_FILTERS = ["added_after", "limit", "next", "match[spec_version]"];

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, unknown> }>;

export function taxiiRoutes(app: App, node: NodeRuntime): void {
  const { db, config } = node;
  addTaxiiGuards(app, { db, node: config.node });
  app.addContentTypeParser("application/taxii+json", { parseAs: "string", bodyLimit: MAX_CONTENT_LENGTH }, (_req, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch (err) {
      done(Object.assign(err as Error, { statusCode: 400 }), undefined);
    }
  });
  const self = { node: config.node, name: config.name, country: config.country };
  const base = (request: FastifyRequest) => (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, "");
  const schema = { hide: true };

  const collection = async (sql: Sql, id: string): Promise<Collection> => {
    const found = (await listCollections(sql, config.node)).find((c) => c.id === id);
    if (!found) throw new DomainError("taxii.collection_not_found", `no collection ${id}`, "path.collectionId");
    return found;
  };
  const collectionView = (c: Collection) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    alias: c.space,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  });
  /** The collection's index read in one snapshot, with what a page needs. */
  const withIndex = <T>(
    id: string,
    fn: (sql: Sql, entries: IndexEntry[], render: (page: IndexEntry[]) => Promise<unknown[]>) => Promise<T>,
  ) =>
    db.snapshot(async (sql) => {
      const c = await collection(sql, id);
      const index = await collectionIndex(sql, c.space, await sidesOf(sql, self));
      return fn(sql, index.entries, (page) => renderPage(sql, index, page));
    });
  const objectId = (request: Req) => {
    const id = request.params.objectId ?? "";
    if (!STIX_ID_PATTERN.test(id)) throw new DomainError("taxii.object_not_found", `${id} is not a STIX id`, "path.objectId");
    return id;
  };
  const readOnly = (request: Req) => {
    if (request.method === "POST" && !isTaxiiContentType(request.headers["content-type"])) {
      throw new DomainError("request.unsupported_media_type", `send ${TAXII_MEDIA_TYPE}`, "header.content-type");
    }
    throw new DomainError("taxii.read_only", "this collection accepts no writes: release intelligence in Enlace instead");
  };

  app.get("/", { schema }, async (request, reply) =>
    sendTaxii(reply, {
      title: `Enlace — ${config.name}`,
      description: "Inteligencia compartida en los espacios binacionales / Intelligence shared in the binational spaces",
      default: `${base(request)}/taxii2/${API_ROOT}/`,
      api_roots: [`${base(request)}/taxii2/${API_ROOT}/`],
    }),
  );

  app.get(`/${API_ROOT}/`, { schema }, async (_request, reply) =>
    sendTaxii(reply, {
      title: `Enlace ${config.node}`,
      description: "Una colección de solo lectura por espacio compartido / One read-only collection per shared space",
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: MAX_CONTENT_LENGTH,
    }),
  );

  app.get(`/${API_ROOT}/status/:statusId/`, { schema }, async (request: Req) => {
    throw new DomainError(
      "taxii.status_not_found",
      `no status ${request.params.statusId}: no collection here accepts writes`,
      "path.statusId",
    );
  });

  app.get(`/${API_ROOT}/collections/`, { schema }, async (_request, reply) => {
    const list = await db.connection((sql) => listCollections(sql, config.node));
    return sendTaxii(reply, list.length ? { collections: list.map(collectionView) } : {});
  });

  app.get(`/${API_ROOT}/collections/:collectionId/`, { schema }, async (request: Req, reply) =>
    sendTaxii(reply, collectionView(await db.connection((sql) => collection(sql, request.params.collectionId ?? "")))),
  );

  app.get(`/${API_ROOT}/collections/:collectionId/manifest/`, { schema }, async (request: Req, reply) => {
    const q = parseQuery(request.query, OBJECT_FILTERS);
    const page = await withIndex(request.params.collectionId ?? "", async (_sql, entries) => pageOf(entries, q));
    const body = page.entries.map((e) => ({
      id: e.id,
      date_added: taxiiTime(e.dateAdded),
      version: e.version,
      media_type: STIX_MEDIA_TYPE,
    }));
    reply.headers(dateHeaders(page.entries));
    return sendTaxii(reply, body.length ? { more: page.more, ...(page.next ? { next: page.next } : {}), objects: body } : {});
  });

  app.get(`/${API_ROOT}/collections/:collectionId/objects/`, { schema }, async (request: Req, reply) => {
    const q = parseQuery(request.query, OBJECT_FILTERS);
    const { page, objects } = await withIndex(request.params.collectionId ?? "", async (_sql, entries, render) => {
      const p = pageOf(entries, q);
      return { page: p, objects: await render(p.entries) };
    });
    reply.headers(dateHeaders(page.entries));
    return sendTaxii(reply, objects.length ? { more: page.more, ...(page.next ? { next: page.next } : {}), objects } : {});
  });
  app.post(`/${API_ROOT}/collections/:collectionId/objects/`, { schema, bodyLimit: MAX_CONTENT_LENGTH }, async (request: Req) => {
    await db.connection((sql) => collection(sql, request.params.collectionId ?? ""));
    return readOnly(request);
  });

  /** The versions of one object the filters select, written out when `write` is set. */
  const oneObject = async (request: Req, filters: readonly string[], write: boolean) => {
    const id = objectId(request);
    const q = parseQuery(request.query, filters);
    return withIndex(request.params.collectionId ?? "", async (_sql, entries, render) => {
      const mine = entries.filter((e) => e.id === id);
      if (mine.length === 0) throw new DomainError("taxii.object_not_found", `${id} is not in this collection`, "path.objectId");
      const page = pageOf(mine, q);
      return { page, objects: write ? await render(page.entries) : [] };
    });
  };

  app.get(`/${API_ROOT}/collections/:collectionId/objects/:objectId/`, { schema }, async (request: Req, reply) => {
    const { page, objects } = await oneObject(request, ONE_OBJECT_FILTERS, true);
    reply.headers(dateHeaders(page.entries));
    return sendTaxii(reply, objects.length ? { more: page.more, ...(page.next ? { next: page.next } : {}), objects } : {});
  });
  app.delete(`/${API_ROOT}/collections/:collectionId/objects/:objectId/`, { schema }, async (request: Req) => {
    await db.connection((sql) => collection(sql, request.params.collectionId ?? ""));
    return readOnly(request);
  });

  app.get(`/${API_ROOT}/collections/:collectionId/objects/:objectId/versions/`, { schema }, async (request: Req, reply) => {
    const { page } = await oneObject(request, VERSION_FILTERS, false);
    reply.headers(dateHeaders(page.entries));
    const versions = page.entries.map((e) => e.version);
    return sendTaxii(reply, versions.length ? { more: page.more, ...(page.next ? { next: page.next } : {}), versions } : {});
  });
}
