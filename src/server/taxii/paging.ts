import { DomainError } from "../../core/errors";

/**
 * TAXII 2.1 filtering and paging over a collection's manifest, kept pure. Entries are ordered
 * by (date added, id) and a page's `next` is the position of its last entry, so a client
 * walking the pages sees every entry that was there when it started exactly once, while
 * entries added meanwhile (always later) come at the end: no gap, no repeat.
 */
export interface Entry {
  /** STIX id. */
  readonly id: string;
  readonly type: string;
  /** The object's `modified` (its `created` when it has none): the TAXII version. */
  readonly version: string;
  /** When this node added this version to the collection (ms since the epoch). */
  readonly dateAdded: number;
}

export interface Filters {
  readonly addedAfter?: number;
  readonly ids?: readonly string[];
  readonly types?: readonly string[];
  /** `first`, `last`, `all` or versions (timestamps); `last` by default. */
  readonly versions?: readonly string[];
  readonly specVersions?: readonly string[];
}

export interface Page<E extends Entry> {
  readonly entries: E[];
  readonly more: boolean;
  readonly next?: string;
}

/** The server's page size limit: a client asking for more gets this many. */
export const MAX_PAGE = 1000;

const KEYWORDS = new Set(["first", "last", "all"]);

/** The spec version every object served here has. */
export const SPEC_VERSION = "2.1";

/** A TAXII timestamp as text, in UTC with milliseconds. */
export const taxiiTime = (ms: number) => new Date(ms).toISOString();

const list = (raw: unknown, field: string): string[] | undefined => {
  if (raw === undefined) return undefined;
  if (typeof raw !== "string") throw new DomainError("validation.failed", `${field} is given once, values separated by commas`, field);
  const values = raw
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) throw new DomainError("validation.failed", `${field} is empty`, field);
  return values;
};

/** Reads TAXII query parameters; a bad value is refused naming the parameter. */
export function parseQuery(query: Record<string, unknown>, allowed: readonly string[]): Filters & { limit: number; next?: string } {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) throw new DomainError("validation.failed", `unknown parameter ${key}`, `query.${key}`);
  }
  let addedAfter: number | undefined;
  if (query.added_after !== undefined) {
    const text = String(query.added_after);
    addedAfter = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(addedAfter))
      throw new DomainError("validation.failed", "added_after is an RFC 3339 timestamp in UTC", "query.added_after");
  }
  let limit = MAX_PAGE;
  if (query.limit !== undefined) {
    const n = Number(query.limit);
    if (!/^\d+$/.test(String(query.limit)) || n < 1)
      throw new DomainError("validation.failed", "limit is a positive integer", "query.limit");
    limit = Math.min(n, MAX_PAGE);
  }
  const versions = list(query["match[version]"], "query.match[version]");
  for (const v of versions ?? []) {
    if (!KEYWORDS.has(v) && Number.isNaN(Date.parse(v))) {
      throw new DomainError("validation.failed", "match[version] takes first, last, all or timestamps", "query.match[version]");
    }
  }
  const next = query.next === undefined ? undefined : String(query.next);
  if (next !== undefined) decodeCursor(next);
  const ids = list(query["match[id]"], "query.match[id]");
  const types = list(query["match[type]"], "query.match[type]");
  const specVersions = list(query["match[spec_version]"], "query.match[spec_version]");
  return {
    limit,
    ...(addedAfter !== undefined ? { addedAfter } : {}),
    ...(ids ? { ids } : {}),
    ...(types ? { types } : {}),
    ...(versions ? { versions } : {}),
    ...(specVersions ? { specVersions } : {}),
    ...(next !== undefined ? { next } : {}),
  };
}

export function encodeCursor(e: Entry): string {
  return Buffer.from(JSON.stringify([e.dateAdded, e.id])).toString("base64url");
}

export function decodeCursor(text: string): { dateAdded: number; id: string } {
  try {
    const v = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && typeof v[1] === "string") return { dateAdded: v[0], id: v[1] };
  } catch {
    // falls through to the refusal
  }
  throw new DomainError("validation.failed", "next is not a value this server gave", "query.next");
}

const byPosition = (a: Entry, b: Entry) => a.dateAdded - b.dateAdded || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether an entry passes the filters (each server holds one version per object, see docs). */
export function matches(e: Entry, f: Filters): boolean {
  if (f.addedAfter !== undefined && e.dateAdded <= f.addedAfter) return false;
  if (f.ids && !f.ids.includes(e.id)) return false;
  if (f.types && !f.types.includes(e.type)) return false;
  if (f.specVersions && !f.specVersions.includes(SPEC_VERSION)) return false;
  if (f.versions && !f.versions.some((v) => KEYWORDS.has(v) || Date.parse(v) === Date.parse(e.version))) return false;
  return true;
}

/** One page of the entries that pass the filters, after the cursor `next`. */
export function pageOf<E extends Entry>(entries: readonly E[], f: Filters & { limit: number; next?: string }): Page<E> {
  const after = f.next ? decodeCursor(f.next) : undefined;
  const passing = entries
    .filter((e) => matches(e, f) && (!after || byPosition(e, { ...after, type: "", version: "" }) > 0))
    .sort(byPosition);
  const page = passing.slice(0, f.limit);
  const more = passing.length > page.length;
  const last = page[page.length - 1];
  return { entries: page, more, ...(more && last ? { next: encodeCursor(last) } : {}) };
}

/** X-TAXII-Date-Added-First/Last of a page, when it holds anything. */
export function dateHeaders(entries: readonly Entry[]): Record<string, string> {
  const first = entries[0];
  const last = entries[entries.length - 1];
  return first && last
    ? { "X-TAXII-Date-Added-First": taxiiTime(first.dateAdded), "X-TAXII-Date-Added-Last": taxiiTime(last.dateAdded) }
    : {};
}
