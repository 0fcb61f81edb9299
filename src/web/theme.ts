import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * The console's look: system fonts only (nothing is fetched at run time), a sober navy
 * primary that keeps AA contrast on white, and slightly larger touch targets for tablets.
 */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
  headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif" },
  defaultRadius: "sm",
  components: {
    Button: { defaultProps: { size: "sm" } },
  },
});

/** Dimmed text one step darker than Mantine's default, so secondary text keeps AA contrast. */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});
