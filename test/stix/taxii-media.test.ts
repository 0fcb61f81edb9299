import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acceptsTaxii, isTaxiiContentType } from "../../src/server/taxii/media";
import { decodeCursor, type Entry, encodeCursor, MAX_PAGE, pageOf, parseQuery } from "../../src/server/taxii/paging";

describe("TAXII media types", () => {
  it("admits the TAXII 2.1 type, the type without version, wildcards and no header", () => {
    for (const a of [
      "application/taxii+json;version=2.1",
      "application/taxii+json; version=2.1",
      'application/taxii+json;version="2.1"',
      "application/taxii+json",
      "Application/TAXII+JSON;version=2.1",
      "*/*",
      "application/*",
      "text/html, application/taxii+json;version=2.1;q=0.5",
      undefined,
      "",
    ]) {
      assert.equal(acceptsTaxii(a), true, String(a));
    }
  });

  it("refuses other types, other versions and q=0", () => {
    for (const a of [
      "application/json",
      "application/stix+json;version=2.1",
      "application/taxii+json;version=2.0",
      "text/*",
      "application/taxii+json;version=2.1;q=0",
    ]) {
      assert.equal(acceptsTaxii(a), false, a);
    }
  });

  it("a body is TAXII 2.1 only when its Content-Type says so", () => {
    assert.equal(isTaxiiContentType("application/taxii+json;version=2.1"), true);
    assert.equal(isTaxiiContentType("application/taxii+json"), true);
    assert.equal(isTaxiiContentType("application/json"), false);
    assert.equal(isTaxiiContentType("application/taxii+json;version=2.0"), false);
    assert.equal(isTaxiiContentType(undefined), false);
  });
});

describe("TAXII paging", () => {
  const entries: Entry[] = Array.from({ length: 25 }, (_, i) => ({
    id: `indicator--00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    type: i % 2 ? "location" : "report",
    version: "2026-01-01T00:00:00.000Z",
    dateAdded: 1_000 + Math.floor(i / 3),
  }));

  it("walks every entry once, in (date added, id) order, page after page", () => {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = pageOf(entries, { limit: 4, ...(next ? { next } : {}) });
      seen.push(...page.entries.map((e) => e.id));
      next = page.next;
      assert.equal(page.more, next !== undefined);
      pages++;
    } while (next);
    assert.equal(pages, 7);
    assert.deepEqual(
      seen,
      entries.map((e) => e.id),
    );
  });

  it("filters by added_after (strictly after), type, id and version", () => {
    assert.equal(pageOf(entries, { limit: 100, addedAfter: 1_006 }).entries.length, 4, "dates 1007 and 1008");
    assert.equal(pageOf(entries, { limit: 100, types: ["location"] }).entries.length, 12);
    assert.equal(pageOf(entries, { limit: 100, ids: [entries[3]?.id ?? ""] }).entries.length, 1);
    assert.equal(pageOf(entries, { limit: 100, versions: ["2026-01-01T00:00:00Z"] }).entries.length, 25);
    assert.equal(pageOf(entries, { limit: 100, versions: ["2025-01-01T00:00:00.000Z"] }).entries.length, 0);
    assert.equal(pageOf(entries, { limit: 100, specVersions: ["2.0"] }).entries.length, 0);
  });

  it("reads query parameters and refuses bad ones naming them", () => {
    const q = parseQuery({ limit: "5000", "match[type]": "report,location", added_after: "2026-01-01T00:00:00Z" }, [
      "limit",
      "match[type]",
      "added_after",
    ]);
    assert.equal(q.limit, MAX_PAGE);
    assert.deepEqual(q.types, ["report", "location"]);
    const bad = (query: Record<string, unknown>, field: string) =>
      assert.throws(
        () => parseQuery(query, ["limit", "added_after", "next", "match[version]"]),
        (e: { field?: string }) => e.field === field,
      );
    bad({ limit: "0" }, "query.limit");
    bad({ limit: "ten" }, "query.limit");
    bad({ added_after: "yesterday" }, "query.added_after");
    bad({ added_after: "2026-01-01T00:00:00+02:00" }, "query.added_after");
    bad({ next: "garbage" }, "query.next");
    bad({ "match[version]": "newest" }, "query.match[version]");
    bad({ "match[colour]": "red" }, "query.match[colour]");
    const first = entries[0] as Entry;
    assert.deepEqual(decodeCursor(encodeCursor(first)), { dateAdded: first.dateAdded, id: first.id });
  });
});
