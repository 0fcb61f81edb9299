import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLOR = ["gray.7", "yellow.9", "cyan.9", "green.9"] as const;

/** Implementation level 0–3 with its name (not started, minimal, intermediate, complete). */
export function LevelBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLOR[level] ?? "gray.7"}
      variant="outline"
      radius="sm"
      styles={{ root: { textTransform: "none", minWidth: "max-content" }, label: { overflow: "visible" } }}
    >
      {`${level} · ${t(`level.${level}`)}`}
    </Badge>
  );
}
