/**
 * TAXII 2.1 content negotiation (§1.6.8). Every TAXII answer is
 * `application/taxii+json;version=2.1`; a request whose Accept admits neither that type nor a
 * wildcard over it is refused with 406, and a POST body of another type with 415. A type
 * without a version parameter means the latest version, which here is 2.1.
 */
export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
export const TAXII_VERSION = "2.1";

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly params: ReadonlyMap<string, string>;
}

function parseRange(text: string): MediaRange | undefined {
  const [full = "", ...rest] = text.split(";").map((p) => p.trim());
  const [type, subtype] = full.toLowerCase().split("/");
  if (!type || !subtype) return undefined;
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq > 0)
      params.set(
        p.slice(0, eq).trim().toLowerCase(),
        p
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, "$1"),
      );
  }
  return { type, subtype, params };
}

const isTaxii21 = (r: MediaRange) =>
  r.type === "application" && r.subtype === "taxii+json" && (!r.params.has("version") || r.params.get("version") === TAXII_VERSION);

/** Whether an Accept header admits the TAXII 2.1 media type (no header admits anything). */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  return accept.split(",").some((part) => {
    const r = parseRange(part);
    if (!r || r.params.get("q") === "0" || Number(r.params.get("q") ?? 1) <= 0) return false;
    return isTaxii21(r) || (r.type === "*" && r.subtype === "*") || (r.type === "application" && r.subtype === "*");
  });
}

/** Whether a Content-Type is the TAXII 2.1 media type. */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  const r = contentType ? parseRange(contentType) : undefined;
  return r !== undefined && isTaxii21(r);
}
