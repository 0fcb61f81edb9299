import { Box, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** Facts about one object as a description list: term on the left, value on the right. */
export function FactList({ facts }: { facts: readonly (readonly [string, ReactNode])[] }) {
  return (
    <Box component="dl" m={0} style={{ display: "grid", gridTemplateColumns: "minmax(90px, max-content) 1fr", gap: "6px 12px" }}>
      {facts.map(([term, value]) => (
        <Box key={term} style={{ display: "contents" }}>
          <Text component="dt" size="sm" c="dimmed">
            {term}
          </Text>
          <Box component="dd" m={0} fz="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
            {value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
