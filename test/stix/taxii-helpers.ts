import assert from "node:assert/strict";
import type { LightMyRequestResponse } from "fastify";
import type { StixObject } from "../../src/core/stix/objects";
import type { App } from "../../src/server/http/types";

/** Calling the TAXII server of an app as a TAXII client would, and walking its pages. */
export const TAXII = "application/taxii+json;version=2.1";

export interface Envelope {
  more?: boolean;
  next?: string;
  objects?: StixObject[];
}

export function taxiiOf(app: App) {
  return (
    path: string,
    opts: { token?: string; accept?: string | null; method?: "GET" | "POST" | "DELETE"; body?: string; contentType?: string } = {},
  ) =>
    app.inject({
      method: opts.method ?? "GET",
      url: `/taxii2${path}`,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.accept === null ? {} : { accept: opts.accept ?? TAXII }),
        ...(opts.contentType ? { "content-type": opts.contentType } : {}),
      },
      ...(opts.body !== undefined ? { payload: opts.body } : {}),
    });
}

/** Asserts a TAXII answer with this status in the TAXII media type and returns its body. */
export function expectTaxii<T>(res: LightMyRequestResponse, status = 200): T {
  assert.equal(res.statusCode, status, `expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 400)}`);
  assert.equal(res.headers["content-type"], TAXII);
  return res.json<T>();
}

/** Asserts a TAXII error message with this status and Enlace code. */
export function expectTaxiiError(res: LightMyRequestResponse, status: number, code: string) {
  const body = expectTaxii<{ title: string; error_code: string; http_status: string; error_id: string; details?: { field?: string } }>(
    res,
    status,
  );
  assert.equal(body.error_code, code);
  assert.equal(body.http_status, String(status));
  assert.ok(body.title.length > 0 && body.error_id.length > 0);
  return body;
}

/** Walks `path` page by page with `limit`, calling `between` after each page; returns every object and the pages' headers. */
export async function walk(
  get: ReturnType<typeof taxiiOf>,
  token: string,
  path: string,
  limit: number,
  between: (page: number) => Promise<void> = async () => {},
) {
  const objects: StixObject[] = [];
  const headers: { first: string; last: string }[] = [];
  let next: string | undefined;
  let page = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res = await get(`${path}${sep}limit=${limit}${next ? `&next=${encodeURIComponent(next)}` : ""}`, { token });
    const body = expectTaxii<Envelope>(res);
    const got = body.objects ?? [];
    assert.ok(got.length <= limit);
    if (got.length > 0) {
      headers.push({ first: String(res.headers["x-taxii-date-added-first"]), last: String(res.headers["x-taxii-date-added-last"]) });
    }
    objects.push(...got);
    assert.equal(body.more === true, body.next !== undefined, "next comes with more");
    next = body.next;
    await between(page++);
  } while (next);
  return { objects, headers, pages: page };
}
