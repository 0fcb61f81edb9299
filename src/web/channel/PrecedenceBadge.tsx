import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Precedence } from "../../core/channel/schema";

/** ACP 121 precedence: FLASH in solid red, IMMEDIATE in orange, PRIORITY outlined in blue, ROUTINE in grey; always spelled out. */
const LOOK: Record<Precedence, { variant: "filled" | "light" | "outline"; color: string }> = {
  flash: { variant: "filled", color: "red.8" },
  immediate: { variant: "filled", color: "orange.9" },
  priority: { variant: "outline", color: "blue.9" },
  routine: { variant: "outline", color: "gray.7" },
};

export function PrecedenceBadge({ precedence }: { precedence: Precedence }) {
  const { t } = useTranslation();
  const look = LOOK[precedence];
  return (
    <Badge variant={look.variant} color={look.color} radius="sm" style={{ letterSpacing: "0.04em" }}>
      {t(`channel.precedence.${precedence}`)}
    </Badge>
  );
}
