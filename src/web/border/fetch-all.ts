import { api } from "../api/client";

interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * Every item of a list endpoint, following its cursor page by page (at most `max` items, so
 * a runaway list cannot freeze the tab). Answers that are plain arrays are taken whole.
 */
export async function fetchAll<T>(path: string, params: URLSearchParams = new URLSearchParams(), max = 20_000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const q = new URLSearchParams(params);
    if (cursor) q.set("cursor", cursor);
    const query = q.toString();
    const res = await api<T[] | Page<T>>(query ? `${path}?${query}` : path);
    if (Array.isArray(res)) return res;
    items.push(...res.items);
    cursor = res.nextCursor;
  } while (cursor && items.length < max);
  return items;
}
