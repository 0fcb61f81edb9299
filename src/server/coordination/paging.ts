import { DomainError } from "../../core/errors";

/**
 * Keyset paging for coordination lists: the cursor is the sort key of the last item of the
 * previous page, opaque to clients (base64url of its JSON).
 */
export const encodeCursor = (key: readonly string[]) => Buffer.from(JSON.stringify(key)).toString("base64url");

export function decodeCursor(cursor: string | undefined, parts: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === "string")) return key as string[];
  } catch {
    // falls through to the refusal
  }
  throw new DomainError("validation.failed", "not a cursor of this list", "query.cursor");
}

/** The page of `rows` (fetched with limit + 1) and the cursor of the next one. */
export function pageOf<R>(rows: readonly R[], limit: number, key: (r: R) => string[]): { rows: R[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}

export const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");
export const parseList = <T = string>(text: string): T[] => JSON.parse(text) as T[];
