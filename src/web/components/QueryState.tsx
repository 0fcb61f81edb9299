import { Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "./ProblemAlert";

/** Loading spinner, the problem, or the children once a query has data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (query.data === undefined) {
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={t("common.loading")} />
      </Center>
    );
  }
  return <>{children(query.data)}</>;
}
