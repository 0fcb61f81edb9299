import { api } from "../api/client";

/** A query string from the defined values only (undefined, null and "" are left out). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * Every item of a coordination list, following its `next` cursor page by page. Bounded by
 * `max` so a runaway list cannot freeze the tab; the pages a person reads hold tens to hundreds.
 */
export async function fetchPages<T>(
  path: string,
  params: Record<string, string | number | boolean | null | undefined> = {},
  max = 2_000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; next: string | null } = await api(`${path}${queryString({ ...params, limit: 500, cursor })}`);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < max);
  return items;
}
