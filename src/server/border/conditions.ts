/** WHERE clauses and their parameters, built up filter by filter. */
export function conditions() {
  const where: string[] = [];
  const params: unknown[] = [];
  return {
    params,
    add(clause: string, ...values: unknown[]) {
      where.push(clause);
      params.push(...values);
    },
    sql: () => (where.length ? `WHERE ${where.join(" AND ")}` : ""),
  };
}
