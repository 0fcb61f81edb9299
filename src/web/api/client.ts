import i18next from "i18next";

/** One field the server refused, as problem+json `errors[]` names it. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * An RFC 9457 problem the API answered with. `title` is already in the user's language
 * (the request carries Accept-Language); `code` is stable for scripts and tests.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: readonly FieldProblem[] = [],
    readonly detail?: string,
  ) {
    super(title);
    this.name = "ApiError";
  }
}

interface ProblemBody {
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
}

/** The API root; every call goes to the node that served the page. */
export const API = "/api/v1";

/**
 * Calls the node's REST API with the session cookie. JSON in, JSON out; a non-2xx answer
 * becomes an ApiError carrying the problem's title, code and fields.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": i18next.language || "es" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, {
      method: init.method ?? "GET",
      credentials: "same-origin",
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "network", i18next.t("errors.network"));
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  if (!res.ok) {
    const body: ProblemBody = type.includes("json") ? await res.json().catch(() => ({})) : {};
    throw new ApiError(
      res.status,
      body.code ?? `http.${res.status}`,
      body.title ?? i18next.t("errors.http", { status: res.status }),
      body.errors ?? [],
      body.detail,
    );
  }
  return (type.includes("json") ? await res.json() : await res.text()) as T;
}

/** Whether an error means "you are not logged in (any more)". */
export function isAuthError(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}
