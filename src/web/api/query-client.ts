import { QueryCache, QueryClient } from "@tanstack/react-query";
import { isAuthError } from "./client";

/**
 * The console's one QueryClient. A client error (4xx) is not retried; a 401 on any query
 * sends the console back to the login page by refetching the session.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (isAuthError(err) && query.queryKey[0] !== "me") void client.invalidateQueries({ queryKey: ["me"] });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => {
          const status = (err as { status?: number }).status ?? 0;
          return status !== 0 && status < 500 ? false : count < 2;
        },
      },
    },
  });
  return client;
}
