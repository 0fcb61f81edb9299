import { Badge, type BadgeProps } from "@mantine/core";
import type { ReactNode } from "react";

/** Palette names the console uses for states. */
export type Tone = "green" | "red" | "orange" | "gray" | "blue" | "grape" | "indigo" | "teal" | "yellow" | "cyan";

/**
 * A state shown as a tinted badge: the darkest shade of the tone on its lightest, so text
 * keeps AA contrast, with the meaning always spelled out (colour is never the only signal).
 */
export function StatusBadge({
  tone,
  label,
  children,
  component = "div",
  ...rest
}: { tone: Tone; label?: string; children?: ReactNode; component?: "div" | "li"; tabIndex?: number; "aria-label"?: string } & Omit<
  BadgeProps,
  "color" | "variant"
>) {
  return (
    <Badge
      radius="sm"
      variant="outline"
      component={component}
      {...rest}
      styles={{
        root: {
          textTransform: "none",
          minWidth: "max-content",
          background: `var(--mantine-color-${tone}-0)`,
          color: `var(--mantine-color-${tone}-9)`,
          borderColor: `var(--mantine-color-${tone}-4)`,
        },
        label: { overflow: "visible" },
      }}
    >
      {children ?? label}
    </Badge>
  );
}
