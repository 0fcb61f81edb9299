import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { createQueryClient } from "./api/query-client";
import { AppRoutes } from "./routes";
import { cssVariables, theme } from "./theme";

/** The providers every page needs: theme, server state and the routes. */
export function App() {
  const [client] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariables}>
      <QueryClientProvider client={client}>
        <AppRoutes />
      </QueryClientProvider>
    </MantineProvider>
  );
}
